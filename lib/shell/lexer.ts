/**
 * A hand-written lexer for the bash subset Claude writes: words with quote removal (`\`, '…',
 * "…", $'…'), expansions kept as written, command substitutions found and balanced (`$(…)`,
 * `` `…` ``, `<(…)`, `>(…)`, nested), operators, redirections, here-documents (bodies read as
 * data) and comments. It throws ShellParseError on input bash would refuse (an unterminated
 * quote or substitution), so a guard never judges a command it only half read.
 */
import { decodeEscapes } from './ansi-c.ts';
import { ShellParseError } from './errors.ts';
import type { WorkBudget } from './limits.ts';
import type {
  ControlOperator,
  RedirectOperator,
  RedirectToken,
  Substitution,
  SubstitutionKind,
  Token,
  WordToken,
} from './tokens.ts';

/** Longest first, so `;;&` wins over `;;` over `;`. */
const OPERATORS: readonly string[] = [
  ';;&',
  '&>>',
  '<<<',
  '<<-',
  ';;',
  ';&',
  '&&',
  '&>',
  '||',
  '|&',
  '<<',
  '<>',
  '<&',
  '>>',
  '>|',
  '>&',
  ';',
  '&',
  '|',
  '(',
  ')',
  '<',
  '>',
];
const REDIRECTS = new Set<string>(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
/** After these words the next word is still in command position (`if rm …`, `! rm …`). */
/** Substitutions and `${…}` nested deeper than this are not hand-written: stop before the stack does. */
const MAX_NESTING = 64;
const KEEPS_COMMAND_POSITION = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time', 'for']);

interface PendingHeredoc {
  token: RedirectToken;
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
}

function isBlank(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\r';
}

function isOperatorChar(char: string): boolean {
  return char === ';' || char === '&' || char === '|' || char === '(' || char === ')' || char === '<' || char === '>';
}

function isNameStart(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_';
}

function isNameChar(char: string): boolean {
  return isNameStart(char) || (char >= '0' && char <= '9');
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/** ASCII codes with a meaning in an unquoted word (blanks, operators, quotes, `\\`, `$`, `` ` ``, braces); 1 = special. */
const WORD_SPECIAL = asciiTable(' \t\r\n<>;&|()\\\'"$`{,}');
/** The same inside double quotes. */
const QUOTED_SPECIAL = asciiTable('"\\$`');

function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const char of chars) table[char.charCodeAt(0)] = 1;
  return table;
}

/** The end of the run of characters from `from` that `special` does not mark (non-ASCII ones are ordinary). */
function ordinaryRunEnd(src: string, from: number, special: Uint8Array): number {
  let end = from;
  for (; end < src.length; end += 1) {
    const code = src.charCodeAt(end);
    if (code < 128 && special[code] === 1) break;
  }
  return end;
}

class Lexer {
  readonly tokens: Token[] = [];
  /** Here-documents announced on the current line, read at its newline (or adopted by the parent lexer). */
  readonly pending: PendingHeredoc[] = [];
  private readonly src: string;
  private readonly inSubstitution: boolean;
  private pos: number;
  private commandPosition = true;
  private awaitingDelimiter: RedirectToken | undefined;
  /** Inside `$(…)`: unmatched `(` seen, and open `case … esac` (whose patterns end in a bare `)`). */
  private parens = 0;
  private cases = 0;
  private nesting: number;
  /** `((` from here on cannot be arithmetic: a scan from an earlier `((` already hit the end of input. */
  private arithmeticHitEnd = Number.POSITIVE_INFINITY;
  /** Shared by the nested lexers of one source: their tokens count against the same cap. */
  private readonly budget: WorkBudget | undefined;

  constructor(src: string, start: number, inSubstitution: boolean, nesting = 0, budget?: WorkBudget) {
    this.src = src;
    this.budget = budget;
    this.pos = start;
    this.inSubstitution = inSubstitution;
    this.nesting = nesting;
    if (nesting > MAX_NESTING)
      throw new ShellParseError(
        'E_SHELL_TOO_DEEP',
        `substitutions nest more than ${MAX_NESTING} levels deep (at offset ${start})`,
        start,
      );
  }

  private fail(message: string, offset = this.pos): never {
    throw new ShellParseError('E_SHELL_SYNTAX', `${message} (at offset ${offset})`, offset);
  }

  private at(offset = 0): string {
    return this.src.charAt(this.pos + offset);
  }

  /** Tokenizes to the end of the input or, inside `$(`, to the matching `)`; returns that paren's index. */
  /** Moves past the run of characters from here that `special` does not mark and returns it: a word's ordinary characters are copied a run at a time, not one string concatenation each. */
  private ordinaryRun(special: Uint8Array): string {
    const start = this.pos;
    this.pos = ordinaryRunEnd(this.src, start, special);
    return this.src.slice(start, this.pos);
  }

  run(): number {
    for (;;) {
      const char = this.at();
      if (char === '') {
        if (this.inSubstitution) this.fail('unterminated $( … ): add the closing )');
        if (this.pending.length > 0) this.readHeredocBodies();
        return this.pos;
      }
      if (isBlank(char)) {
        this.pos += 1;
      } else if (char === '\\' && this.at(1) === '\n') {
        this.pos += 2; // a line continuation between words
      } else if (char === '#') {
        const newline = this.src.indexOf('\n', this.pos);
        this.pos = newline === -1 ? this.src.length : newline;
      } else if (char === '\n') {
        this.pos += 1;
        this.push({ kind: 'op', op: '\n', start: this.pos - 1, end: this.pos });
        if (this.pending.length > 0) this.readHeredocBodies();
      } else if (char === '(' && this.at(1) === '(' && this.commandPosition && this.readArithmeticCommand()) {
        // pushed by readArithmeticCommand
      } else if (isOperatorChar(char) && !((char === '<' || char === '>') && this.at(1) === '(')) {
        const closing = this.readOperator(undefined);
        if (closing) return this.pos - 1;
      } else if (isDigit(char) && this.readNumberedRedirect()) {
        // pushed by readNumberedRedirect
      } else {
        this.readWord();
      }
    }
  }

  private push(token: Token): void {
    if (this.awaitingDelimiter !== undefined && token.kind !== 'word') this.awaitingDelimiter = undefined;
    this.budget?.spend('tokens');
    this.tokens.push(token);
    if (token.kind === 'op') this.commandPosition = token.op !== ')' || this.cases > 0;
    else if (token.kind === 'redirect') this.commandPosition = false;
  }

  /** Reads an operator; returns true when it is the `)` that closes this `$(`. */
  private readOperator(fd: number | undefined): boolean {
    const op = OPERATORS.find((candidate) => this.src.startsWith(candidate, this.pos)) as string;
    const start = this.pos;
    this.pos += op.length;
    if (REDIRECTS.has(op)) {
      const token: RedirectToken = { kind: 'redirect', op: op as RedirectOperator, start, end: this.pos };
      if (fd !== undefined) token.fd = fd;
      this.push(token);
      if (op === '<<' || op === '<<-') this.awaitingDelimiter = token;
      return false;
    }
    if (this.inSubstitution && op === '(') this.parens += 1;
    if (this.inSubstitution && op === ')') {
      if (this.parens > 0) this.parens -= 1;
      else if (this.cases === 0) return true;
      // else: the `)` after a case pattern
    }
    this.push({ kind: 'op', op: op as ControlOperator, start, end: this.pos });
    return false;
  }

  /** `2>file`, `2>&1`: digits straight before `<` or `>` name the fd. Returns false for a plain word. */
  private readNumberedRedirect(): boolean {
    let end = this.pos;
    while (isDigit(this.src.charAt(end))) end += 1;
    const next = this.src.charAt(end);
    if ((next !== '<' && next !== '>') || this.src.charAt(end + 1) === '(') return false;
    const fd = Number(this.src.slice(this.pos, end));
    this.pos = end;
    this.readOperator(fd);
    return true;
  }

  /** `((…))` in command position; false (nothing consumed) when it turns out to be nested subshells. */
  private readArithmeticCommand(): boolean {
    const start = this.pos;
    const substitutions: Substitution[] = [];
    const end = this.scanArithmetic(start, substitutions);
    if (end === undefined) return false;
    this.pos = end;
    const raw = this.src.slice(start, end);
    this.push({
      kind: 'word',
      text: raw,
      raw,
      quoted: false,
      braces: false,
      arithmetic: true,
      substitutions,
      start,
      end,
    });
    this.commandPosition = false;
    return true;
  }

  /**
   * Scans `((…))` starting at `open` (its first paren); returns the index after `))`, or
   * undefined when the parens close one at a time (`((a) ; b)` is two subshells in bash too).
   */
  private scanArithmetic(open: number, substitutions: Substitution[]): number | undefined {
    if (open > this.arithmeticHitEnd) return undefined; // keeps `((((…` linear instead of quadratic
    this.nesting += 1;
    if (this.nesting > MAX_NESTING)
      throw new ShellParseError(
        'E_SHELL_TOO_DEEP',
        `arithmetic nests more than ${MAX_NESTING} levels deep (at offset ${open})`,
        open,
      );
    const saved = this.pos;
    const found: Substitution[] = [];
    let depth = 0;
    this.pos = open + 2;
    try {
      for (;;) {
        const char = this.at();
        if (char === '') {
          this.arithmeticHitEnd = Math.min(this.arithmeticHitEnd, open);
          return undefined;
        }
        if (char === '(') depth += 1;
        else if (char === ')') {
          if (depth > 0) depth -= 1;
          else if (this.at(1) === ')') {
            substitutions.push(...found);
            return this.pos + 2;
          } else return undefined;
        } else if (char === '$' || char === '`') {
          if (char === '$') this.readDollar(found, true);
          else this.readBacktick(found);
          continue;
        } else if (char === '\\') {
          this.pos += 1;
        }
        this.pos += 1;
      }
    } finally {
      this.pos = saved;
      this.nesting -= 1;
    }
  }

  private readWord(): void {
    const start = this.pos;
    const substitutions: Substitution[] = [];
    let text = '';
    let quoted = false;
    let braceOpen = false;
    let braceComma = false;
    let braces = false;
    for (;;) {
      text += this.ordinaryRun(WORD_SPECIAL);
      const char = this.at();
      if (char === '' || isBlank(char) || char === '\n') break;
      if (char === '<' || char === '>') {
        if (this.at(1) === '(' && this.pos === start) {
          text += this.readSubstitution(char === '<' ? '<(' : '>(', substitutions);
          continue;
        }
        break;
      }
      if (isOperatorChar(char)) break;
      if (char === '\\') {
        const next = this.at(1);
        if (next === '\n') {
          this.pos += 2;
        } else if (next === '') {
          text += '\\';
          this.pos += 1;
        } else {
          text += next;
          quoted = true;
          this.pos += 2;
        }
        continue;
      }
      if (char === "'") {
        const close = this.src.indexOf("'", this.pos + 1);
        if (close === -1) this.fail("unterminated single quote: add the closing '");
        text += this.src.slice(this.pos + 1, close);
        quoted = true;
        this.pos = close + 1;
        continue;
      }
      if (char === '"') {
        text += this.readDoubleQuoted(substitutions);
        quoted = true;
        continue;
      }
      if (char === '$') {
        const part = this.readDollar(substitutions, false);
        text += part.text;
        quoted ||= part.quoted;
        continue;
      }
      if (char === '`') {
        text += this.readBacktick(substitutions);
        continue;
      }
      if (char === '{') braceOpen = true;
      else if (char === ',' && braceOpen) braceComma = true;
      else if (char === '}' && braceComma) braces = true;
      text += char;
      this.pos += 1;
    }
    const raw = this.src.slice(start, this.pos);
    const token: WordToken = {
      kind: 'word',
      text,
      raw,
      quoted,
      braces,
      arithmetic: false,
      substitutions,
      start,
      end: this.pos,
    };
    const delimiterFor = this.awaitingDelimiter;
    this.push(token);
    if (delimiterFor !== undefined) {
      this.awaitingDelimiter = undefined;
      this.pending.push({ token: delimiterFor, delimiter: text, quoted, stripTabs: delimiterFor.op === '<<-' });
    }
    this.trackCommandPosition(token);
  }

  private trackCommandPosition(token: WordToken): void {
    const wasCommandPosition = this.commandPosition;
    this.commandPosition = wasCommandPosition && !token.quoted && KEEPS_COMMAND_POSITION.has(token.text);
    if (!this.inSubstitution || !wasCommandPosition || token.quoted) return;
    if (token.text === 'case') this.cases += 1;
    else if (token.text === 'esac' && this.cases > 0) this.cases -= 1;
  }

  private readDoubleQuoted(substitutions: Substitution[]): string {
    const open = this.pos;
    this.pos += 1;
    let text = '';
    for (;;) {
      text += this.ordinaryRun(QUOTED_SPECIAL);
      const char = this.at();
      if (char === '') this.fail('unterminated double quote: add the closing "', open);
      if (char === '"') {
        this.pos += 1;
        return text;
      }
      if (char === '\\') {
        const next = this.at(1);
        if (next === '\n') {
          this.pos += 2;
        } else if (next === '$' || next === '`' || next === '"' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += '\\';
          this.pos += 1;
        }
      } else if (char === '$') {
        text += this.readDollar(substitutions, true).text;
      } else if (char === '`') {
        text += this.readBacktick(substitutions);
      } else {
        text += char;
        this.pos += 1;
      }
    }
  }

  /** Reads an expansion starting at `$`; its text is kept as written, except `$'…'` which is decoded. */
  private readDollar(substitutions: Substitution[], inDoubleQuotes: boolean): { text: string; quoted: boolean } {
    const start = this.pos;
    const next = this.at(1);
    if (next === '(') {
      if (this.at(2) === '(') {
        const end = this.scanArithmetic(start + 1, substitutions);
        if (end !== undefined) {
          this.pos = end;
          return { text: this.src.slice(start, end), quoted: false };
        }
      }
      return { text: this.readSubstitution('$(', substitutions), quoted: false };
    }
    if (next === '{') return { text: this.readBracedParameter(substitutions), quoted: false };
    if (next === "'" && !inDoubleQuotes) return { text: this.readAnsiC(), quoted: true };
    if (next === '"' && !inDoubleQuotes) {
      this.pos += 1; // $"…" is a translatable string: a double-quoted one for us
      return { text: this.readDoubleQuoted(substitutions), quoted: true };
    }
    if (isNameStart(next)) {
      let end = this.pos + 2;
      while (isNameChar(this.src.charAt(end))) end += 1;
      this.pos = end;
      return { text: this.src.slice(start, end), quoted: false };
    }
    if (next !== '' && (isDigit(next) || '@*#?$!-'.includes(next))) {
      this.pos += 2; // a special parameter: $1, $@, $#, $? …
      return { text: this.src.slice(start, this.pos), quoted: false };
    }
    this.pos += 1;
    return { text: '$', quoted: false };
  }

  /** `$(…)`, `<(…)`, `>(…)`: lexes the body with a nested lexer to find the matching paren. */
  private readSubstitution(kind: SubstitutionKind, substitutions: Substitution[]): string {
    const start = this.pos;
    const bodyStart = start + 2;
    const inner = new Lexer(this.src, bodyStart, true, this.nesting + 1, this.budget);
    const close = inner.run();
    // A here-document announced on the substitution's last line has its body after our newline.
    this.pending.push(...inner.pending);
    substitutions.push({ kind, source: this.src.slice(bodyStart, close) });
    this.pos = close + 1;
    return this.src.slice(start, this.pos);
  }

  private readBacktick(substitutions: Substitution[]): string {
    const start = this.pos;
    this.pos += 1;
    let body = '';
    for (;;) {
      const char = this.at();
      if (char === '') this.fail('unterminated backquote: add the closing `', start);
      if (char === '`') break;
      if (char === '\\' && (this.at(1) === '`' || this.at(1) === '$' || this.at(1) === '\\')) {
        body += this.at(1);
        this.pos += 2;
        continue;
      }
      body += char;
      this.pos += 1;
    }
    this.pos += 1;
    substitutions.push({ kind: '`', source: body });
    return this.src.slice(start, this.pos);
  }

  /** `${…}`, balanced, with any substitutions inside it (`${X:-$(cmd)}`). */
  private readBracedParameter(substitutions: Substitution[]): string {
    const start = this.pos;
    this.pos += 2;
    let depth = 1;
    this.nesting += 1;
    if (this.nesting > MAX_NESTING)
      throw new ShellParseError(
        'E_SHELL_TOO_DEEP',
        `\${ … } nests more than ${MAX_NESTING} levels deep (at offset ${start})`,
        start,
      );
    while (depth > 0) {
      const char = this.at();
      if (char === '') this.fail('unterminated ${ … }: add the closing }', start);
      if (char === '\\') {
        this.pos += 2;
      } else if (char === '{') {
        depth += 1;
        this.pos += 1;
      } else if (char === '}') {
        depth -= 1;
        this.pos += 1;
      } else if (char === "'") {
        const close = this.src.indexOf("'", this.pos + 1);
        if (close === -1) this.fail("unterminated single quote: add the closing '");
        this.pos = close + 1;
      } else if (char === '"') {
        this.readDoubleQuoted(substitutions);
      } else if (char === '$') {
        this.readDollar(substitutions, true);
      } else if (char === '`') {
        this.readBacktick(substitutions);
      } else {
        this.pos += 1;
      }
    }
    this.nesting -= 1;
    return this.src.slice(start, this.pos);
  }

  private readAnsiC(): string {
    const start = this.pos;
    let end = start + 2;
    for (;;) {
      const char = this.src.charAt(end);
      if (char === '') this.fail("unterminated $'…' string: add the closing '", start);
      if (char === '\\') end += 2;
      else if (char === "'") break;
      else end += 1;
    }
    this.pos = end + 1;
    return decodeEscapes(this.src.slice(start + 2, end));
  }

  /**
   * Reads the bodies of the here-documents announced on the line just ended. Callers first check
   * that there are some, so a command line without one never compiles this.
   */
  private readHeredocBodies(): void {
    for (let heredoc = this.pending.shift(); heredoc !== undefined; heredoc = this.pending.shift()) {
      let text = '';
      // Bash ends a here-document at end of input too (with a warning), so that is not an error.
      while (this.pos < this.src.length) {
        const newline = this.src.indexOf('\n', this.pos);
        const lineEnd = newline === -1 ? this.src.length : newline;
        let line = this.src.slice(this.pos, lineEnd);
        this.pos = newline === -1 ? this.src.length : newline + 1;
        if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === heredoc.delimiter) break;
        text += `${line}\n`;
      }
      heredoc.token.heredoc = {
        text,
        quoted: heredoc.quoted,
        substitutions: heredoc.quoted ? [] : scanExpansions(text, this.budget),
      };
    }
  }

  /** Finds the substitutions in text where only `$` and `` ` `` are special (an unquoted here-document body). */
  scanExpansions(): Substitution[] {
    const substitutions: Substitution[] = [];
    for (;;) {
      const char = this.at();
      if (char === '') return substitutions;
      if (char === '\\') this.pos += 2;
      else if (char === '$') this.readDollar(substitutions, true);
      else if (char === '`') this.readBacktick(substitutions);
      else this.pos += 1;
    }
  }
}

function scanExpansions(text: string, budget: WorkBudget | undefined): Substitution[] {
  return new Lexer(text, 0, false, 0, budget).scanExpansions();
}

/**
 * Splits shell source into tokens. Throws ShellParseError on an unterminated quote or
 * substitution, and past `budget`'s token cap (lib/shell/limits.ts).
 */
export function tokenize(source: string, budget?: WorkBudget): Token[] {
  const lexer = new Lexer(source, 0, false, 0, budget);
  lexer.run();
  return lexer.tokens;
}
