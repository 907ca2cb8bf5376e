import { describe, expect, it } from 'vitest';
import { processStartMs } from '../../../lib/runtime/clock.ts';
import { hookDeadline } from '../../../lib/runtime/deadline.ts';

// Date.now() has millisecond resolution: the start time read twice may differ by 1 ms.
const budget = (timeout: number, env: NodeJS.ProcessEnv = {}) =>
  Math.round((hookDeadline(timeout, env) - processStartMs()) / 10) * 10;

describe('hookDeadline', () => {
  it('keeps a margin below the settings.json timeout so the hook answers before it is killed', () => {
    expect(budget(10)).toBe(9000);
    expect(budget(5)).toBe(4500);
    expect(budget(60)).toBe(59_000);
  });

  it('keeps at least 200 ms of margin for short timeouts', () => {
    expect(budget(1)).toBe(800);
  });

  it('lets HOOKPACK_DEADLINE_MS override the budget', () => {
    expect(budget(10, { HOOKPACK_DEADLINE_MS: '300' })).toBe(300);
  });

  it('counts from the start it is given: an in-process call (warm daemon, SDK callback) from its own', () => {
    expect(hookDeadline(10, {}, 1_000_000)).toBe(1_009_000);
    expect(hookDeadline(10, { HOOKPACK_DEADLINE_MS: '300' }, 1_000_000)).toBe(1_000_300);
  });

  it.each(['', 'abc', '-5', '0'])('ignores an unusable HOOKPACK_DEADLINE_MS of %j', (value) => {
    expect(budget(10, { HOOKPACK_DEADLINE_MS: value })).toBe(9000);
  });
});
