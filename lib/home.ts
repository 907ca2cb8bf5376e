import { lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { homeDir } from './runtime/clock.ts';
import { debugNote } from './runtime/debug.ts';

/** The per-user state directory: `$HOOKPACK_HOME`, else `$XDG_CACHE_HOME/hookpack`, else `~/.cache/hookpack`. */
export function hookpackHomePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOOKPACK_HOME) return env.HOOKPACK_HOME;
  return join(env.XDG_CACHE_HOME || join(homeDir(env), '.cache'), 'hookpack');
}

/** Why a directory is unsafe to trust, or undefined when it is ours alone. */
export function unsafeReason(path: string): string | undefined {
  const link = lstatSync(path);
  const stat = link.isSymbolicLink() ? statSync(realpathSync(path)) : link;
  if (!stat.isDirectory()) return 'it is not a directory';
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) return `it is owned by uid ${stat.uid}, not by you (uid ${uid})`;
  if ((stat.mode & 0o022) !== 0) return `it is writable by group or others (mode ${(stat.mode & 0o777).toString(8)}); run chmod 700 on it`;
  return undefined;
}

const resolved = new Map<string, string | null>();

/**
 * The state directory, created 0700 on first use, or undefined when it can't be trusted: owned
 * by another user or writable by group/others (a planted cache entry could inject context or
 * switch off a guard) or not creatable. Callers then run without disk state; HOOKPACK_DEBUG says why.
 * Checked once per process.
 */
export function hookpackHome(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = hookpackHomePath(env);
  const known = resolved.get(path);
  if (known !== undefined) return known ?? undefined;
  let result: string | null = null;
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    const reason = unsafeReason(path);
    if (reason === undefined) result = path;
    else debugNote(`not using ${path} for caches, breaker state or telemetry: ${reason}`, env);
  } catch (error) {
    debugNote(`not using ${path} for caches, breaker state or telemetry: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, env);
  }
  resolved.set(path, result);
  return result ?? undefined;
}

/** A subdirectory of the state directory (created 0700), or undefined when there is no safe home. */
export function hookpackSubdir(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const home = hookpackHome(env);
  if (home === undefined) return undefined;
  const path = join(home, name);
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    return unsafeReason(path) === undefined ? path : undefined;
  } catch (error) {
    debugNote(`cannot create ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, env);
    return undefined;
  }
}

/** Forgets what hookpackHome resolved (tests). */
export function resetHookpackHome(): void {
  resolved.clear();
}
