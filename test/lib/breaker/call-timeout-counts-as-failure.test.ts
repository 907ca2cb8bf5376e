import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breaker } from '../../../lib/breaker.ts';
import { useTempHome } from './_home.ts';

const home = useTempHome();

describe('call timeouts', () => {
  it('counts a call slower than timeoutMs as a failure, and opens after failureThreshold of them', async () => {
    let calls = 0;
    const slow = breaker(
      'slow-api',
      (_query: string) => {
        calls++;
        return new Promise<string>(() => {});
      },
      { timeoutMs: 30, failureThreshold: 2, fallback: () => 'stale answer' },
    );
    expect(await slow.fire('q1')).toBe('stale answer');
    expect(await slow.fire('q2')).toBe('stale answer');
    expect(slow.state).toBe('open');
    expect(await slow.fire('q3')).toBe('stale answer');
    expect(calls).toBe(2);
    expect(slow.stats).toMatchObject({ fires: 3, timeouts: 2, failures: 2, rejects: 1, fallbacks: 3 });
    const state = JSON.parse(readFileSync(join(home.breakersDir(), 'slow-api.json'), 'utf8'));
    expect(state).toMatchObject({ state: 'open', failures: 2, lastError: 'ETIMEDOUT: Timed out after 30ms' });
  });
});
