/** Exit codes of the `hookpack` CLI, documented in the README. */
export const EXIT = {
  /** Everything worked; doctor found nothing wrong. */
  OK: 0,
  /** The command ran and found a problem: doctor errors, a test expectation not met, a hook failing. */
  FINDINGS: 1,
  /** Bad usage: unknown subcommand or flag, missing or malformed argument. */
  USAGE: 2,
  /** A file we must read or write is unusable: invalid settings JSON, read-only, missing build. */
  FILE: 3,
} as const;

export type CliErrorCode = 'E_USAGE' | 'E_SETTINGS' | 'E_IO' | 'E_BUILD' | 'E_HOOK';

/** The one error class of the CLI: a stable code, a one-line message that says what to do, an exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;
  readonly exitCode: number;

  constructor(code: CliErrorCode, message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.exitCode =
      options.exitCode ?? (code === 'E_USAGE' ? EXIT.USAGE : code === 'E_HOOK' ? EXIT.FINDINGS : EXIT.FILE);
  }
}
