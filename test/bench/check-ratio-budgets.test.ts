import { expect, it } from 'vitest';
import { checkRatios, ratioBudgetFor } from '../../bench/check.mjs';

it('holds hook and event bundles to 1.2x and the 17-hook bundle to 1.5x; baselines and experiments to nothing', () => {
  expect(ratioBudgetFor({ section: 'hooks', name: 'bash-guard.cjs' })).toBe(1.2);
  expect(ratioBudgetFor({ section: 'events', name: 'on-PreToolUse.cjs' })).toBe(1.2);
  expect(ratioBudgetFor({ section: 'seventeen', name: '1 bundle: on-PreToolUse.cjs' })).toBe(1.5);
  expect(ratioBudgetFor({ section: 'seventeen', name: '17 processes at once' })).toBeUndefined();
  expect(ratioBudgetFor({ section: 'baselines', name: 'node -e 0' })).toBeUndefined();
  expect(ratioBudgetFor({ section: 'variants', name: 'validate: zod-full' })).toBeUndefined();
});

it('reports a ratio over budget but fails only past twice the budget', () => {
  const { ok, results } = checkRatios([
    { section: 'hooks', name: 'a.cjs', ratio: 1.1 },
    { section: 'hooks', name: 'b.cjs', ratio: 1.9 },
    { section: 'seventeen', name: '1 bundle: on-PreToolUse.cjs', ratio: 2.9 },
    { section: 'baselines', name: 'node -e 0', ratio: 1 },
  ]);
  expect(results.map((r) => [r.name, r.status])).toEqual([
    ['a.cjs', 'ok'],
    ['b.cjs', 'over'],
    ['1 bundle: on-PreToolUse.cjs', 'over'],
  ]);
  expect(ok).toBe(true);
  expect(results[1]?.message).toContain('not failing: the check fails above 2.4x');
});

it('fails a ratio over twice its budget', () => {
  const { ok, results } = checkRatios([{ section: 'events', name: 'on-Stop.cjs', ratio: 2.5 }]);
  expect(ok).toBe(false);
  expect(results[0]?.status).toBe('fail');
  expect(results[0]?.message).toMatch(/^on-Stop.cjs: 2.50x node -e 0 \(budget 1.2x\) fails: over 2.4x/);
});
