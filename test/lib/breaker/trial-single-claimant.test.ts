import { readdirSync, readFileSync } from 'node:fs';
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
const PARALLEL = 10;
// The trial holds its lease this long: every process started by then (even on a loaded machine)
// must find it held, or find the breaker reopened, never a second free trial.
const TRIAL_MS = 1_500;

describe('parallel hooks after the reset period', () => {
  it.each([
    // A slow trial: the other nine arrive while it holds the lease.
    { outcome: 'succeeds', action: 'succeed' as const, after: 'closed' },
    // A failing trial: the others arrive while it holds the lease or after it reopened the breaker.
    { outcome: 'fails', action: 'fail' as const, after: 'open' },
  ])(
    'ten processes firing at once: exactly one makes the trial call ($outcome), nine use the fallback',
    async ({ action, after }) => {
      const base: ChildConfig = {
        name: 'eslint',
        action: 'fail',
        counter: home.counter(),
        failureThreshold: 1,
        resetTimeoutMs: RESET_MS,
      };
      await runChild(child.file, home.current(), base);
      expect(callCount(home.counter())).toBe(1);
      await sleep(RESET_MS + 50);

      // Every process waits for the same instant, so they race for the lease together.
      const goAt = Date.now() + 2_000;
      const runs = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          runChild(child.file, home.current(), { ...base, action, delayMs: TRIAL_MS, goAt }),
        ),
      );
      expect(runs.map((r) => r.code)).toEqual(Array(PARALLEL).fill(0));
      expect(callCount(home.counter())).toBe(2);
      const results = runs.map((r) => r.report?.result);
      expect(results.filter((r) => r?.startsWith('fallback for a.ts (EOPENBREAKER)'))).toHaveLength(PARALLEL - 1);
      const state = JSON.parse(readFileSync(join(home.breakersDir(), 'eslint.json'), 'utf8')) as { state: string };
      expect(state.state).toBe(after);
      expect(readdirSync(home.breakersDir()).filter((f) => f.endsWith('.trial'))).toEqual([]);
    },
  );
});
