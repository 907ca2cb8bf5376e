/**
 * file-guard for the tools that search or list instead of opening one file. Grep reads every file
 * it searches: content mode returns the matching lines, and count or files_with_matches give a
 * secret away a guess at a time, so each is treated as a read. Glob and LS list names only.
 *
 * What Claude Code 2.1.329's Grep does (probed with the real client): it runs ripgrep with
 * `--hidden`, so dotfiles are searched; in a git repository it skips what .gitignore lists, but a
 * `glob` overrides that (`glob: ".env*"` or `"*"` returned a gitignored .env); `glob` is split on
 * whitespace (`"*.js .env"` is two globs), braces kept. Its permission deny rules (`Read(./.env)`)
 * filter Grep and Glob results too.
 *
 * Denied: a Grep, Glob or LS whose path (or Glob's base directory) is protected or lies in a
 * protected directory (`~/.ssh`, `~/.aws`, `.env`); a Grep over a directory above an existing
 * secret location in the home directory (`~`, `~/.config`, `/`), which ripgrep would descend into;
 * a Grep whose `glob` takes in protected names (`.env*`, `*`, `*.pem`). Not denied: a Grep over
 * the project without such a glob (ripgrep skips a gitignored .env; an un-ignored one is searched,
 * see the README), and a Glob pattern that merely names protected files (`**\/.env*`): names only.
 */
import { lstatSync } from 'node:fs';
import { compileGlobs } from '../glob.ts';
import { normalizePath } from '../paths.ts';
import { checkFileAccess, type FileAccessDenial, type FileRuleSet } from './file-guard.ts';
import type { FileRule } from './file-guard-rules.ts';
import { searchInputOf } from './file-guard-tools.ts';

/** One search tool call to judge: the merged rules both as source (for probing) and compiled. */
export interface SearchAccessRequest {
  tool: string;
  input: unknown;
  cwd: string;
  home: string;
  rules: FileRuleSet;
  sources: readonly FileRule[];
}

/** A refused search: the protected path it would read or list, and for a Grep glob, which glob. */
export interface SearchDenial extends FileAccessDenial {
  verb: 'searching' | 'listing';
  /** The Grep glob that takes in the protected path (then `path` is an example of what it selects). */
  glob?: string;
  /** The directory searched when `path` is a secret location below it. */
  within?: string;
}

/** Brace alternatives expanded from one glob at most (`id_{rsa,dsa,…}{,.*,…}` is 40). */
const MAX_EXAMPLES = 256;
/**
 * Secret files under the names they usually have, tried against a Grep glob besides one example
 * per rule glob (`.env.x`, `x.pem`): `*.{js,local}` takes in `.env.local`. Trying `*` as `.env`
 * instead would make `*.ts` take in a hypothetical `.env.ts` and deny every search.
 */
const USUAL_SECRET_NAMES = [
  '.env',
  '.env.local',
  '.env.development',
  '.env.production',
  '.env.staging',
  '.env.test',
  '.envrc',
  'id_rsa',
  'id_ed25519',
  'id_ecdsa',
  'server.key',
  'server.pem',
  'client.p12',
  'credentials.json',
  'service-account.json',
  'secrets.yaml',
  'secrets.yml',
  'secrets.json',
  '.npmrc',
  '.netrc',
  '.pypirc',
  '.git-credentials',
  '.pgpass',
];
const WILDCARD = /[*?[{]/;

/** Splits `{a,b}` alternatives out of a glob (nested too), at most MAX_EXAMPLES results. */
function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open === -1) return [glob];
  let depth = 0;
  const cuts: number[] = [];
  let close = -1;
  for (let i = open; i < glob.length && close === -1; i++) {
    const char = glob[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) close = i;
    else if (char === ',' && depth === 1) cuts.push(i);
  }
  if (close === -1) return [glob];
  const bounds = [open, ...cuts, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length && out.length < MAX_EXAMPLES; k++) {
    const alternative = glob.slice((bounds[k] as number) + 1, bounds[k + 1]);
    for (const rest of expandBraces(glob.slice(0, open) + alternative + glob.slice(close + 1))) {
      if (out.length >= MAX_EXAMPLES) break;
      out.push(rest);
    }
  }
  return out;
}

/** Concrete relative paths a glob matches, one per brace alternative, wildcards filled with `x`. */
function examplesOf(glob: string): string[] {
  const body = glob.replace(/^~?\//, '').replace(/\/$/, '/x');
  const out = new Set<string>();
  for (const expanded of expandBraces(body)) {
    const example = expanded
      .replace(/\\(.)/g, '$1')
      .replace(/\*+/g, 'x')
      .replace(/\?/g, 'x')
      .replace(/\[!?\^?([^\]]?)[^\]]*\]/g, (_, first: string) => first || 'x');
    if (example !== '') out.add(example);
  }
  return [...out];
}

/** The first readwrite rule protecting a normalised path, unless the user's `allow` exempts it. */
function readProtection(rules: FileRuleSet, path: string): { id: string; reason: string } | undefined {
  if (rules.isAllowed(path)) return undefined;
  return rules.rules.find((rule) => rule.access === 'readwrite' && rule.matches(path));
}

const isAbove = (dir: string, path: string) => path.startsWith(dir === '/' ? '/' : `${dir}/`) && path !== dir;

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A secret location that a recursive search of `root` would descend into: the literal head of
 * each readwrite rule glob (`.ssh` of `.ssh/**`, `.config/gh/hosts.yml`), placed in the home
 * directory (or at `/` for an absolute glob), below `root`, protected, and there on disk.
 * Lexical first: a search of the project, the common case, costs no stat at all.
 */
function secretBelow(
  root: string,
  home: string,
  request: SearchAccessRequest,
): { path: string; id: string; reason: string } | undefined {
  for (const rule of request.sources) {
    if (rule.access !== 'readwrite') continue;
    for (const glob of rule.globs) {
      const segments = glob.replace(/^~\//, '').replace(/^\//, '').split('/');
      const head: string[] = [];
      for (const segment of segments) {
        if (segment === '' || WILDCARD.test(segment) || segment.includes('\\')) break;
        head.push(segment);
      }
      if (head.length === 0) continue;
      const path = normalizePath(head.join('/'), glob.startsWith('/') ? '/' : home);
      if (!isAbove(root, path)) continue;
      const protection = readProtection(request.rules, path) ?? readProtection(request.rules, `${path}/x`);
      if (protection !== undefined && exists(path)) return { path, ...protection };
    }
  }
  return undefined;
}

/** The Grep globs as ripgrep gets them: split on whitespace (and, to be safe, on commas outside braces); `!` ones exclude. */
function grepGlobs(glob: unknown): string[] {
  if (typeof glob !== 'string') return [];
  const out: string[] = [];
  for (const word of glob.split(/\s+/)) {
    if (word === '' || word.startsWith('!')) continue;
    out.push(word);
    let depth = 0;
    let start = 0;
    const parts: string[] = [];
    for (let i = 0; i < word.length; i++) {
      if (word[i] === '{') depth++;
      else if (word[i] === '}') depth--;
      else if (word[i] === ',' && depth === 0) {
        parts.push(word.slice(start, i));
        start = i + 1;
      }
    }
    if (parts.length > 0) out.push(...parts, word.slice(start));
  }
  return out.filter((part) => part !== '' && !part.startsWith('!'));
}

/** A protected path under `root` that one of the Grep globs selects, with the glob and the rule. */
function globTakesInSecret(
  root: string,
  globs: readonly string[],
  request: SearchAccessRequest,
): { path: string; glob: string; id: string; reason: string } | undefined {
  const ruleExamples = request.sources
    .filter((rule) => rule.access === 'readwrite')
    .flatMap((rule) => rule.globs.flatMap((glob) => examplesOf(glob)));
  const prefix = root === '/' ? '/' : `${root}/`;
  for (const glob of globs) {
    let selects: (path: string) => boolean;
    try {
      // ripgrep anchors a glob with a `/` at the searched directory: `/src` means `<root>/src`.
      selects = compileGlobs([glob.replace(/^\//, '')], { homes: [request.home] });
    } catch {
      continue; // a glob ripgrep can't parse either: the search fails, nothing is read
    }
    for (const example of [...ruleExamples, ...USUAL_SECRET_NAMES, ...examplesOf(glob)]) {
      const path = prefix + example;
      if (!selects(path)) continue;
      const protection = readProtection(request.rules, path);
      if (protection !== undefined) return { path, glob, ...protection };
    }
  }
  return undefined;
}

/**
 * The directory a Glob lists: its `path` joined with the pattern's literal leading directories
 * (`~/.ssh/*` lists `~/.ssh`); the last segment is the name being matched, and a name is all a
 * Glob reveals, so `.env` alone lists the project, not the file.
 */
function globBase(path: string, pattern: string | undefined): string {
  if (pattern === undefined) return path;
  const segments = pattern.split('/');
  segments.pop();
  const head: string[] = [];
  for (const segment of segments) {
    if (WILDCARD.test(segment)) break;
    head.push(segment);
  }
  if (head.length === 0) return path;
  const literal = head.join('/');
  return literal.startsWith('/') || literal.startsWith('~') || literal === '' ? literal || '/' : `${path}/${literal}`;
}

/** Judges one Grep, Glob or LS call: a denial when it would read or list something protected, undefined otherwise. */
export function checkSearchAccess(request: SearchAccessRequest): SearchDenial | undefined {
  const search = searchInputOf(request.tool, request.input);
  if (search === undefined) return undefined;
  const { cwd, home } = request;
  const verb = request.tool === 'Grep' ? 'searching' : 'listing';
  const target = request.tool === 'Glob' ? globBase(search.path ?? cwd, search.pattern) : (search.path ?? cwd);
  // The searched path itself, as Read would be judged (symlinks and all): a protected file, or
  // a protected directory (`~/.ssh`), or something inside one.
  const direct = checkFileAccess({ tool: 'Read', path: target, cwd, home, rules: request.rules });
  if (direct !== undefined) return { ...direct, verb };
  if (request.tool !== 'Grep') return undefined;

  const root = normalizePath(target, cwd, home);
  const below = secretBelow(root, home, request);
  if (below !== undefined)
    return { rule: below.id, reason: below.reason, operation: 'read', path: below.path, verb, within: root };
  const selected = globTakesInSecret(root, grepGlobs(search.glob), request);
  if (selected !== undefined)
    return {
      rule: selected.id,
      reason: selected.reason,
      operation: 'read',
      path: selected.path,
      verb,
      glob: selected.glob,
    };
  return undefined;
}
