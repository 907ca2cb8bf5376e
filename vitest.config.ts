import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Hooks under test write telemetry and caches: never into the developer's real ~/.cache or config.
const sandbox = mkdtempSync(join(tmpdir(), 'hookpack-test-'));
process.env.HOOKPACK_TEST_SANDBOX = sandbox; // removed by test/setup/build-test-hooks.ts
// HOME too: a process test that passes only PATH and HOME on (spawnHook's cleanEnv) would
// otherwise write telemetry to the real ~/.cache/hookpack and read the real ~/.config/hookpack.
const home = join(sandbox, 'user-home');
mkdirSync(home);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^hookpack$/, replacement: fileURLToPath(new URL('./lib/index.ts', import.meta.url)) },
      { find: /^hookpack\/(.*)$/, replacement: fileURLToPath(new URL('./lib/$1', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/setup/build-test-hooks.ts'],
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
    },
    // Process tests spawn real node processes on two cores: generous timeouts, never timing assertions.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
