import { closeSync, constants, futimesSync, lstatSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hookpackHomePath } from '../home.ts';
import { debugNote } from '../runtime/debug.ts';
import { cacheDir } from './_dir.ts';

/** Its mtime is when the last sweep started. */
const MARKER = '.swept';
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** A temp file older than this belongs to a writer that died between write and rename. */
const STALE_TEMP_MS = 60 * 1000;

/** Bounds for sweepCache; each defaults to the value shown. */
export interface SweepOptions {
  /** Entries kept at most (2,000). */
  maxEntries?: number;
  /** Total bytes of entries kept at most (50 MB). */
  maxBytes?: number;
  /** Entries unused for longer than this are removed whatever the totals (30 days). */
  maxAgeMs?: number;
}

/** What one sweep did. */
export interface SweepResult {
  removed: number;
  kept: number;
  bytes: number;
}

/**
 * Whether a sweep is due (the cache directory exists and the last sweep started over an hour
 * ago): one or two stats, no directory created, never throws. For the runner, before it starts a
 * background sweep.
 */
export function shouldSweep(now: number = Date.now()): boolean {
  try {
    const dir = join(hookpackHomePath(), 'cache');
    const marker = statSync(join(dir, MARKER), { throwIfNoEntry: false });
    if (marker !== undefined) return now - marker.mtimeMs >= SWEEP_INTERVAL_MS;
    return statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** Creates or touches the sweep marker without following a link planted in its place. Throws on failure. */
export function touchMarker(dir: string): void {
  const fd = openSync(join(dir, MARKER), constants.O_WRONLY | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    const now = new Date();
    futimesSync(fd, now, now);
  } finally {
    closeSync(fd);
  }
}

/** Removes a file that may already be gone (another sweeper, another writer's rename). */
function remove(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    debugNote(`cache: cannot remove ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * Deletes cache entries, least recently used first (by the later of atime and mtime), until at most
 * `maxEntries` and `maxBytes` remain, plus entries past `maxAgeMs` and temp files left by dead
 * writers. Slow (a stat per entry): run it off the hot path, e.g. from a detached background
 * process when shouldSweep() says so. Tolerates concurrent sweeps and writers; never throws.
 */
export function sweepCache(options: SweepOptions = {}): SweepResult {
  const { maxEntries = 2000, maxBytes = 50 * 1024 * 1024, maxAgeMs = 30 * 24 * 60 * 60 * 1000 } = options;
  const result: SweepResult = { removed: 0, kept: 0, bytes: 0 };
  const dir = cacheDir();
  if (dir === undefined) return result;
  let names: string[];
  try {
    // Claim this interval first, so concurrent runners checking shouldSweep() stand down.
    touchMarker(dir);
    names = readdirSync(dir);
  } catch (error) {
    debugNote(`cache: cannot sweep ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return result;
  }
  const now = Date.now();
  const entries: { path: string; used: number; bytes: number }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let stats;
    try {
      stats = lstatSync(path, { throwIfNoEntry: false });
    } catch {
      continue;
    }
    if (stats === undefined || !stats.isFile()) continue; // vanished, or not ours to judge
    if (name.endsWith('.tmp')) {
      if (now - stats.mtimeMs > STALE_TEMP_MS) remove(path);
    } else if (name.endsWith('.json')) {
      entries.push({ path, used: Math.max(stats.atimeMs, stats.mtimeMs), bytes: stats.size });
    }
  }
  entries.sort((a, b) => a.used - b.used);
  let count = entries.length;
  let bytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  for (const entry of entries) {
    if (count <= maxEntries && bytes <= maxBytes && now - entry.used <= maxAgeMs) {
      result.kept++;
      result.bytes += entry.bytes;
      continue;
    }
    remove(entry.path);
    count--;
    bytes -= entry.bytes;
    result.removed++;
  }
  return result;
}
