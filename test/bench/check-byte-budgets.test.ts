import { expect, it } from 'vitest';
import { checkBytes, parseBudgets, suggestBudget } from '../../bench/check.mjs';

const budgets = { 'bash-guard.cjs': 79_000, 'file-guard.cjs': 37_000, 'gone.cjs': 10_000 };

it('passes bundles within their budgets', () => {
  const result = checkBytes(
    [
      { file: 'bash-guard.cjs', bytes: 65_530 },
      { file: 'file-guard.cjs', bytes: 37_000 },
    ],
    budgets,
  );
  expect(result.ok).toBe(true);
  expect(result.results.map((r) => r.status)).toEqual(['ok', 'ok']);
});

it('fails a bundle over its budget, saying by how much and how to raise the budget in the same commit', () => {
  const result = checkBytes([{ file: 'bash-guard.cjs', bytes: 80_123 }], budgets);
  expect(result.ok).toBe(false);
  const [over] = result.results;
  expect(over?.status).toBe('over');
  expect(over?.message).toContain('dist/bash-guard.cjs is 80,123 B, 1,123 B (1.4%) over its budget of 79,000 B');
  expect(over?.message).toContain(
    'raise "bash-guard.cjs" to 97000 in bench/budgets.json in the same commit that makes it grow',
  );
});

it('fails a bundle that has no budget, saying which entry to add', () => {
  const result = checkBytes([{ file: 'cli.cjs', bytes: 2192 }], budgets);
  expect(result.ok).toBe(false);
  expect(result.results[0]?.status).toBe('missing');
  expect(result.results[0]?.message).toBe(
    'dist/cli.cjs (2,192 B) has no byte budget: add "cli.cjs": 2700 to bench/budgets.json (about 20% above its size) in the same commit that adds the bundle.',
  );
});

it('lists budget entries whose bundle no longer exists, without failing', () => {
  const result = checkBytes(
    [
      { file: 'bash-guard.cjs', bytes: 1 },
      { file: 'file-guard.cjs', bytes: 1 },
    ],
    budgets,
  );
  expect(result.ok).toBe(true);
  expect(result.unused).toEqual(['gone.cjs']);
});

it('suggests about 20% headroom, rounded up', () => {
  expect(suggestBudget(65_530)).toBe(79_000);
  expect(suggestBudget(2192)).toBe(2700);
});

it.each([
  ['not JSON', '{', /not valid JSON/],
  ['an array', '[]', /must be an object/],
  ['a key that is not a bundle', '{ "bash-guard.js": 1000 }', /"bash-guard.js": 1000 is not a budget/],
  ['a fractional budget', '{ "a.cjs": 10.5 }', /"a.cjs": 10.5 is not a budget/],
])('rejects a budgets file holding %s', (_what, text, message) => {
  expect(() => parseBudgets(text)).toThrow(message);
});
