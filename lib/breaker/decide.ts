import { LEASE_GRACE_MS } from './lease.ts';
import type { BreakerStorage } from './storage.ts';
import { reopen, viewState } from './state.ts';
import type { BreakerStateName } from './state.ts';

/** What this process may do with its next call: call the action, make the one trial call, or use the fallback. */
export interface Decision {
  readonly mode: BreakerStateName;
  /** With mode `halfOpen`: the `openedAt` of the period whose trial lease this process now holds. */
  readonly trialOf?: number;
}

/**
 * Reads the shared state and, once an open breaker's reset period has passed, races for the trial
 * lease: the winner gets `halfOpen`, everyone else `open` (fallback) until the trial's result is
 * written. A lease older than the call timeout plus a grace period is a trial whose process died:
 * the breaker reopens for another period, counting it as a failure.
 */
export function decide(storage: BreakerStorage, resetTimeoutMs: number, timeoutMs: number, now = Date.now()): Decision {
  const { store, lease } = storage;
  const state = store.read();
  const view = viewState(state, now, resetTimeoutMs);
  if (view !== 'halfOpen' || state.openedAt === null) return { mode: view };
  const period = state.openedAt;
  if (!lease.claim(period)) {
    const leaseMs = timeoutMs + LEASE_GRACE_MS;
    const age = lease.ageMs(period, now);
    if (age !== undefined && age > leaseMs) {
      const abandoned = `trial abandoned: no result within ${leaseMs} ms`;
      store.update((s) => (s.state === 'open' && s.openedAt === period ? reopen(s, now, abandoned) : s));
      lease.release(period);
    }
    return { mode: 'open' };
  }
  // Between our read and our claim, another trial may have written its result and released this
  // very lease: the claim only counts if the state still names the period we claimed.
  const current = store.read();
  if (current.state === 'open' && current.openedAt === period) return { mode: 'halfOpen', trialOf: period };
  lease.release(period);
  return { mode: current.state === 'closed' ? 'closed' : 'open' };
}
