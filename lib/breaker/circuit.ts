import CircuitBreaker from 'opossum';
import type { ResolvedBreakerOptions } from './options.ts';
import type { BreakerStateName } from './state.ts';

/** An opossum breaker as lib/breaker uses it. */
export type Circuit = CircuitBreaker<unknown[], unknown>;

/** opossum's per-process counters that a breaker exposes. */
export interface BreakerStats {
  fires: number;
  successes: number;
  failures: number;
  timeouts: number;
  rejects: number;
  fallbacks: number;
}

// opossum's `state` option restores a breaker (e.g. from `toJSON().state`). `open` without
// `lastTimerAt` stays open: its own reset timer must not admit a call that our lease did not.
const RESTORED: Record<BreakerStateName, CircuitBreaker.State | undefined> = {
  closed: undefined,
  open: { closed: false, open: true, halfOpen: false },
  halfOpen: { closed: false, open: false, halfOpen: true },
};

/**
 * An opossum breaker around `action`, restored to `mode`. opossum does the in-process work: the
 * timeout, the fallback (called with the call's arguments, then the error), events, stats, and
 * rejecting calls while open or while a half-open trial is running. Deciding when to open is ours
 * (a persisted consecutive-failure count), so opossum's percentage rule is switched off.
 */
export function createCircuit(
  action: (...args: unknown[]) => unknown,
  options: ResolvedBreakerOptions,
  mode: BreakerStateName,
  carried?: CircuitBreaker.Stats,
): Circuit {
  // opossum reads `.then` off the action's return value, so a sync action returning undefined
  // would count as a failure; an async wrapper also turns a sync throw into a rejection.
  const call = async (...args: unknown[]) => action(...args);
  const circuit = new CircuitBreaker(call, {
    name: options.name,
    timeout: options.timeoutMs,
    resetTimeout: options.resetTimeoutMs,
    // An error rate can never exceed 100 %: only our persisted count (or a failed trial) opens it.
    errorThresholdPercentage: 100,
    // Nobody listens to 'snapshot'; one timer fewer per breaker.
    enableSnapshots: false,
    rollingPercentilesEnabled: false,
    ...(carried
      ? {
          status: CircuitBreaker.newStatus({
            stats: carried,
            enableSnapshots: false,
            rollingPercentilesEnabled: false,
          }),
        }
      : {}),
    ...(RESTORED[mode] ? { state: RESTORED[mode] } : {}),
  });
  if (options.fallback) circuit.fallback(options.fallback);
  return circuit;
}

/** The circuit's state in our terms: `halfOpen` only while its one trial call is still to be made. */
export function circuitMode(circuit: Circuit): BreakerStateName {
  if (circuit.closed) return 'closed';
  return circuit.halfOpen && circuit.pendingClose ? 'halfOpen' : 'open';
}

/** The counters of `circuit` (zeros before the first call). */
export function circuitStats(circuit: Circuit | undefined): BreakerStats {
  const s = circuit?.stats;
  return {
    fires: s?.fires ?? 0,
    successes: s?.successes ?? 0,
    failures: s?.failures ?? 0,
    timeouts: s?.timeouts ?? 0,
    rejects: s?.rejects ?? 0,
    fallbacks: s?.fallbacks ?? 0,
  };
}

/** True for the timeout opossum raised itself (not an error thrown by the action). */
export function isTimeout(error: unknown): boolean {
  return CircuitBreaker.isOurError(error) && (error as { code?: unknown }).code === 'ETIMEDOUT';
}
