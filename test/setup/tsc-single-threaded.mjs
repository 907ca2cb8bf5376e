#!/usr/bin/env node
// The tsc of vitest's types project (vitest.config.ts): TypeScript's own, single-threaded. It
// checks the project beside the running tests, so its wall time is hidden and its CPU is not: on
// two cores the checker threads cost 2.4x the CPU of one thread (6.4 s vs 2.7 s for
// `tsc -p tsconfig.json --noEmit`) and finished later (3.6 s vs 2.8 s).
process.argv.push('--singleThreaded');
await import('../../node_modules/typescript/lib/tsc.js');
