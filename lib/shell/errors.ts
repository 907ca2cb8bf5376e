/** Why a shell command could not be analysed. Guards treat every one as "cannot check, so block". */
export type ShellParseErrorCode = 'E_SHELL_SYNTAX' | 'E_SHELL_TOO_DEEP' | 'E_SHELL_TOO_LARGE';

/** A command that lib/shell cannot turn into simple commands; `offset` points into the source parsed. */
export class ShellParseError extends Error {
  override readonly name = 'ShellParseError';
  readonly code: ShellParseErrorCode;
  readonly offset: number | undefined;

  constructor(code: ShellParseErrorCode, message: string, offset?: number) {
    super(message);
    this.code = code;
    this.offset = offset;
  }
}
