/**
 * How the CLI reads the command lines in settings files (doctor, profile, install, uninstall,
 * adopt): split by lib/shell's lexer, the one the guards use, so quoting, operators,
 * redirections, here-documents and comments are read one way everywhere; then each word is
 * expanded as far as it can be without running anything.
 */
import { tokenize } from '../lib/shell/lexer.ts';
import type { Token } from '../lib/shell/tokens.ts';

/** One word of a shell command line, after quote removal and the expansions we can do statically. */
export interface Word {
  text: string;
  /** Held a `$VAR`, `$(…)` or backquote we could not expand: its text is not the real value. */
  unresolved: boolean;
}

/** The simple commands of a `sh -c` string, in order, and whether all of it could be read. */
export interface CommandList {
  /** Each simple command's words (redirections and their targets left out). */
  commands: Word[][];
  /** False when reading stopped at something this reader does not follow (a subshell, a here-document, bad quoting). */
  complete: boolean;
}

type Vars = Readonly<Record<string, string | undefined>>;

function tokensOf(line: string): Token[] | undefined {
  try {
    return tokenize(line);
  } catch {
    return undefined; // an unterminated quote or substitution, or over the lexer's limits
  }
}

/** The index of the last character of the `$(…)` or `` `…` `` starting at `i`. */
function substitutionEnd(raw: string, i: number): number {
  if (raw[i] === '`') {
    for (let j = i + 1; j < raw.length; j++) {
      if (raw[j] === '\\') j++;
      else if (raw[j] === '`') return j;
    }
    return raw.length;
  }
  let depth = 0;
  for (let j = i + 1; j < raw.length; j++) {
    if (raw[j] === '\\') j++;
    else if (raw[j] === '(') depth++;
    else if (raw[j] === ')' && --depth === 0) return j;
  }
  return raw.length;
}

/**
 * One word as written, expanded the way dash would as far as that needs no running: quotes
 * removed, `\` escapes honoured, `$NAME`/`${NAME}` from `vars`, a leading `~` to `home`. Anything
 * else (`$(…)`, backquotes, `${X:-y}`, unset variables) marks it unresolved.
 */
export function expandWord(raw: string, vars: Vars, home: string): Word {
  let text = '';
  let unresolved = false;
  let quote: "'" | '"' | undefined;
  const expand = (i: number): number => {
    // i points at '$'; returns the index of the last character consumed.
    const rest = raw.slice(i + 1);
    if (rest.startsWith('(')) {
      unresolved = true;
      return substitutionEnd(raw, i + 1);
    }
    const match = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest) ?? /^([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (match === null) {
      if (rest.startsWith('{')) {
        unresolved = true; // ${VAR:-default} and the like
        const close = raw.indexOf('}', i);
        return close < 0 ? raw.length : close;
      }
      text += '$';
      return i;
    }
    const value = vars[match[1] as string];
    if (value === undefined) {
      unresolved = true;
      text += match[0].startsWith('{') ? `\${${match[1]}}` : `$${match[1]}`;
    } else {
      text += value;
    }
    return i + match[0].length;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else text += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < raw.length && '$`"\\\n'.includes(raw[i + 1] as string)) text += raw[++i];
      else if (c === '$') i = expand(i);
      else if (c === '`') {
        unresolved = true;
        i = substitutionEnd(raw, i);
      } else text += c;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') text += raw[++i] ?? '';
    else if (c === '$') i = expand(i);
    else if (c === '`') {
      unresolved = true;
      i = substitutionEnd(raw, i);
    } else if (c === '~' && i === 0 && (raw.length === 1 || raw[1] === '/')) text += home;
    else text += c;
  }
  return { text, unresolved };
}

/**
 * Splits a `sh -c` string into its simple commands and those into words: commands separated at
 * `&&`, `||`, `;`, `|`, `&` and newlines, redirections (`2>/dev/null`, `>>log`, `2>&1`) dropped
 * with their targets, comments skipped. It stops at a subshell `( … )` or a here-document.
 */
export function commandList(line: string, vars: Vars, home: string): CommandList {
  const tokens = tokensOf(line);
  if (tokens === undefined) return { commands: [], complete: false };
  const commands: Word[][] = [];
  let words: Word[] = [];
  /** The next word is a redirection's target, not part of the command. */
  let target = false;
  const endCommand = () => {
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (const token of tokens) {
    if (token.kind === 'word') {
      if (target) target = false;
      else words.push(expandWord(token.raw, vars, home));
    } else if (token.kind === 'redirect') {
      if (token.op === '<<' || token.op === '<<-') {
        endCommand();
        return { commands, complete: false };
      }
      target = true;
    } else if (token.op === '(' || token.op === ')') {
      endCommand();
      return { commands, complete: false };
    } else {
      endCommand();
    }
  }
  endCommand();
  return { commands, complete: true };
}

/** Every word of a line after quote removal, expansions left as written (`$X`, `$(…)`); [] when it can't be read. */
export function writtenWords(line: string): string[] {
  return (tokensOf(line) ?? []).flatMap((token) => (token.kind === 'word' ? [token.text] : []));
}

/** The words of the first simple command of a `sh -c` string (see commandList). */
export function firstCommandWords(line: string, vars: Vars, home: string): Word[] {
  return commandList(line, vars, home).commands[0] ?? [];
}

/** Characters a word we wrote may hold outside quotes: no globs, no `~`, nothing the shell would act on. */
const PLAIN_RAW =
  /^(?:[A-Za-z0-9_./=:,+@%-]|\\.|'[^']*'|"(?:[^"\\`$]|\\[$`"\\]|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)*"|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)+$/;

/**
 * The words of a command line that is one plain simple command (no operators, redirections,
 * globs, substitutions), every variable in it one of `vars`; undefined for anything else. What
 * install writes reads back through this; anything it does not accept is not ours.
 */
export function plainWords(line: string, vars: Vars): string[] | undefined {
  const tokens = tokensOf(line);
  if (tokens === undefined) return undefined;
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'word' || !PLAIN_RAW.test(token.raw)) return undefined;
    const word = expandWord(token.raw, vars, '');
    if (word.unresolved) return undefined;
    words.push(word.text);
  }
  return words;
}

/** Substitutes the `${NAME}` placeholders Claude Code replaces in exec-form `command` and `args` (§2.5). */
export function substitutePlaceholders(value: string, vars: Vars): Word {
  let unresolved = false;
  const text = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    const known = vars[name];
    if (known === undefined) unresolved = true;
    return known ?? whole;
  });
  return { text, unresolved };
}
