// A process that makes a breaker per call (the warm daemon running adopted hooks) must not keep a
// timer per breaker it ever made: dispose() stops the circuit's, and the shared state stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breaker } from '../../../lib/breaker.ts';
import { useTempHome } from './_home.ts';

useTempHome();

// The intervals opossum keeps running (its rolling statistics' bucket timer), counted as they are set and cleared.
const live = new Set<unknown>();
const { setInterval: set, clearInterval: clear } = globalThis;
beforeAll(() => {
  globalThis.setInterval = ((...args: Parameters<typeof set>) => {
    const timer = set(...args);
    live.add(timer);
    return timer;
  }) as typeof set;
  globalThis.clearInterval = ((timer: Parameters<typeof clear>[0]) => {
    live.delete(timer);
    clear(timer);
  }) as typeof clear;
});
afterAll(() => {
  globalThis.setInterval = set;
  globalThis.clearInterval = clear;
});
const timers = () => live.size;

describe('dispose', () => {
  it("stops each fired breaker's timer, and a disposed breaker still reads and fires with the shared state", async () => {
    const before = timers();
    const made = Array.from({ length: 20 }, (_, i) =>
      breaker(
        `per-call-${i}`,
        () => {
          throw new Error('down');
        },
        { failureThreshold: 1, fallback: () => 'fallback' },
      ),
    );
    for (const b of made) await b.fire();
    expect(timers()).toBeGreaterThanOrEqual(before + 20);
    for (const b of made) b.dispose();
    expect(timers()).toBe(before);
    const first = made[0] as (typeof made)[number];
    expect(first.state).toBe('open');
    expect(await first.fire()).toBe('fallback');
    first.dispose();
  });
});
