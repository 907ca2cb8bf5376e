import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, callCount, runChild } from './_processes.ts';
import { useTempHome } from './_home.ts';

const home = useTempHome();
let child: ReturnType<typeof bundleChild>;
beforeAll(() => {
  child = bundleChild();
});
afterAll(() => child.remove());

describe('breaker state shared between processes', () => {
  it('a breaker opened by failures in separate processes is seen open by the next process, which uses the fallback without calling the action', async () => {
    const config = { name: 'eslint', action: 'fail' as const, counter: home.counter(), failureThreshold: 3 };
    for (let i = 1; i <= 3; i++) {
      const run = await runChild(child.file, home.current(), config);
      expect(run.code).toBe(0);
      expect(run.report).toEqual({
        before: 'closed',
        result: 'fallback for a.ts (linter crashed on a.ts)',
        after: i < 3 ? 'closed' : 'open',
      });
      expect(callCount(home.counter())).toBe(i);
    }
    const fourth = await runChild(child.file, home.current(), config);
    expect(fourth.report).toEqual({ before: 'open', result: 'fallback for a.ts (EOPENBREAKER)', after: 'open' });
    expect(callCount(home.counter())).toBe(3);

    const state = JSON.parse(readFileSync(join(home.breakersDir(), 'eslint.json'), 'utf8'));
    expect(state).toEqual({
      version: 1,
      state: 'open',
      failures: 3,
      lastFailureAt: expect.any(Number),
      lastError: 'linter crashed on a.ts',
      openedAt: expect.any(Number),
    });
  });

  it('a success between failures resets the count: failures must be consecutive to open it', async () => {
    const failing = { name: 'api', action: 'fail' as const, counter: home.counter(), failureThreshold: 2 };
    await runChild(child.file, home.current(), failing);
    await runChild(child.file, home.current(), { ...failing, action: 'succeed' });
    const third = await runChild(child.file, home.current(), failing);
    expect(third.report?.after).toBe('closed');
    const fourth = await runChild(child.file, home.current(), failing);
    expect(fourth.report?.after).toBe('open');
    expect(callCount(home.counter())).toBe(4);
  });
});
