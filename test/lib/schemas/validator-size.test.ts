import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../../lib/schemas/codegen.ts';

// The validator ships inside every hook bundle. If a schema change breaks a budget, shrink the
// schema or the runtime in lib/schemas/codegen.ts first; raise the number in the same change only
// when the growth is worth it.
const BUDGETS: [string, number][] = [
  ['PreToolUse', 3000],
  ['PermissionRequest', 3000],
  ['SessionStart', 2000],
  ['NotAnEvent', 1600],
];

const minifiedBytes = (event: string) =>
  Buffer.byteLength(transformSync(validatorSource(event), { minify: true }).code);

describe('generated validator size', () => {
  it.each(BUDGETS)('%s minifies below %i bytes', (event, budget) => {
    expect(minifiedBytes(event)).toBeLessThan(budget);
  });
});
