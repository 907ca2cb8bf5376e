import { mkdirSync, mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { putDirectPythonFirst } from './test/setup/direct-python.ts';
import { tsconfigAliases } from './test/setup/tsconfig-aliases.ts';

// Node 20 loads the certificates NODE_EXTRA_CA_CERTS names at every start (3x `node -e 0`'s CPU
// where a host sets it): the tests start ~1,200 node processes and none makes a TLS call, so they
// start node as the installer starts a hook (`env -u NODE_EXTRA_CA_CERTS node …`, lib/define.ts
// `network`). Dropped here, before vitest forks its workers, which pass the environment on.
delete process.env.NODE_EXTRA_CA_CERTS;

// Hooks under test write telemetry and caches: never into the developer's real ~/.cache or config.
// Vitest evaluates this file once more for each project below: one sandbox per run all the same.
const run = globalThis as { hookpackTestSandbox?: string };
const firstEvaluation = run.hookpackTestSandbox === undefined;
const sandbox = (run.hookpackTestSandbox ??= mkdtempSync(join(tmpdir(), 'hookpack-test-')));
if (firstEvaluation) putDirectPythonFirst(join(sandbox, 'bin'));
process.env.HOOKPACK_TEST_SANDBOX = sandbox; // removed by test/setup/build-test-hooks.ts
// HOME too: a process test that passes only PATH and HOME on (spawnHook's cleanEnv) would
// otherwise write telemetry to the real ~/.cache/hookpack and read the real ~/.config/hookpack.
const home = join(sandbox, 'user-home');
mkdirSync(home, { recursive: true });
// This repository's hooks and CLI, built once per run by test/setup/build-test-hooks.ts (in this
// process) and copied by test/cli/_helpers.ts buildCli (in the test workers).
const repoDist = join(sandbox, 'repo-dist');
process.env.HOOKPACK_TEST_REPO_DIST = repoDist;
// The warm path's test hooks and client, built once per run by the same setup, copied by
// test/lib/daemon/_warm.ts setUpWarm for each of its files.
const warmDist = join(sandbox, 'warm-dist');
process.env.HOOKPACK_TEST_WARM_DIST = warmDist;

// Test files that leave no process-wide state behind: no process.env, cwd, timer or module mocks
// changed, or each file puts back what it changes before the next file starts (the breaker and
// cache homes: HOOKPACK_HOME, resetHookpackHome and the caches it switches; fake Date timers;
// an env var set for one test), children spawned with their own environment. They share a worker
// and its module registry (isolate: false), which spares a fresh worker per file: ~0.4 s of CPU
// each (node, vitest and the file's imports), measured with process accounting.
// Files of one worker run one after another, so a change undone by the file's own after-hooks
// never meets another file. Isolated stay only the files that cannot undo what they do:
// - test/lib/breaker/home-unsafe-memory-only: breaker state left in this process's memory
//   (lib/breaker/store.ts), which nothing clears;
// - test/lib/cache/sweep-cache-vanishing: vi.mock('node:fs'), which a shared module registry
//   that has already loaded lib/cache would not see;
// - test/lib/home-symlink: process.chdir.
const SHARED_WORKER = [
  'test/cli/**/*.test.ts',
  'test/hooks/**/*.test.ts',
  'test/build/**/*.test.ts',
  'test/bundles/**/*.test.ts',
  'test/corpus/**/*.test.ts',
  'test/readme.test.ts',
  'test/bench/**/*.test.ts',
  'test/lib/{shell,guards,schemas,context,runtime,run,sdk,adopt,daemon}/**/*.test.ts',
  'test/lib/{background,config-user-dir-trust,config,define,glob,paths,paths-normalize-fast-path,private-file,testing}.test.ts',
  'test/lib/breaker/!(home-unsafe-memory-only).test.ts',
  'test/lib/cache/!(sweep-cache-vanishing).test.ts',
];
const GLOBAL_SETUP = ['test/setup/build-test-hooks.ts'];

export default defineConfig({
  // `hookpack` and `hookpack/*`: tsconfig.json's paths, the one place they are defined.
  resolve: { alias: tsconfigAliases() },
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
      HOOKPACK_TEST_WARM_DIST: warmDist,
    },
    // Process tests spawn real node processes on two cores: generous timeouts, never timing assertions.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker less than the cores: on two cores, one, and every file in turn.
    // Most files wait on the processes they spawn, so four workers keep two cores busy.
    maxWorkers: Math.max(4, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['test/**/*.test.ts'],
          exclude: [...SHARED_WORKER, 'test/e2e/**', 'node_modules/**'],
          globalSetup: GLOBAL_SETUP,
        },
      },
      { extends: true, test: { name: 'shared', include: SHARED_WORKER, isolate: false, globalSetup: GLOBAL_SETUP } },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: 'tsconfig.json',
            checker: fileURLToPath(new URL('./test/setup/tsc-single-threaded.mjs', import.meta.url)),
          },
        },
      },
    ],
  },
});
