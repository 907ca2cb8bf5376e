import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breaker } from '../../../lib/breaker.ts';
import { resetHookpackHome } from '../../../lib/home.ts';
import { bundleChild, callCount, runChild } from './_processes.ts';
import { useTempHome } from './_home.ts';

const home = useTempHome();
let child: ReturnType<typeof bundleChild>;
beforeAll(() => {
  child = bundleChild();
});
afterAll(() => child.remove());

function makeHomeUnsafe(): void {
  mkdirSync(home.current(), { mode: 0o700 });
  chmodSync(home.current(), 0o777);
  resetHookpackHome();
}

describe('a state directory writable by others', () => {
  it('is not used: the breaker works in memory for this process and writes no file', async () => {
    makeHomeUnsafe();
    let calls = 0;
    const api = breaker(
      'api',
      async () => {
        calls++;
        throw new Error('down');
      },
      { failureThreshold: 2, fallback: () => 'fallback' },
    );
    expect(await api.fire()).toBe('fallback');
    expect(await api.fire()).toBe('fallback');
    expect(api.state).toBe('open');
    expect(await api.fire()).toBe('fallback');
    expect(calls).toBe(2);
    expect(readdirSync(home.current())).toEqual([]);
  });

  it('means each new process starts closed, and says so once under HOOKPACK_DEBUG', async () => {
    makeHomeUnsafe();
    const config = { name: 'eslint', action: 'fail' as const, counter: home.counter(), failureThreshold: 1 };
    const first = await runChild(child.file, home.current(), config, { HOOKPACK_DEBUG: '1' });
    expect(first.report).toMatchObject({ before: 'closed', after: 'open' });
    const second = await runChild(child.file, home.current(), config, { HOOKPACK_DEBUG: '1' });
    expect(second.report).toMatchObject({ before: 'closed', after: 'open' });
    expect(callCount(home.counter())).toBe(2);
    expect(first.stderr.match(/breaker state kept in memory/g)).toHaveLength(1);
    expect(first.stderr).toMatch(/writable by group or others/);
    expect(readdirSync(home.current())).toEqual([]);
  });
});
