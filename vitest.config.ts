import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      'hookpack/testing': fileURLToPath(new URL('./lib/testing.ts', import.meta.url)),
      hookpack: fileURLToPath(new URL('./lib/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build-test-hooks.ts'],
    // Process tests spawn real node processes on two cores: generous timeouts, never timing assertions.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
