import { hookpackSubdir } from '../home.ts';

// undefined: not resolved yet; null: no safe directory, so this process runs memory-only.
let resolvedDir: string | null | undefined;

/**
 * The cache directory (created 0700 on first use, checked by lib/home.ts, links resolved once to the
 * real path) or undefined. Entries in it are still read through lib/private-file.ts.
 */
export function cacheDir(): string | undefined {
  if (resolvedDir === undefined) resolvedDir = hookpackSubdir('cache') ?? null;
  return resolvedDir ?? undefined;
}

/** Forgets the resolved directory (tests switch HOOKPACK_HOME). */
export function forgetCacheDir(): void {
  resolvedDir = undefined;
}
