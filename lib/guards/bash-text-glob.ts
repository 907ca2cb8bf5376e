/**
 * Text globs for bash-guard rules (command names, subcommands, arguments): `*` any run of
 * characters (`/` included: arguments are not paths), `?` one character, `{a,b}` alternatives,
 * `\x` a literal x. A list compiles to one anchored RegExp, once.
 *
 * Each hook run is a new process that judges one command, so `textGlobs` compiles nothing up
 * front: plain names (`rm`, `git`) are looked up in a Set, and the RegExp for the globs with
 * wildcards is built on the first text that starts like one of them. `echo` never compiles the
 * RegExp of `mkfs.*` or `python*`.
 */

/** A text glob that cannot be compiled; the message names it. */
export class TextGlobError extends Error {
  override readonly name = 'TextGlobError';
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;
/** What makes a text glob more than its literal text (`,` and `}` count only after a `{`). */
const WILDCARD = /[\\*?{]/;
/** The same, plus what asciiLower cannot compare: with `i`, non-ASCII text is left to the RegExp. */
const WILDCARD_OR_NON_ASCII = /[\\*?{]|[^\x00-\x7f]/;
const UPPER = /[A-Z]/;
const UPPERS = /[A-Z]/g;

function translate(glob: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob.charAt(i);
    if (char === '\\') {
      const next = glob.charAt(i + 1);
      if (next === '')
        throw new TextGlobError(
          `glob ${JSON.stringify(glob)} ends with a lone \`\\\`; write \`\\\\\` for a literal backslash`,
        );
      out += next.replace(SPECIAL, '\\$&');
      i += 1;
    } else if (char === '*') out += '[\\s\\S]*';
    else if (char === '?') out += '[\\s\\S]';
    else if (char === '{') {
      depth += 1;
      out += '(?:';
    } else if (char === ',' && depth > 0) out += '|';
    else if (char === '}' && depth > 0) {
      depth -= 1;
      out += ')';
    } else out += char.replace(SPECIAL, '\\$&');
  }
  if (depth > 0)
    throw new TextGlobError(`glob ${JSON.stringify(glob)} has an unclosed \`{\`; close it or write \`\\{\``);
  return out;
}

/** Compiles text globs into one RegExp that matches a whole string when any glob does. Throws TextGlobError. */
export function compileTextGlobs(globs: readonly string[], options: { ignoreCase?: boolean } = {}): RegExp {
  return new RegExp(`^(?:${globs.map(translate).join('|')})$`, options.ignoreCase ? 'i' : '');
}

/** A list of text globs: `test` is true when any of them matches all of `text`. */
export interface TextMatcher {
  test(text: string): boolean;
}

/**
 * Lower-cases A-Z only. A RegExp's `i` flag (without `u`) never folds a non-ASCII character
 * into an ASCII one, while `toLowerCase` does (the Kelvin sign becomes `k`), so this, not
 * `toLowerCase`, agrees with the RegExp on ASCII globs.
 */
function asciiLower(text: string): string {
  return UPPER.test(text) ? text.replace(UPPERS, (char) => char.toLowerCase()) : text;
}

class TextGlobs implements TextMatcher {
  private readonly globs: readonly string[];
  private readonly ignoreCase: boolean;
  /** Built on the first `test`: globs that are plain text, as `key` spells them. */
  private literals: Set<string> | undefined;
  /** The other globs, their RegExp (built on first need), and the text each must start with (none: no filter). */
  private wild: string[] = [];
  private regExp: RegExp | undefined;
  private prefixes: string[] | undefined;

  constructor(globs: readonly string[], ignoreCase: boolean) {
    this.globs = globs;
    this.ignoreCase = ignoreCase;
  }

  private key(text: string): string {
    return this.ignoreCase ? asciiLower(text) : text;
  }

  private split(): Set<string> {
    const literals = new Set<string>();
    const prefixes: string[] = [];
    let filtered = true;
    const special = this.ignoreCase ? WILDCARD_OR_NON_ASCII : WILDCARD;
    for (const glob of this.globs) {
      const end = glob.search(special);
      if (end === -1) {
        literals.add(this.key(glob));
        continue;
      }
      this.wild.push(glob);
      // The characters before the first special one match only themselves, at the start.
      if (end === 0) filtered = false;
      else prefixes.push(this.key(glob.slice(0, end)));
    }
    if (filtered) this.prefixes = prefixes;
    this.literals = literals;
    return literals;
  }

  test(text: string): boolean {
    const literals = this.literals ?? this.split();
    const key = this.key(text);
    if (literals.has(key)) return true;
    if (this.wild.length === 0) return false;
    if (this.prefixes !== undefined && !this.prefixes.some((prefix) => key.startsWith(prefix))) return false;
    this.regExp ??= compileTextGlobs(this.wild, { ignoreCase: this.ignoreCase });
    return this.regExp.test(text);
  }
}

/** The globs as a TextMatcher that compiles on first use. The globs must be valid (bash-rule-validate.ts). */
export function textGlobs(globs: readonly string[], options: { ignoreCase?: boolean } = {}): TextMatcher {
  return new TextGlobs(globs, options.ignoreCase === true);
}
