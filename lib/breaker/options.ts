/** What `breaker(name, action, options)` accepts. */
export interface BreakerOptions<A extends unknown[], F> {
  /** Consecutive failures (across processes) that open the breaker. Default 3. */
  failureThreshold?: number;
  /** How long an open breaker skips the action before one process may try it again. Default 60 000 ms. */
  resetTimeoutMs?: number;
  /** A call slower than this counts as a failure (opossum's `timeout`). Default 5 000 ms. */
  timeoutMs?: number;
  /** Answers instead of the action when the breaker is open or the call fails; gets the call's arguments, then the error. */
  fallback?: (...args: [...A, Error]) => F | Promise<F>;
}

/** Options with defaults filled in, checked once when the breaker is declared. */
export interface ResolvedBreakerOptions {
  readonly name: string;
  readonly failureThreshold: number;
  readonly resetTimeoutMs: number;
  readonly timeoutMs: number;
  readonly fallback: ((...args: never[]) => unknown) | undefined;
}

export const DEFAULT_FAILURE_THRESHOLD = 3;
export const DEFAULT_RESET_TIMEOUT_MS = 60_000;
export const DEFAULT_TIMEOUT_MS = 5_000;
// The name becomes `<name>.json` in the state directory: no separators, no leading dot, short.
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const KNOWN = ['failureThreshold', 'resetTimeoutMs', 'timeoutMs', 'fallback'];

function positive(key: string, value: unknown, fallbackValue: number, integer: boolean): number {
  if (value === undefined) return fallbackValue;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new TypeError(
      `\`${key}\` must be a positive ${integer ? 'integer' : 'number of milliseconds'}, got ${String(value)}`,
    );
  }
  return value;
}

/** Validates a breaker's name and options; throws a TypeError that names the bad one. */
export function resolveBreakerOptions(name: unknown, action: unknown, options: object): ResolvedBreakerOptions {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new TypeError(
      `\`name\` must be 1-64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit (it names the state file), got ${JSON.stringify(name)}`,
    );
  }
  if (typeof action !== 'function')
    throw new TypeError(`\`action\` of breaker '${name}' must be a function, got ${typeof action}`);
  const unknown = Object.keys(options).filter((key) => !KNOWN.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `unknown breaker option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `\`${k}\``).join(', ')}; valid: ${KNOWN.join(', ')}`,
    );
  }
  const given = options as Record<string, unknown>;
  const fallback = given.fallback;
  if (fallback !== undefined && typeof fallback !== 'function') {
    throw new TypeError(`\`fallback\` must be a function (...args, error) => value, got ${typeof fallback}`);
  }
  return {
    name,
    failureThreshold: positive('failureThreshold', given.failureThreshold, DEFAULT_FAILURE_THRESHOLD, true),
    resetTimeoutMs: positive('resetTimeoutMs', given.resetTimeoutMs, DEFAULT_RESET_TIMEOUT_MS, false),
    timeoutMs: positive('timeoutMs', given.timeoutMs, DEFAULT_TIMEOUT_MS, false),
    fallback: fallback as ResolvedBreakerOptions['fallback'],
  };
}
