import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The end-to-end suite: the real Claude Code CLI (the pinned devDependency) against our scripted
// mock API (test/e2e/harness). Run with `npm run test:e2e`, which builds first.
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
