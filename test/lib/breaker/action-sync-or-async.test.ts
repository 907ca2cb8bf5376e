import { describe, expect, it } from 'vitest';
import { breaker } from '../../../lib/breaker.ts';
import { useTempHome } from './_home.ts';

useTempHome();

describe('the action', () => {
  it('treats a synchronous action like an async one: a returned value is a success, a throw a failure', async () => {
    let fail = false;
    const check = breaker(
      'sync-check',
      () => {
        if (fail) throw new Error('bad');
      },
      { failureThreshold: 1, fallback: () => 'fallback' },
    );
    expect(await check.fire()).toBeUndefined();
    expect(check.state).toBe('closed');
    fail = true;
    expect(await check.fire()).toBe('fallback');
    expect(check.state).toBe('open');
  });
});
