/**
 * Gitignore-like globs, compiled once to a RegExp and matched against normalised paths
 * (absolute, `/`-separated, no trailing slash: see lib/paths.ts).
 *
 * - `*` any run of characters except `/`; `?` one character except `/`; both match dotfiles.
 * - `**` as a whole segment: any number of segments (`a/**` = everything under `a`, not `a` itself).
 * - `[abc]`, `[a-z]`, `[!abc]` / `[^abc]`: one character (never `/`); `{a,b}`: alternatives, nestable.
 * - `\x`: the character `x` literally. Write globs with `/` even for Windows paths.
 * - No `/` in the pattern: matches the basename at any depth (`*.pem`).
 * - Leading `~/`: anchored at the home directory. Leading `/`: anchored at the filesystem root.
 * - Any other `/`: matches a path suffix that starts at a segment boundary (`.git/**`).
 * - A trailing `/` means everything under it (`secrets/` = `secrets/**`).
 * Matching is case-sensitive (POSIX); see lib/guards/file-guard.ts for why that is acceptable.
 */

/** A glob that cannot be compiled; `message` names the glob and the problem. */
export class GlobError extends Error {
  override readonly name = 'GlobError';
  readonly code = 'E_GLOB';
}

/** Where `~/` globs are anchored: every spelling of the home directory (lexical and real), normalised. */
export interface GlobOptions {
  homes?: readonly string[];
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

/** Translates the part of a glob after its anchor into a RegExp source. */
function translate(glob: string, body: string): string {
  let out = '';
  let braceDepth = 0;
  let i = 0;
  while (i < body.length) {
    const char = body[i] as string;
    if (char === '\\') {
      const next = body[i + 1];
      if (next === undefined)
        throw new GlobError(
          `glob ${JSON.stringify(glob)} ends with a lone \`\\\`; write \`\\\\\` for a literal backslash`,
        );
      out += escapeRegex(next);
      i += 2;
    } else if (char === '*') {
      let end = i;
      while (body[end] === '*') end += 1;
      const wholeSegment =
        end - i >= 2 && (i === 0 || body[i - 1] === '/') && (end === body.length || body[end] === '/');
      if (!wholeSegment) out += '[^/]*';
      else if (end === body.length)
        out += '.+'; // `a/**`: something under `a`
      else {
        out += '(?:[^/]+/)*'; // `**/`: zero or more whole segments
        end += 1;
      }
      i = end;
    } else if (char === '?') {
      out += '[^/]';
      i += 1;
    } else if (char === '[') {
      const close = body.indexOf(']', i + 2); // a `]` right after `[` (or `[!`) is a member, as in gitignore
      if (close === -1)
        throw new GlobError(`glob ${JSON.stringify(glob)} has an unclosed \`[\`; close it or write \`\\[\``);
      let members = body.slice(i + 1, close);
      const negated = members.startsWith('!') || members.startsWith('^');
      if (negated) members = members.slice(1);
      if (members === '') throw new GlobError(`glob ${JSON.stringify(glob)} has an empty \`[]\``);
      const escaped = members.replace(/[\\\]^]/g, '\\$&');
      // A class never matches `/`, negated or not: `*` and `?` don't cross segments either.
      out += negated ? `[^/${escaped}]` : `(?![/])[${escaped}]`;
      i = close + 1;
    } else if (char === '{') {
      braceDepth += 1;
      out += '(?:';
      i += 1;
    } else if (char === ',' && braceDepth > 0) {
      out += '|';
      i += 1;
    } else if (char === '}' && braceDepth > 0) {
      braceDepth -= 1;
      out += ')';
      i += 1;
    } else {
      out += escapeRegex(char);
      i += 1;
    }
  }
  if (braceDepth > 0)
    throw new GlobError(`glob ${JSON.stringify(glob)} has an unclosed \`{\`; close it or write \`\\{\``);
  return out;
}

/** Compiles one glob to an anchored RegExp over normalised paths. Throws GlobError on bad syntax. */
export function globToRegExp(glob: string, options: GlobOptions = {}): RegExp {
  if (typeof glob !== 'string' || glob.trim() === '')
    throw new GlobError(`a glob must be a non-empty string, got ${JSON.stringify(glob)}`);
  let body = glob.endsWith('/') && !glob.endsWith('\\/') ? `${glob}**` : glob;
  let anchor: string;
  if (body.startsWith('~/')) {
    const homes = options.homes ?? [];
    if (homes.length === 0)
      throw new GlobError(`glob ${JSON.stringify(glob)} starts with \`~/\` but no home directory is known`);
    anchor = `^(?:${homes.map((home) => escapeRegex(home.replace(/\/+$/, ''))).join('|')})/`;
    body = body.slice(2);
  } else if (body.startsWith('/')) {
    anchor = '^/';
    body = body.slice(1);
  } else {
    // A suffix starting at a segment boundary. Without a `/` in the glob nothing in it can cross a
    // segment, so this is exactly "the basename, at any depth".
    anchor = '(?:^|/)';
  }
  const source = `${anchor}${translate(glob, body)}$`;
  try {
    return new RegExp(source);
  } catch (error) {
    throw new GlobError(
      `glob ${JSON.stringify(glob)} is invalid (${(error as Error).message}); check its \`[...]\` ranges`,
      { cause: error },
    );
  }
}

/**
 * The longest run of characters every path a glob matches holds as written (outside `{…}`,
 * `[…]`, escapes and wildcards), or '' when it has none: `**\/.env.*` → `.env.`.
 */
export function literalOf(glob: string): string {
  const body = glob.startsWith('~/') ? glob.slice(2) : glob;
  let best = '';
  let run = '';
  let depth = 0;
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char === '[') {
      end();
      // As translate() reads a class: a `]` right after `[` (or `[!`) is a member.
      const close = body.indexOf(']', i + 2);
      i = close === -1 ? body.length : close;
    } else if (char === '\\') {
      end();
      i++;
    } else if (char === '{') {
      end();
      depth++;
    } else if (char === '}' && depth > 0) {
      depth--;
    } else if (char === '*' && depth === 0) {
      end();
      let stars = i;
      while (body[stars] === '*') stars++;
      // A whole-segment `**/` (as translate() reads it) takes its `/` along: `(?:[^/]+/)*` can be
      // empty, so `**/x` matches `x` with no `/` before it.
      const wholeSegment = stars - i >= 2 && (i === 0 || body[i - 1] === '/') && body[stars] === '/';
      i = wholeSegment ? stars : stars - 1;
    } else if (depth > 0 || char === '?') end();
    else run += char;
  }
  end();
  return best;
}

/**
 * Compiles globs once into a single predicate that is true when any of them matches. A glob's
 * RegExp runs (and V8 compiles it, on its first run) only for a path that holds the glob's
 * literal part (literalOf): most paths hold none of them, and a hook start then compiles none.
 */
export function compileGlobs(globs: readonly string[], options: GlobOptions = {}): (path: string) => boolean {
  // Made at once only where making it can fail (`[`, `{`, `\\`, `~/` without a home), so a bad
  // glob is refused here, where it is read; the rest when a path first holds their literal.
  const regexes = globs.map((glob) =>
    typeof glob !== 'string' ||
    glob.trim() === '' ||
    /[[{\\]/.test(glob) ||
    (glob.startsWith('~/') && !options.homes?.length)
      ? globToRegExp(glob, options)
      : undefined,
  );
  const literals = globs.map(literalOf);
  return (path) =>
    globs.some((glob, i) => {
      if (!path.includes(literals[i] as string)) return false;
      let regex = regexes[i];
      if (regex === undefined) regexes[i] = regex = globToRegExp(glob, options);
      return regex.test(path);
    });
}
