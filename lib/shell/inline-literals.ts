/**
 * Reads the arguments of a call in a one-liner's source (`os.system("rm -rf /")`,
 * `spawn('rm', ['-rf', '/'])`): string literals with their escapes decoded, `+`/`.`
 * concatenations, list literals, and the few spellings of the home directory. What is not a
 * literal becomes an unknown piece, which the shell rules treat as a variable (`$CODE_VALUE`):
 * `os.system('rm -rf ' + d)` is judged like `rm -rf $d`. A light scanner, not a parser: it reads
 * one value at a given position and stops at anything it does not know.
 */

/** Literal text, a value the scanner cannot know, or the home directory (`~`). */
export type Piece = { kind: 'text'; text: string } | { kind: 'unknown' } | { kind: 'home' };

/** One argument: a string (as pieces) or a list of strings. */
export type Value = { kind: 'string'; pieces: Piece[] } | { kind: 'list'; items: Piece[][] } | { kind: 'unknown' };

export type Language = 'python' | 'node' | 'perl' | 'ruby' | 'php' | 'awk' | 'powershell';

/** The variable an unknown piece stands for in the shell text built from it. */
export const UNKNOWN_VARIABLE = '$CODE_VALUE';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  e: '\x1b',
};

/** Expressions that name the home directory: `os.path.expanduser('~')`, `os.homedir()`, `Dir.home`, `$ENV{HOME}` … */
const HOME_EXPRESSION =
  /^(?:os\.path\.expanduser\(\s*(['"])~\1\s*\)|(?:pathlib\.)?Path\.home\(\)|os\.homedir\(\)|require\(\s*['"](?:node:)?os['"]\s*\)\.homedir\(\)|Deno\.env\.get\(\s*['"]HOME['"]\s*\)|process\.env\.HOME|process\.env\[\s*['"]HOME['"]\s*\]|os\.environ\[\s*['"]HOME['"]\s*\]|os\.environ\.get\(\s*['"]HOME['"]\s*\)|os\.getenv\(\s*['"]HOME['"]\s*\)|Dir\.home|ENV\[\s*['"]HOME['"]\s*\]|\$ENV\{\s*['"]?HOME['"]?\s*\}|getenv\(\s*['"]HOME['"]\s*\)|\$_SERVER\[\s*['"]HOME['"]\s*\]|\$env:(?:HOME|USERPROFILE)|\$HOME|~)/;

/** Whether a quote kind decodes backslash escapes (`"…"` everywhere; `'…'` in Python and JavaScript only). */
function decodesEscapes(language: Language, quote: string, raw: boolean): boolean {
  if (raw) return false;
  if (quote === '"' || quote === '`') return language !== 'powershell';
  return language === 'python' || language === 'node';
}

/** Where interpolation starts inside a quote kind: `${…}` in JS templates, `#{…}` in Ruby "…", `{…}` in Python f-strings. */
function interpolation(language: Language, quote: string, fString: boolean): string | undefined {
  if (language === 'node' && quote === '`') return '${';
  if (language === 'ruby' && quote === '"') return '#{';
  if (language === 'python' && fString) return '{';
  return undefined;
}

function decodeEscape(body: string, i: number): { text: string; next: number } {
  const char = body.charAt(i + 1);
  if (char === 'x' && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 2, i + 4)))
    return { text: String.fromCharCode(parseInt(body.slice(i + 2, i + 4), 16)), next: i + 4 };
  if (char === 'u' && body.charAt(i + 2) === '{') {
    const close = body.indexOf('}', i + 3);
    const code = parseInt(body.slice(i + 3, close), 16);
    if (close !== -1 && Number.isFinite(code) && code <= 0x10ffff)
      return { text: String.fromCodePoint(code), next: close + 1 };
  }
  if (char === 'u' && /^[0-9A-Fa-f]{4}$/.test(body.slice(i + 2, i + 6)))
    return { text: String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16)), next: i + 6 };
  const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1));
  if (octal && octal[0] !== '0')
    return { text: String.fromCharCode(parseInt(octal[0], 8)), next: i + 1 + octal[0].length };
  return { text: SIMPLE_ESCAPES[char] ?? char, next: i + 2 };
}

/** Reads a string literal starting at `start` (its opening quote or prefix); undefined if none starts there. */
export function readString(
  code: string,
  start: number,
  language: Language,
): { pieces: Piece[]; end: number } | undefined {
  let i = start;
  let raw = false;
  let fString = false;
  if (language === 'python') {
    const prefix = /^[rRbBuUfF]{1,2}(?=['"])/.exec(code.slice(i, i + 3));
    if (prefix) {
      raw = /[rR]/.test(prefix[0]);
      fString = /[fF]/.test(prefix[0]);
      i += prefix[0].length;
    }
  }
  const quote = code.charAt(i);
  if (quote !== '"' && quote !== "'" && !(quote === '`' && language === 'node')) return undefined;
  const triple = language === 'python' && code.startsWith(quote.repeat(3), i);
  const close = triple ? quote.repeat(3) : quote;
  i += close.length;
  const escapes = decodesEscapes(language, quote, raw);
  const opener = interpolation(language, quote, fString);
  const pieces: Piece[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') pieces.push({ kind: 'text', text });
    text = '';
  };
  while (i < code.length) {
    if (code.startsWith(close, i)) {
      flush();
      return { pieces, end: i + close.length };
    }
    const char = code.charAt(i);
    if (char === '\\') {
      if (escapes) {
        const decoded = decodeEscape(code, i);
        text += decoded.text;
        i = decoded.next;
      } else {
        // Raw and single-quoted strings keep backslashes, except before the quote or a backslash.
        const next = code.charAt(i + 1);
        text += next === quote || (next === '\\' && !raw) ? next : `\\${next}`;
        i += 2;
      }
      continue;
    }
    if (opener !== undefined && code.startsWith(opener, i) && !(opener === '{' && code.charAt(i + 1) === '{')) {
      flush();
      pieces.push({ kind: 'unknown' });
      i = skipBalanced(code, i + opener.length - 1);
      continue;
    }
    if (opener === '{' && code.startsWith('{{', i)) {
      text += '{';
      i += 2;
      continue;
    }
    text += char;
    i += 1;
  }
  return undefined; // unterminated: not a literal we can read
}

/** The index after the bracket group opening at `open` (`{`, `(`, `[`); skips nested groups and quoted text roughly. */
export function skipBalanced(code: string, open: number): number {
  const pairs: Readonly<Record<string, string>> = { '{': '}', '(': ')', '[': ']' };
  const stack: string[] = [];
  for (let i = open; i < code.length; i += 1) {
    const char = code.charAt(i);
    if (char in pairs) stack.push(pairs[char] as string);
    else if (char === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    } else if (char === '"' || char === "'") {
      const end = code.indexOf(char, i + 1);
      if (end === -1) return code.length;
      i = end;
    }
  }
  return code.length;
}

function skipSpace(code: string, i: number): number {
  while (i < code.length && /\s/.test(code.charAt(i))) i += 1;
  return i;
}

/** Concatenation operators: `+` (Python, JS, Ruby, PowerShell), `.` (Perl, PHP). */
function concatAt(code: string, i: number, language: Language): number | undefined {
  const char = code.charAt(i);
  if (char === '+' && language !== 'perl' && language !== 'php' && code.charAt(i + 1) !== '=') return i + 1;
  if (char === '.' && (language === 'perl' || language === 'php') && code.charAt(i + 1) !== '=') return i + 1;
  return undefined;
}

/** Calls that build a path from their arguments: joined with `/`, a leading `~` expanded for the `expand` ones. */
const PATH_CALL =
  /^(?:(os\.path\.join|path\.join|path\.resolve|require\(\s*['"](?:node:)?path['"]\s*\)\.(?:join|resolve)|File\.join|join_paths)|(os\.path\.expanduser|File\.expand_path))\s*\(/;
/** Path calls nested in path calls deeper than this are not read. */
const MAX_PATH_CALL_DEPTH = 4;

/** `os.path.join(os.homedir(), '.aws', 'credentials')`, `os.path.expanduser('~/.ssh/id_rsa')`: the path as pieces. */
function readPathCall(
  code: string,
  start: number,
  language: Language,
  depth: number,
): { pieces: Piece[]; end: number } | undefined {
  if (depth >= MAX_PATH_CALL_DEPTH) return undefined;
  const match = PATH_CALL.exec(code.slice(start, start + 80));
  if (match === null) return undefined;
  let i = start + match[0].length;
  const parts: Piece[][] = [];
  for (let count = 0; count < 16; count += 1) {
    const part = readStringExpression(code, i, language, depth + 1);
    if (!part.literal) return undefined;
    parts.push(part.pieces);
    i = skipSpace(code, part.end);
    if (code.charAt(i) === ',') {
      i += 1;
      continue;
    }
    if (code.charAt(i) !== ')') return undefined;
    break;
  }
  const pieces: Piece[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push({ kind: 'text', text: '/' });
    pieces.push(...part);
  });
  // expanduser('~/.ssh/id_rsa'): the leading `~` is the home directory.
  const first = pieces[0];
  if (match[2] !== undefined && first?.kind === 'text' && (first.text === '~' || first.text.startsWith('~/'))) {
    pieces.splice(0, 1, { kind: 'home' }, { kind: 'text', text: first.text.slice(1) });
  }
  return { pieces, end: i + 1 };
}

/** Reads one string expression: literals, home spellings and unknowns joined by concatenation. */
function readStringExpression(
  code: string,
  start: number,
  language: Language,
  depth = 0,
): { pieces: Piece[]; end: number; literal: boolean } {
  const pieces: Piece[] = [];
  let i = skipSpace(code, start);
  let literal = false;
  for (;;) {
    const string = readString(code, i, language);
    const call = string === undefined ? readPathCall(code, i, language, depth) : undefined;
    const home = string === undefined && call === undefined ? HOME_EXPRESSION.exec(code.slice(i, i + 80)) : null;
    if (string !== undefined) {
      pieces.push(...string.pieces);
      i = string.end;
      literal = true;
    } else if (call !== undefined) {
      pieces.push(...call.pieces);
      i = call.end;
      literal = true;
    } else if (home !== null) {
      pieces.push({ kind: 'home' });
      i += home[0].length;
      literal = true;
    } else {
      if (pieces.length === 0) return { pieces: [{ kind: 'unknown' }], end: i, literal: false };
      pieces.push({ kind: 'unknown' });
      return { pieces, end: i, literal };
    }
    let next = skipSpace(code, i);
    const after = concatAt(code, next, language);
    // Python joins adjacent literals: 'rm -rf ' '/'.
    const adjacent = language === 'python' && readString(code, next, language) !== undefined;
    if (after === undefined && !adjacent) return { pieces, end: i, literal };
    next = after ?? next;
    i = skipSpace(code, next);
  }
}

/** Reads the value at `start`: a string expression, a list of them (`[…]`, `%w(…)`, `qw(…)`), or unknown. */
export function readValue(code: string, start: number, language: Language): { value: Value; end: number } {
  const i = skipSpace(code, start);
  const open = code.charAt(i);
  const words = /^(?:%w|qw)([([{/])/.exec(code.slice(i, i + 3));
  if (words) {
    const closer = ({ '(': ')', '[': ']', '{': '}', '/': '/' } as Record<string, string>)[words[1] as string] as string;
    const end = code.indexOf(closer, i + 3);
    if (end === -1) return { value: { kind: 'unknown' }, end: i };
    const items = code
      .slice(i + 3, end)
      .split(/\s+/)
      .filter((word) => word !== '')
      .map((word): Piece[] => [{ kind: 'text', text: word }]);
    return { value: { kind: 'list', items }, end: end + 1 };
  }
  if (open === '[' || (open === '(' && language === 'perl') || (open === '@' && code.charAt(i + 1) === '(')) {
    let j = i + (open === '@' ? 2 : 1);
    const items: Piece[][] = [];
    for (;;) {
      j = skipSpace(code, j);
      if (code.charAt(j) === ']' || code.charAt(j) === ')') return { value: { kind: 'list', items }, end: j + 1 };
      const item = readStringExpression(code, j, language);
      items.push(item.pieces);
      j = skipSpace(code, item.end);
      if (code.charAt(j) === ',') j += 1;
      else if (code.charAt(j) !== ']' && code.charAt(j) !== ')') return { value: { kind: 'list', items }, end: j };
    }
  }
  const expression = readStringExpression(code, i, language);
  if (!expression.literal) return { value: { kind: 'unknown' }, end: expression.end };
  return { value: { kind: 'string', pieces: expression.pieces }, end: expression.end };
}

/** Reads comma-separated values from `start` (a call's arguments), at most `max`. */
export function readArguments(code: string, start: number, language: Language, max: number): Value[] {
  const values: Value[] = [];
  let i = start;
  while (values.length < max) {
    const { value, end } = readValue(code, i, language);
    values.push(value);
    if (value.kind === 'unknown') break;
    const next = skipSpace(code, end);
    if (code.charAt(next) !== ',' && !(code.startsWith('=>', next) && language === 'perl')) break;
    i = next + (code.charAt(next) === ',' ? 1 : 2);
  }
  return values;
}

/** Shell-quotes literal text. */
function quote(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** The pieces as one shell word: literal text quoted, unknowns as `$CODE_VALUE`, home as `~`. */
export function shellWord(pieces: readonly Piece[]): string {
  return (
    pieces
      .map((piece) => (piece.kind === 'text' ? quote(piece.text) : piece.kind === 'home' ? '~' : UNKNOWN_VARIABLE))
      .join('') || "''"
  );
}

/** The pieces as shell source (`os.system(…)`): literal text as it is, unknowns as `$CODE_VALUE`, home as `~`. */
export function shellSource(pieces: readonly Piece[]): string {
  return pieces
    .map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'home' ? '~' : UNKNOWN_VARIABLE))
    .join('');
}

/** Whether a value holds nothing the scanner could read. */
export function isUnknown(value: Value | undefined): boolean {
  if (value === undefined || value.kind === 'unknown') return true;
  const pieces = value.kind === 'string' ? value.pieces : value.items.flat();
  return pieces.every((piece) => piece.kind === 'unknown');
}
