import type { BigIntStats } from 'node:fs';

/**
 * How recent a change must be for its timestamps to be distrusted (git's "racy git" problem): two
 * writes within one timestamp tick, same size, leave identical stats. 3 s covers the coarsest
 * clock we meet (FAT/exFAT round mtimes to 2 s) plus slack. Mutable only so tests can observe
 * stamp-trusted hits without sleeping (they set it negative).
 */
export const racyWindow = { ms: 3000 };

/**
 * What identifies one version of a file or directory: mtime, ctime, size, inode, device. ctime is
 * there because `utimes` (touch -d, tar, rsync) can put mtime back to any value, while the kernel
 * sets ctime to "now" on every write, chmod, rename or utimes, and nothing can set it back. Its
 * cost: a chmod or a new hard link also invalidates.
 */
export function stampOf(stats: BigIntStats): string {
  return `${stats.mtimeNs}:${stats.ctimeNs}:${stats.size}:${stats.ino}:${stats.dev}`;
}

/** Whether mtime or ctime is within the racy window of now or in the future (clock skew, touch -d). */
export function isRacy(stats: BigIntStats): boolean {
  const horizon = BigInt(Date.now() - racyWindow.ms) * 1_000_000n;
  return stats.mtimeNs > horizon || stats.ctimeNs > horizon;
}

/** Errors that mean "there is nothing at that path" rather than "something is wrong". */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
