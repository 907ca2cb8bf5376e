import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The end-to-end suite: the real Claude Code CLI against a scripted mock API (../shared/e2e).
// Run with `npm run test:e2e` after `npm run build`.
export default defineConfig({
  resolve: {
    alias: [{ find: /^hookpack$/, replacement: fileURLToPath(new URL('./lib/index.ts', import.meta.url)) }],
  },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
