/**
 * The one error class for everything that can go wrong while a hook runs: bad payloads,
 * deadlines, handler crashes. Each carries a stable `code` and a one-line message that says
 * what was wrong and what to do; the runner turns it into an exit code in one place.
 */
export type HookErrorCode =
  | 'E_STDIN_TTY'
  | 'E_STDIN_TIMEOUT'
  | 'E_STDIN_READ'
  | 'E_PAYLOAD_EMPTY'
  | 'E_PAYLOAD_TOO_LARGE'
  | 'E_PAYLOAD_UTF8'
  | 'E_PAYLOAD_JSON'
  | 'E_PAYLOAD_SHAPE'
  | 'E_PAYLOAD_EVENT'
  | 'E_PAYLOAD_SCHEMA'
  | 'E_HANDLER_THREW'
  | 'E_HANDLER_TIMEOUT'
  | 'E_HANDLER_EXIT'
  // An Agent SDK host aborted the callback (lib/sdk/): the query was interrupted or its hook timed out.
  | 'E_HANDLER_ABORTED'
  | 'E_STARTUP'
  | 'E_ANSWER_INVALID'
  | 'E_CONFIG'
  // An adopted settings-file command (lib/adopt/): timed out, crashed, could not start, or its breaker is open.
  | 'E_ADOPTED_TIMEOUT'
  | 'E_ADOPTED_EXIT'
  | 'E_ADOPTED_START'
  | 'E_BREAKER_OPEN';

/** Marks a HookError from any copy of this module: a lazily loaded chunk (build/lazy-chunks.mjs) has its own. */
const HOOK_ERROR = Symbol.for('hookpack.HookError');

export class HookError extends Error {
  override readonly name = 'HookError';
  readonly code: HookErrorCode;
  readonly [HOOK_ERROR] = true;

  constructor(code: HookErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A HookError, whichever copy of the class made it (`instanceof` sees only this module's). */
export function isHookError(error: unknown): error is HookError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[HOOK_ERROR] === true;
}

/** Collapses any message to one line so stderr stays one line per failure. */
export function oneLine(text: string, max = 400): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
