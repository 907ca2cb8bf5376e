import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildConfig } from './_child.ts';
import { bundleChild, callCount, runChild, sleep } from './_processes.ts';
import { useTempHome } from './_home.ts';

const home = useTempHome();
let child: ReturnType<typeof bundleChild>;
beforeAll(() => {
  child = bundleChild();
});
afterAll(() => child.remove());

const RESET_MS = 300;
const stateFile = () => join(home.breakersDir(), 'eslint.json');
const readState = () =>
  JSON.parse(readFileSync(stateFile(), 'utf8')) as { state: string; openedAt: number | null; failures: number };

async function openIt(config: ChildConfig): Promise<number> {
  for (let i = 0; i < 2; i++) await runChild(child.file, home.current(), { ...config, action: 'fail' });
  expect(readState().state).toBe('open');
  return readState().openedAt as number;
}

describe('the trial call after the reset period', () => {
  const config = (): ChildConfig => ({
    name: 'eslint',
    action: 'fail',
    counter: home.counter(),
    failureThreshold: 2,
    resetTimeoutMs: RESET_MS,
  });

  it('closes the breaker and resets the count when the trial call succeeds', async () => {
    await openIt(config());
    await sleep(RESET_MS + 50);
    const trial = await runChild(child.file, home.current(), { ...config(), action: 'succeed' });
    expect(trial.report).toEqual({ before: 'halfOpen', result: 'linted a.ts', after: 'closed' });
    expect(callCount(home.counter())).toBe(3);
    expect(readState()).toMatchObject({ state: 'closed', failures: 0, openedAt: null });
    // the lease is gone with the period it belonged to
    expect(readdirSync(home.breakersDir()).filter((f) => f.endsWith('.trial'))).toEqual([]);
  });

  it('reopens the breaker with a new openedAt when the trial call fails, so the next process skips the call again', async () => {
    const firstOpenedAt = await openIt(config());
    await sleep(RESET_MS + 50);
    const trial = await runChild(child.file, home.current(), config());
    expect(trial.report).toMatchObject({
      before: 'halfOpen',
      result: 'fallback for a.ts (linter crashed on a.ts)',
      after: 'open',
    });
    expect(readState().openedAt).toBeGreaterThan(firstOpenedAt);
    expect(readState().failures).toBe(3);
    // A long reset for this reader, so a slow process start can't carry it into the next half-open period.
    const next = await runChild(child.file, home.current(), { ...config(), action: 'succeed', resetTimeoutMs: 60_000 });
    expect(next.report).toEqual({ before: 'open', result: 'fallback for a.ts (EOPENBREAKER)', after: 'open' });
    expect(callCount(home.counter())).toBe(3);
    expect(existsSync(stateFile())).toBe(true);
  });
});
