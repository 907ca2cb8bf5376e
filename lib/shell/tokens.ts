/**
 * The tokens lib/shell/lexer.ts produces. Words carry their text after quote removal, with
 * every expansion (`$X`, `${X}`, `$(…)`, `` `…` ``) kept as written, plus the sources of the
 * command substitutions inside them so the parser can analyse those too.
 */

/** Operators that separate, end or group commands. A newline is one too. */
export type ControlOperator = ';' | '&' | '&&' | '||' | '|' | '|&' | '(' | ')' | ';;' | ';&' | ';;&' | '\n';

/** Redirection operators; an fd number written before one (`2>`) is kept apart as `fd`. */
export type RedirectOperator = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

/** How a command substitution's output is used: `$(…)`, `` `…` `` and `<(…)` feed the command; `>(…)` reads from it. */
export type SubstitutionKind = '$(' | '`' | '<(' | '>(';

/** Shell source that runs while the word is expanded. */
export interface Substitution {
  kind: SubstitutionKind;
  source: string;
}

export interface WordToken {
  kind: 'word';
  /** The word after quote removal; expansions are left as written (`$HOME`, `$(date)`). */
  text: string;
  /** The word exactly as written. */
  raw: string;
  /** Some part was quoted or escaped, so the word cannot be a reserved word. */
  quoted: boolean;
  /** An unquoted `{…,…}` may brace-expand into several words. */
  braces: boolean;
  /** `((…))` at a command position: an arithmetic command, not two subshells. */
  arithmetic: boolean;
  substitutions: Substitution[];
  start: number;
  end: number;
}

export interface OperatorToken {
  kind: 'op';
  op: ControlOperator;
  start: number;
  end: number;
}

/** A here-document's body, read from the lines after the one holding `<<DELIM`. */
export interface HeredocBody {
  text: string;
  /** A quoted delimiter (`<<'EOF'`) keeps the body literal; otherwise `$(…)` in it runs. */
  quoted: boolean;
  substitutions: Substitution[];
}

export interface RedirectToken {
  kind: 'redirect';
  op: RedirectOperator;
  fd?: number;
  /** Filled in once the lexer reaches the body (for `<<` and `<<-` only). */
  heredoc?: HeredocBody;
  start: number;
  end: number;
}

export type Token = WordToken | OperatorToken | RedirectToken;
