// Cross-process circuit breaker for hooks. What is opossum's and what is ours:
// - opossum (in this process): the call timeout, the fallback, open/half-open rejection, events, stats.
// - ours: the state shared by every hook process (`<name>.json`: consecutive failures, when it
//   opened), the rule that opens it (N consecutive failures, counted across processes), and the
//   O_EXCL trial lease that lets exactly one process try a recovering dependency.
//
// Races, honestly: state updates are read-modify-write without a lock (a lock a hook could wait on
// is worse than a lost count). Each update's window (read, then atomic write) is well under a
// millisecond; updates whose windows overlap keep only the last writer's outcome. So parallel hooks
// failing at the same instant may count as one failure (the breaker then opens after up to
// `failureThreshold` such bursts rather than calls), and a success recorded at the same instant as
// the opening failure can undo that opening until the next failure. Nothing worse: no file is ever
// torn, no hook waits, and the trial lease (O_EXCL) has no such race.
import { noteBreaker } from '../runtime/stats.ts';
import { debugNote } from '../runtime/debug.ts';
import { circuitMode, circuitStats, createCircuit, isTimeout } from './circuit.ts';
import type { BreakerStats, Circuit } from './circuit.ts';
import { decide } from './decide.ts';
import { resolveBreakerOptions } from './options.ts';
import type { BreakerOptions } from './options.ts';
import { closeAfterTrial, countFailure, countSuccess, describeError, reopen, viewState } from './state.ts';
import type { BreakerStateName } from './state.ts';
import { openBreakerStorage } from './storage.ts';
import type { BreakerStorage } from './storage.ts';

/** A named breaker around one flaky dependency; its state is shared by every hook process of this user. */
export interface Breaker<A extends unknown[], T> {
  readonly name: string;
  /** Calls the action (or, while open, the fallback); resolves to its result or the fallback's. */
  fire(...args: A): Promise<T>;
  /** The shared state now: `halfOpen` once an open breaker's reset period has passed. */
  readonly state: BreakerStateName;
  /** opossum's counters for this process. */
  readonly stats: BreakerStats;
  /**
   * Stops this process's circuit (opossum keeps a 1 s timer per circuit until then). Only a
   * long-lived process that makes a breaker per call needs it (the warm daemon); the shared
   * state stays, and a later `fire` builds a new circuit.
   */
  dispose(): void;
}

/**
 * Wraps `action` in a circuit breaker whose state lives in `$HOOKPACK_HOME/breakers/<name>.json`:
 * after `failureThreshold` consecutive failures, hook processes skip the action and use `fallback`
 * for `resetTimeoutMs`; then exactly one process makes a trial call that closes or reopens it.
 */
export function breaker<A extends unknown[], R, F = never>(
  name: string,
  action: (...args: A) => R | Promise<R>,
  options: BreakerOptions<A, F> = {},
): Breaker<A, R | F> {
  const resolved = resolveBreakerOptions(name, action, options);
  let storage: BreakerStorage | undefined;
  let circuit: Circuit | undefined;
  /** The open period whose trial lease this process holds, while its trial call runs. */
  let trialOf: number | undefined;
  let inFlight = 0;
  // The state directory is resolved on first use: declaring a breaker at import costs no I/O.
  const storageNow = () => (storage ??= openBreakerStorage(resolved.name));

  function recordSuccess(): void {
    const { store, lease } = storageNow();
    if (trialOf !== undefined) {
      store.update(closeAfterTrial);
      lease.release(trialOf);
      trialOf = undefined;
      debugNote(`breaker ${resolved.name}: trial call succeeded, closed`);
    } else {
      store.update(countSuccess);
    }
  }

  function recordFailure(circuitThatFailed: Circuit, error: unknown): void {
    const { store, lease } = storageNow();
    const now = Date.now();
    const line = describeError(error);
    if (trialOf !== undefined) {
      // Write the new period before releasing the lease, so nobody sees the old period unleased.
      store.update((s) => reopen(s, now, line));
      lease.release(trialOf);
      trialOf = undefined;
      debugNote(
        `breaker ${resolved.name}: trial call failed (${line}), open for another ${resolved.resetTimeoutMs} ms`,
      );
      return;
    }
    const next = store.update((s) => countFailure(s, now, resolved.failureThreshold, line));
    if (next.state === 'open' && !circuitThatFailed.opened) {
      circuitThatFailed.open();
      const why = isTimeout(error) ? `timed out after ${resolved.timeoutMs} ms` : line;
      debugNote(
        `breaker ${resolved.name}: opened after ${next.failures} consecutive failures (last: ${why}); using the fallback for ${resolved.resetTimeoutMs} ms`,
      );
    }
  }

  // Bookkeeping must never change what the call returns: a throw inside an opossum event
  // listener would surface in the caller's promise.
  const guarded = (what: string, record: () => void) => {
    try {
      record();
    } catch (error) {
      debugNote(`breaker ${resolved.name}: recording a ${what} failed: ${String(error)}`);
    }
  };

  function rebuild(mode: BreakerStateName): Circuit {
    const previous = circuit;
    previous?.shutdown();
    const next = createCircuit(action as (...args: unknown[]) => unknown, resolved, mode, previous?.stats);
    next.on('success', () => guarded('success', recordSuccess));
    next.on('failure', (error: unknown) => guarded('failure', () => recordFailure(next, error)));
    circuit = next;
    return next;
  }

  async function fire(...args: A): Promise<R | F> {
    let active = circuit;
    // With calls of this process still running, their circuit stays (rebuilding would drop their
    // outcomes); it already rejects further calls while open or while its trial runs.
    if (active === undefined || inFlight === 0) {
      const decision = decide(storageNow(), resolved.resetTimeoutMs, resolved.timeoutMs);
      trialOf = decision.trialOf;
      if (decision.mode === 'open')
        debugNote(`breaker ${resolved.name} is open: using the fallback instead of calling it`);
      if (active === undefined || circuitMode(active) !== decision.mode) active = rebuild(decision.mode);
    }
    noteBreaker(resolved.name, circuitMode(active));
    inFlight++;
    try {
      return (await active.fire(...args)) as R | F;
    } finally {
      inFlight--;
    }
  }

  return {
    name: resolved.name,
    fire,
    get state() {
      return viewState(storageNow().store.read(), Date.now(), resolved.resetTimeoutMs);
    },
    get stats() {
      return circuitStats(circuit);
    },
    dispose() {
      circuit?.shutdown();
      circuit = undefined;
    },
  };
}
