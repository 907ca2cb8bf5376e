// Every bundle has a byte budget (bench/budgets.json): every byte is parsed at every hook start.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('bench/budgets.json', root), 'utf8')) as Record<string, number>;
const manifest = JSON.parse(readFileSync(new URL('dist/manifest.json', root), 'utf8')) as {
  hooks: Array<{ file: string }>;
  events: Array<{ file: string }>;
};
const files = [...manifest.hooks, ...manifest.events].map((b) => b.file).concat('cli.cjs');

describe.each(files)('dist/%s', (file) => {
  it('stays within its byte budget', () => {
    const bytes = statSync(fileURLToPath(new URL(`dist/${file}`, root))).size;
    const budget = budgets[file];
    expect(
      budget,
      `no budget for ${file}: add "${file}": ${Math.ceil((bytes * 1.15) / 1000) * 1000} to bench/budgets.json in the same commit`,
    ).toBeTypeOf('number');
    expect(
      bytes,
      `dist/${file} is ${bytes} bytes, over its budget of ${budget}: make it smaller, or raise its entry in bench/budgets.json in the same commit and say why`,
    ).toBeLessThanOrEqual(budget as number);
  });
});
