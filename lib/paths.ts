/**
 * Path normalisation for guards: one spelling per file, so a rule cannot be dodged with
 * `src/../.env`, `C:\repo\.env`, `a//b/` or a symlink. Normalised paths are absolute,
 * `/`-separated, without `.`/`..` segments, repeated or trailing slashes; a Windows drive
 * letter is upper-cased (`C:/repo`), a UNC path keeps its `//` root.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, basename, isAbsolute, join, resolve, sep } from 'node:path';

/** `C:/…`, and `C:foo` (drive-relative), read as `C:/foo`: there is no per-drive cwd to resolve it against. */
const DRIVE = /^([A-Za-z]):/;
/** Symlink hops before a chain counts as a loop: Linux's own limit (MAXSYMLINKS). */
const MAX_SYMLINK_HOPS = 40;

/**
 * Whether `path` is spelled the Windows way: a drive letter or a UNC root (`\\server`). A
 * backslash alone says nothing: on POSIX `fix\.env` is one file name, not `fix/.env`.
 */
export function isWindowsLike(path: string): boolean {
  return DRIVE.test(path) || path.startsWith('\\\\');
}

function splitRoot(path: string): { root: string; rest: string } | undefined {
  const drive = DRIVE.exec(path);
  if (drive) return { root: `${(drive[1] as string).toUpperCase()}:/`, rest: path.slice(2) };
  if (path.startsWith('//')) return { root: '//', rest: path.slice(2) };
  if (path.startsWith('/')) return { root: '/', rest: path.slice(1) };
  return undefined;
}

function collapse(root: string, rest: string): string {
  const segments: string[] = [];
  for (const segment of rest.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..')
      segments.pop(); // `..` at the root stays at the root, as the kernel does
    else segments.push(segment);
  }
  return root + segments.join('/');
}

/**
 * Normalises `path` lexically: `\` read as a separator when the path or the directory it is
 * relative to is a Windows one, `~` expanded to `home`, a relative path resolved against `cwd`,
 * then `.`, `..`, repeated and trailing slashes collapsed.
 */
export function normalizePath(path: string, cwd: string, home?: string): string {
  // Fast paths (bash-guard resolves every operand of every command here): a POSIX path with no
  // empty, `.` or `..` segment and no trailing slash comes out as it went in, or appended to `cwd`.
  if (path.charCodeAt(0) === SLASH) {
    if (!NEEDS_COLLAPSE.test(path)) return path;
  } else if (
    path !== '' &&
    cwd.charCodeAt(0) === SLASH &&
    path.charCodeAt(0) !== TILDE &&
    !isWindowsLike(path) &&
    !NEEDS_COLLAPSE.test(`/${path}`)
  ) {
    const base = collapsedCwd(cwd);
    return base.endsWith('/') ? `${base}${path}` : `${base}/${path}`;
  }
  return normalizeAnyPath(path, cwd, home);
}

const SLASH = 47;
const TILDE = 126;
/** A segment collapse() would drop or fold: empty (`//`, a trailing `/`), `.` or `..`. */
const NEEDS_COLLAPSE = /\/\/|\/\.{1,2}(?:\/|$)|\/$/;
let lastCwd: string | undefined;
let lastCwdCollapsed = '';

/** `cwd` as normalizeAnyPath reads it, remembered for the last one (a hook has one). */
function collapsedCwd(cwd: string): string {
  if (cwd !== lastCwd) {
    const base = splitRoot(cwd.replaceAll('\\', '/')) ?? { root: '/', rest: cwd };
    lastCwdCollapsed = collapse(base.root, base.rest);
    lastCwd = cwd;
  }
  return lastCwdCollapsed;
}

/** The general case; normalizePath's fast paths must agree with it (test/lib/paths-normalize-fast-path.test.ts). */
export function normalizeAnyPath(path: string, cwd: string, home?: string): string {
  const windows = isWindowsLike(path) || (!path.startsWith('/') && isWindowsLike(cwd));
  let slashed = windows ? path.replaceAll('\\', '/') : path;
  if (home !== undefined && (slashed === '~' || slashed.startsWith('~/')))
    slashed = `${home.replaceAll('\\', '/')}/${slashed.slice(1)}`;
  const absolute = splitRoot(slashed);
  if (absolute) return collapse(absolute.root, absolute.rest);
  const base = splitRoot(cwd.replaceAll('\\', '/')) ?? { root: '/', rest: cwd };
  return collapse(base.root, `${base.rest}/${slashed}`);
}

/** Where a path really leads, once every symlink on the way is followed. */
export type RealPath =
  /** `path` is where the kernel would land (the file itself may not exist yet). */
  | { kind: 'resolved'; path: string }
  /** A symlink loop (ELOOP) or a chain longer than the kernel follows: nothing can be written there. */
  | { kind: 'loop' }
  /** Not a path on this machine (a Windows path on POSIX), or nothing on the way could be resolved. */
  | { kind: 'unresolved' };

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function resolveNative(path: string, hops: number): RealPath {
  try {
    return { kind: 'resolved', path: realpathSync.native(path) };
  } catch (error) {
    if (errorCode(error) === 'ELOOP') return { kind: 'loop' };
    // ENOENT, ENOTDIR, EACCES …: resolve the parent, then look at the last segment by hand.
  }
  const parent = dirname(path);
  if (parent === path) return { kind: 'unresolved' };
  const resolvedParent = resolveNative(parent, hops);
  if (resolvedParent.kind !== 'resolved') return resolvedParent;
  const candidate = join(resolvedParent.path, basename(path));
  let isLink = false;
  try {
    isLink = lstatSync(candidate).isSymbolicLink();
  } catch {
    return { kind: 'resolved', path: candidate }; // doesn't exist (yet): a write creates it right here
  }
  if (!isLink) return { kind: 'resolved', path: candidate };
  // A dangling symlink: realpath fails on it, but a write through it creates its target.
  if (hops >= MAX_SYMLINK_HOPS) return { kind: 'loop' };
  let target: string;
  try {
    target = readlinkSync(candidate);
  } catch {
    return { kind: 'resolved', path: candidate };
  }
  return resolveNative(resolve(resolvedParent.path, target), hops + 1);
}

/**
 * Follows symlinks in `path` (relative paths against `cwd`, `~` against `home`) with
 * `fs.realpathSync.native`; for a file that doesn't exist yet, resolves its nearest existing
 * ancestor and follows any dangling symlink on the rest by hand. `..` is applied after each
 * symlink, as the kernel does. Never throws. The result is normalised like `normalizePath`.
 */
export function realPathOf(path: string, cwd: string, home?: string): RealPath {
  // A Windows-spelled path is not a path on POSIX, and there is nothing to ask the disk about.
  if (sep === '/' && (isWindowsLike(path) || (!isAbsolute(path) && isWindowsLike(cwd)))) return { kind: 'unresolved' };
  let native = path;
  if (home !== undefined && (path === '~' || path.startsWith(`~${sep}`) || path.startsWith('~/')))
    native = home + path.slice(1);
  else if (!isAbsolute(path)) native = `${cwd}${sep}${path}`; // not path.join: it would collapse `..` before the symlinks are seen
  const real = resolveNative(native, 0);
  return real.kind === 'resolved' ? { kind: 'resolved', path: normalizePath(real.path, '/') } : real;
}

/** `path` for a message: relative to `cwd` when inside it, `~/…` when inside `home`, else as is. */
export function displayPath(path: string, cwd: string, home?: string): string {
  const inside = (base: string) => {
    if (base.endsWith('/')) return undefined; // a root as cwd or home says nothing about where the file is
    return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined;
  };
  const inCwd = inside(normalizePath(cwd, '/'));
  if (inCwd !== undefined) return inCwd;
  const inHome = home === undefined ? undefined : inside(normalizePath(home, '/'));
  return inHome !== undefined ? `~/${inHome}` : path;
}
