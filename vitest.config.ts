import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Hooks under test write telemetry and caches: never into the developer's real ~/.cache or config.
const sandbox = mkdtempSync(join(tmpdir(), 'hookpack-test-'));
process.env.HOOKPACK_TEST_SANDBOX = sandbox; // removed by test/setup/build-test-hooks.ts

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
