/** The breaker states a caller can observe; `halfOpen` means the reset period is over and one trial call is due or running. */
export type BreakerStateName = 'closed' | 'open' | 'halfOpen';

/**
 * What `<name>.json` holds (format version 1). Only `closed` and `open` are stored: half-open is
 * derived (open and `openedAt + resetTimeoutMs` has passed), and who holds the trial is the lease file.
 */
export interface PersistedState {
  version: 1;
  state: 'closed' | 'open';
  /** Consecutive failures, counted across processes; reset by a success. */
  failures: number;
  /** Epoch ms of the last recorded failure, or null. */
  lastFailureAt: number | null;
  /** One line about the last failure (error code and message), or null. */
  lastError: string | null;
  /** Epoch ms when the breaker (re)opened; null while closed. */
  openedAt: number | null;
}

export const STATE_VERSION = 1;
export const FRESH_STATE: PersistedState = {
  version: 1,
  state: 'closed',
  failures: 0,
  lastFailureAt: null,
  lastError: null,
  openedAt: null,
};
const MAX_ERROR_CHARS = 200;

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isTimeOrNull = (value: unknown) => value === null || isTime(value);

/** The state in a file's text, or undefined when it is not valid JSON of this format version. */
export function parseState(text: string): PersistedState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  if (s.version !== STATE_VERSION) return undefined;
  if (s.state !== 'closed' && s.state !== 'open') return undefined;
  if (typeof s.failures !== 'number' || !Number.isInteger(s.failures) || s.failures < 0) return undefined;
  if (!isTimeOrNull(s.lastFailureAt) || !isTimeOrNull(s.openedAt)) return undefined;
  if (s.lastError !== null && typeof s.lastError !== 'string') return undefined;
  if (s.state === 'open' && !isTime(s.openedAt)) return undefined;
  return {
    version: 1,
    state: s.state,
    failures: s.failures,
    lastFailureAt: s.lastFailureAt as number | null,
    lastError: s.lastError as string | null,
    openedAt: s.state === 'open' ? (s.openedAt as number) : null,
  };
}

/** How the state reads at `now`: open turns half-open once the reset period has passed. */
export function viewState(state: PersistedState, now: number, resetTimeoutMs: number): BreakerStateName {
  if (state.state === 'closed') return 'closed';
  return now >= (state.openedAt ?? 0) + resetTimeoutMs ? 'halfOpen' : 'open';
}

/** A success outside a trial: clears the count of a closed breaker; an open one only closes through its trial. */
export function countSuccess(state: PersistedState): PersistedState {
  if (state.state !== 'closed' || state.failures === 0) return state;
  return { ...state, failures: 0 };
}

/** A failure outside a trial: one more consecutive failure; the threshold-th opens a closed breaker. */
export function countFailure(state: PersistedState, now: number, threshold: number, error: string): PersistedState {
  const failures = state.failures + 1;
  const opens = state.state === 'closed' && failures >= threshold;
  return {
    ...state,
    state: opens ? 'open' : state.state,
    failures,
    lastFailureAt: now,
    lastError: error,
    openedAt: opens ? now : state.openedAt,
  };
}

/** The trial call succeeded: closed, count reset (the last failure is kept for diagnosis). */
export function closeAfterTrial(state: PersistedState): PersistedState {
  return { ...state, state: 'closed', failures: 0, openedAt: null };
}

/** The trial call failed (or never reported): open again for a full reset period from `now`. */
export function reopen(state: PersistedState, now: number, error: string): PersistedState {
  return { ...state, state: 'open', failures: state.failures + 1, lastFailureAt: now, lastError: error, openedAt: now };
}

/** One line about an error for `lastError`: its code (opossum's ETIMEDOUT, a syscall's ENOENT …) and message. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const line = `${typeof code === 'string' ? `${code}: ` : ''}${message}`.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return line.length > MAX_ERROR_CHARS ? `${line.slice(0, MAX_ERROR_CHARS - 1)}…` : line;
}
