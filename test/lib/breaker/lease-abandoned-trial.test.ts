import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breaker } from '../../../lib/breaker.ts';
import { LEASE_GRACE_MS } from '../../../lib/breaker/lease.ts';
import { useTempHome } from './_home.ts';

const home = useTempHome();

function openState(openedAt: number): string {
  return JSON.stringify({
    version: 1,
    state: 'open',
    failures: 3,
    lastFailureAt: openedAt,
    lastError: 'boom',
    openedAt,
  });
}

describe('the trial lease', () => {
  it('makes others use the fallback while a trial holds it', async () => {
    const openedAt = Date.now() - 1_000;
    mkdirSync(home.breakersDir(), { recursive: true, mode: 0o700 });
    writeFileSync(join(home.breakersDir(), 'eslint.json'), openState(openedAt));
    writeFileSync(join(home.breakersDir(), `eslint.${openedAt}.trial`), '12345\n');
    let calls = 0;
    const lint = breaker('eslint', async () => ++calls, {
      resetTimeoutMs: 500,
      timeoutMs: 1_000,
      fallback: () => 'fallback',
    });
    expect(lint.state).toBe('halfOpen');
    expect(await lint.fire()).toBe('fallback');
    expect(calls).toBe(0);
  });

  it('counts a trial that never reported (its lease outlived timeoutMs plus the grace period) as a failure and reopens', async () => {
    const openedAt = Date.now() - 10_000;
    mkdirSync(home.breakersDir(), { recursive: true, mode: 0o700 });
    const file = join(home.breakersDir(), 'eslint.json');
    writeFileSync(file, openState(openedAt));
    const lease = join(home.breakersDir(), `eslint.${openedAt}.trial`);
    writeFileSync(lease, '12345\n');
    const staleSeconds = (Date.now() - 1_000 - LEASE_GRACE_MS - 1_000) / 1000;
    utimesSync(lease, staleSeconds, staleSeconds);

    let calls = 0;
    const lint = breaker('eslint', async () => ++calls, {
      resetTimeoutMs: 500,
      timeoutMs: 1_000,
      fallback: () => 'fallback',
    });
    expect(await lint.fire()).toBe('fallback');
    expect(calls).toBe(0);
    const state = JSON.parse(readFileSync(file, 'utf8'));
    expect(state).toMatchObject({
      state: 'open',
      failures: 4,
      lastError: `trial abandoned: no result within ${1_000 + LEASE_GRACE_MS} ms`,
    });
    expect(state.openedAt).toBeGreaterThan(openedAt);
    expect(readdirSync(home.breakersDir()).filter((f) => f.endsWith('.trial'))).toEqual([]);
  });
});
