/**
 * Path globs of bash-guard rules (`anyPath`, `lastPath`, `redirectTo`), compiled with lib/glob.ts
 * only when a path could match. A hook run judges one command, and most paths it sees share no
 * leading text with the globs: `> ./out.txt` or `2>/dev/null` cannot be `/dev/sd*` or `/etc/**`,
 * and a string comparison says so without compiling seventeen RegExps for the disk devices.
 */
import { globToRegExp } from '../glob.ts';

/** Characters that end a glob's literal text (`,` and `}` only mean something after a `{`). */
const SPECIAL = /[\\*?[{]/;
const TRAILING_SLASHES = /\/+$/;

interface PathGlob {
  glob: string;
  /** The text every matching path starts with; undefined when the glob is not anchored. */
  prefix: string | undefined;
  /** The glob is a plain path: it matches exactly this text. */
  exact: boolean;
  regExp: RegExp | undefined;
}

/**
 * What lib/glob.ts anchors a glob at, plus its text up to the first special character. globToRegExp
 * turns that text into itself, escaped, right after `^/` or `^(?:home)/`.
 */
function describe(glob: string, home: string): PathGlob {
  // As globToRegExp: a trailing `/` means everything under it.
  const body = glob.endsWith('/') && !glob.endsWith('\\/') ? `${glob}**` : glob;
  let anchor: string;
  let rest: string;
  if (body.startsWith('~/')) {
    anchor = `${home.replace(TRAILING_SLASHES, '')}/`;
    rest = body.slice(2);
  } else if (body.startsWith('/')) {
    anchor = '/';
    rest = body.slice(1);
  } else {
    return { glob, prefix: undefined, exact: false, regExp: undefined };
  }
  const end = rest.search(SPECIAL);
  return { glob, prefix: anchor + (end === -1 ? rest : rest.slice(0, end)), exact: end === -1, regExp: undefined };
}

/** A list of path globs for one home directory: `test` is true when any matches a normalised path. */
export class PathGlobs {
  private readonly globs: readonly string[];
  private readonly home: string;
  private compiled: PathGlob[] | undefined;

  /** The globs must be valid (bash-rule-validate.ts); nothing is compiled until `test`. */
  constructor(globs: readonly string[], home: string) {
    this.globs = globs;
    this.home = home;
  }

  test(path: string): boolean {
    this.compiled ??= this.globs.map((glob) => describe(glob, this.home));
    for (const entry of this.compiled) {
      if (entry.prefix !== undefined) {
        if (entry.exact) {
          if (path === entry.prefix) return true;
          continue;
        }
        if (!path.startsWith(entry.prefix)) continue;
      }
      entry.regExp ??= globToRegExp(entry.glob, { homes: [this.home] });
      if (entry.regExp.test(path)) return true;
    }
    return false;
  }
}
