/**
 * Text globs for bash-guard rules (command names, subcommands, arguments): `*` any run of
 * characters (`/` included: arguments are not paths), `?` one character, `{a,b}` alternatives,
 * `\x` a literal x. A list compiles to one anchored RegExp, once.
 */

/** A text glob that cannot be compiled; the message names it. */
export class TextGlobError extends Error {
  override readonly name = 'TextGlobError';
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

function translate(glob: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob.charAt(i);
    if (char === '\\') {
      const next = glob.charAt(i + 1);
      if (next === '') throw new TextGlobError(`glob ${JSON.stringify(glob)} ends with a lone \`\\\`; write \`\\\\\` for a literal backslash`);
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
  if (depth > 0) throw new TextGlobError(`glob ${JSON.stringify(glob)} has an unclosed \`{\`; close it or write \`\\{\``);
  return out;
}

/** Compiles text globs into one RegExp that matches a whole string when any glob does. Throws TextGlobError. */
export function compileTextGlobs(globs: readonly string[], options: { ignoreCase?: boolean } = {}): RegExp {
  return new RegExp(`^(?:${globs.map(translate).join('|')})$`, options.ignoreCase ? 'i' : '');
}
