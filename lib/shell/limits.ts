/**
 * Hard caps on the work one command line can cause in lib/shell, so that no input can make a
 * guard slow, or run it out of memory, instead of answering. Every cap is far above what anyone
 * types (the largest command in bench/data/commands.json has 12 words); past one, parsing stops
 * with E_SHELL_TOO_LARGE (or E_SHELL_TOO_DEEP for nesting), which a guard answers with a denial
 * naming the cap. Nesting caps live where the nesting is: lexer.ts (64 levels of `$(…)`/`${…}`),
 * parser.ts (200 compound commands), script.ts (8 levels of `bash -c`/`eval`), wrappers.ts.
 */
import { ShellParseError } from './errors.ts';

export interface ShellLimits {
  /** Tokens lexed in all, nested sources included. */
  tokens: number;
  /** Simple commands in all, nested ones included. */
  commands: number;
  /** Command words in all (after brace expansion), assignments and redirection targets included. */
  words: number;
  /** Pieces of nested source: each `$(…)`, backquote, `<(…)`, `bash -c` string, `eval` … */
  sources: number;
  /** Words one written word may brace-expand into (`{a,b}{c,d}` is 4). */
  braceWords: number;
}

export const DEFAULT_LIMITS: Readonly<ShellLimits> = {
  tokens: 50_000,
  commands: 1_000,
  words: 10_000,
  sources: 500,
  braceWords: 256,
};

const NAMES: Readonly<Record<keyof ShellLimits, string>> = {
  tokens: 'tokens',
  commands: 'simple commands',
  words: 'words',
  sources: 'command substitutions and nested scripts',
  braceWords: 'words from one brace expansion',
};

/** The error for going past cap `key`: its message says which cap, and how large it is. */
export function limitError(key: keyof ShellLimits, limit: number): ShellParseError {
  return new ShellParseError(
    'E_SHELL_TOO_LARGE',
    `it holds more than ${String(limit).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${NAMES[key]} (a cap on the work one command may cause)`,
  );
}

/** What is left of each cap during one parse; `spend` throws past one. */
export class WorkBudget {
  readonly braceWords: number;
  private readonly limits: Readonly<ShellLimits>;
  // One field per cap, not a record indexed by key: spend runs once per token and word.
  private tokens: number;
  private commands: number;
  private words: number;
  private sources: number;

  constructor(limits: Partial<ShellLimits> = {}) {
    this.limits =
      limits === undefined || Object.keys(limits).length === 0 ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, ...limits };
    this.braceWords = this.limits.braceWords;
    this.tokens = this.limits.tokens;
    this.commands = this.limits.commands;
    this.words = this.limits.words;
    this.sources = this.limits.sources;
  }

  spend(key: Exclude<keyof ShellLimits, 'braceWords'>, amount = 1): void {
    // A switch, not `this[key]`: a property named by a variable is a megamorphic lookup, and
    // this runs for every token and word.
    let left: number;
    switch (key) {
      case 'tokens':
        left = this.tokens -= amount;
        break;
      case 'commands':
        left = this.commands -= amount;
        break;
      case 'words':
        left = this.words -= amount;
        break;
      case 'sources':
        left = this.sources -= amount;
        break;
    }
    if (left < 0) throw limitError(key, this.limits[key]);
  }
}
