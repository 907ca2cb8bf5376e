import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Hooks under test write telemetry and caches: never into the developer's real ~/.cache or config.
// Vitest evaluates this file once more for each project below: one sandbox per run all the same.
const run = globalThis as { hookpackTestSandbox?: string };
const sandbox = (run.hookpackTestSandbox ??= mkdtempSync(join(tmpdir(), 'hookpack-test-')));
process.env.HOOKPACK_TEST_SANDBOX = sandbox; // removed by test/setup/build-test-hooks.ts
// HOME too: a process test that passes only PATH and HOME on (spawnHook's cleanEnv) would
// otherwise write telemetry to the real ~/.cache/hookpack and read the real ~/.config/hookpack.
const home = join(sandbox, 'user-home');
mkdirSync(home, { recursive: true });
// This repository's hooks and CLI, built once per run by test/setup/build-test-hooks.ts (in this
// process) and copied by test/cli/_helpers.ts buildCli (in the test workers).
const repoDist = join(sandbox, 'repo-dist');
process.env.HOOKPACK_TEST_REPO_DIST = repoDist;

// Pure in-process tests: no child processes, no process-wide state left behind (each file resets
// HOOKPACK_HOME and the caches it switches). They share one module registry per worker
// (isolate: false), which spares a fresh worker per file (~0.35 s of CPU each on two cores).
const SHARED_WORKER = ['test/lib/shell/**/*.test.ts', 'test/lib/guards/**/*.test.ts', 'test/lib/schemas/**/*.test.ts', 'test/lib/context/**/*.test.ts', 'test/bench/**/*.test.ts'];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^hookpack$/, replacement: fileURLToPath(new URL('./lib/index.ts', import.meta.url)) },
      { find: /^hookpack\/(.*)$/, replacement: fileURLToPath(new URL('./lib/$1', import.meta.url)) },
    ],
  },
  test: {
    exclude: ['test/e2e/**', 'node_modules/**'],
    env: {
      HOME: home,
      // The real ~/.gitconfig is out of reach now: tests that commit get an identity here.
      GIT_AUTHOR_NAME: 'hookpack tests',
      GIT_AUTHOR_EMAIL: 'tests@hookpack.invalid',
      GIT_COMMITTER_NAME: 'hookpack tests',
      GIT_COMMITTER_EMAIL: 'tests@hookpack.invalid',
      HOOKPACK_HOME: join(sandbox, 'home'),
      HOOKPACK_CONFIG_DIR: join(sandbox, 'config'),
      XDG_CONFIG_HOME: join(sandbox, 'xdg-config'),
      XDG_CACHE_HOME: join(sandbox, 'xdg-cache'),
      HOOKPACK_TEST_REPO_DIST: repoDist,
    },
    // Process tests spawn real node processes on two cores: generous timeouts, never timing assertions.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'process', include: ['test/**/*.test.ts'], exclude: [...SHARED_WORKER, 'test/e2e/**', 'node_modules/**'], globalSetup: ['test/setup/build-test-hooks.ts'] },
      },
      { extends: true, test: { name: 'unit', include: SHARED_WORKER, isolate: false } },
      {
        extends: true,
        test: { name: 'types', include: [], typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' } },
      },
    ],
  },
});
