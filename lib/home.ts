import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { homeDir } from './runtime/home-dir.ts';
import { debugNote } from './runtime/debug.ts';

/** The per-user state directory: `$HOOKPACK_HOME`, else `$XDG_CACHE_HOME/hookpack`, else `~/.cache/hookpack`. */
export function hookpackHomePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOOKPACK_HOME) return env.HOOKPACK_HOME;
  return join(env.XDG_CACHE_HOME || join(homeDir(env), '.cache'), 'hookpack');
}

/** The directory that `path` really is, or why it can't be trusted: see {@link unsafeReason}. */
type Checked = { real: string; reason?: undefined } | { real?: undefined; reason: string };

function check(path: string, rootMayOwn = false): Checked {
  const uid = process.getuid?.();
  const link = lstatSync(path);
  // Whoever owns a link decides where it points: only we or root may own this one.
  if (link.isSymbolicLink() && uid !== undefined && link.uid !== uid && link.uid !== 0) {
    return { reason: `it is a symbolic link owned by uid ${link.uid}, not by you (uid ${uid}) or root` };
  }
  // Resolved once, here (links in parent components too), and used from now on, so no later
  // open follows a link someone re-pointed after this check.
  // .native: one realpath(3) call instead of an lstat per path component (measured at hook start).
  const real = realpathSync.native(path);
  // lstat, not stat: the resolved path must itself be the directory. If a component was swapped
  // for a link since realpath, this sees the link and refuses rather than following it again.
  const stat = lstatSync(real);
  const it = real === path ? 'it' : `${real} (where it leads)`;
  if (!stat.isDirectory()) return { reason: `${it} is not a directory` };
  if (uid !== undefined && stat.uid !== uid && !(rootMayOwn && stat.uid === 0))
    return { reason: `${it} is owned by uid ${stat.uid}, not by you (uid ${uid})` };
  // On Windows libuv derives the mode from the read-only attribute alone, so every directory
  // looks writable by group and others (0o777): the bits say nothing there and are not checked.
  if (process.platform !== 'win32' && (stat.mode & 0o022) !== 0) {
    return {
      reason: `${it} is writable by group or others (mode ${(stat.mode & 0o777).toString(8)}); run chmod 700 on it`,
    };
  }
  return { real };
}

/**
 * Why a directory is unsafe to trust, or undefined when it is ours alone: a directory owned by
 * us (or by root, with `rootMayOwn`: a config directory an administrator provides), not writable
 * by group or others, reached (if `path` is a symbolic link) through a link owned by us or root.
 * Throws what lstat/realpath throw (ENOENT, ENOTDIR …).
 */
export function unsafeReason(path: string, options: { rootMayOwn?: boolean } = {}): string | undefined {
  return check(path, options.rootMayOwn).reason;
}

/** `path` created 0700 if missing, checked, and resolved to the real directory; undefined (with a debug note) when unsafe. */
function trusted(path: string, purpose: string, env: NodeJS.ProcessEnv): string | undefined {
  let reason: string | undefined;
  try {
    // The directory exists on every run but the first: check it directly, create it only then.
    let checked: Checked;
    try {
      checked = check(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(path, { recursive: true, mode: 0o700 });
      checked = check(path);
    }
    if (checked.reason === undefined) return checked.real;
    reason = checked.reason;
  } catch (error) {
    reason = (error as NodeJS.ErrnoException).code ?? String(error);
  }
  debugNote(`not using ${path} for ${purpose}: ${reason}`, env);
  return undefined;
}

const resolved = new Map<string, string | null>();

/**
 * The state directory, created 0700 on first use, or undefined when it can't be trusted: owned
 * by another user or writable by group/others (a planted cache entry could inject context or
 * switch off a guard), a symbolic link someone else owns, or not creatable. Callers then run
 * without disk state; HOOKPACK_DEBUG says why. Checked once per process, and the path returned
 * is the real directory (links resolved once, at the check), so no later open re-resolves a
 * link that someone could have re-pointed since. Files read from it still go through
 * lib/private-file.ts: a parent directory writable by others could have the whole directory
 * renamed away and replaced after the check.
 */
export function hookpackHome(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = hookpackHomePath(env);
  const known = resolved.get(path);
  if (known !== undefined) return known ?? undefined;
  const result = trusted(path, 'caches, breaker state or telemetry', env);
  resolved.set(path, result ?? null);
  return result;
}

/** A subdirectory of the state directory (created 0700, checked and resolved like it), or undefined when there is none safe. */
export function hookpackSubdir(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const home = hookpackHome(env);
  return home === undefined ? undefined : trusted(join(home, name), `${name} state`, env);
}

/** Forgets what hookpackHome resolved (tests). */
export function resetHookpackHome(): void {
  resolved.clear();
}
