import { defineConfig } from 'vitest/config';
import { tsconfigAliases } from './test/setup/tsconfig-aliases.ts';

// The end-to-end suite: the real Claude Code CLI (the pinned devDependency) against our scripted
// mock API (test/e2e/harness). Run with `npm run test:e2e`, which builds first.
export default defineConfig({
  resolve: { alias: tsconfigAliases() },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
