import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globToRegExp } from '../glob.ts';
import { countCache } from '../runtime/stats.ts';
import { readEntry, writeEntry } from './_disk.ts';
import type { Envelope } from './_disk.ts';
import { isMissing, isRacy, stampOf } from './_stamp.ts';
import { memory } from './memory.ts';

/*
 * What a cached listing tracks: each listed directory's stamp (mtime and ctime in ns, size, inode,
 * device), taken before it is read. Adding, removing or renaming an entry in a directory changes
 * that directory's stamp, so the listing is made again. Not tracked: a file's content, size or
 * mode (they don't touch the directory); changes inside a subdirectory for a non-recursive
 * listing (they don't touch the parent); where a symlink points; a filesystem mounted over a
 * subdirectory. With `recursive: true` every directory visited is stamped, so adding or removing
 * a file at any depth is seen; symlinked directories are listed as entries, never followed.
 * A directory changed within the racy window (or with a future mtime) is not cached at all:
 * proving such a listing current would mean listing again, which is the whole cost.
 */

/** Options for globCached. */
export interface GlobCachedOptions {
  /** Descend into subdirectories (not into symlinks to them); every directory visited is stamped. */
  recursive?: boolean;
  /** Give up (throw a ListingCapError) after reading this many directory entries; default no cap. */
  maxEntries?: number;
  /** Give up when a subdirectory lies deeper than this many levels below `dir`; default no cap. */
  maxDepth?: number;
}

/** A listing went past `maxEntries` or `maxDepth`: nothing is returned or cached (code E_LISTING_CAP). */
export class ListingCapError extends Error {
  readonly code = 'E_LISTING_CAP';
}

/** How far a walk may still go: entries left to read, and the deepest level allowed. */
interface Budget {
  entries: number;
  depth: number;
}

/** `[directory relative to the root ('' for the root), its stamp]` for every directory listed. */
type DirStamps = [string, string][];

interface GlobEntry {
  stamps: DirStamps;
  value: readonly string[];
}

/** Whether every directory listed still has the stamp it had, and none of them is racy. */
function current(root: string, stamps: DirStamps): boolean {
  try {
    for (const [relative, stamp] of stamps) {
      const stats = statSync(relative ? join(root, relative) : root, { bigint: true });
      if (stampOf(stats) !== stamp || isRacy(stats)) return false;
    }
    return true;
  } catch {
    return false; // gone or unreadable: listing again reports it properly
  }
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A disk envelope as a GlobEntry, or undefined when its fields are not what this kind writes. */
function fromEnvelope(stored: Envelope | undefined): GlobEntry | undefined {
  const stamps = stored?.stamps;
  if (
    !Array.isArray(stamps) ||
    !stamps.every((pair) => isStrings(pair) && pair.length === 2) ||
    !isStrings(stored?.value)
  )
    return undefined;
  return { stamps: stamps as DirStamps, value: stored.value };
}

/** Lists `relative` under `root`, stamping each directory before reading it; false if any was racy. */
function walk(
  root: string,
  relative: string,
  matches: (path: string) => boolean,
  recursive: boolean,
  found: string[],
  stamps: DirStamps,
  budget: Budget,
  level = 0,
): boolean {
  if (level > budget.depth)
    throw new ListingCapError(`${join(root, relative)} lies more than ${budget.depth} levels deep`);
  const absolute = relative ? join(root, relative) : root;
  let clean: boolean;
  let names;
  try {
    // Stat before readdir: an entry added after the stat changes the directory's stamp.
    const stats = statSync(absolute, { bigint: true });
    stamps.push([relative, stampOf(stats)]);
    clean = !isRacy(stats);
    names = readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    // A subdirectory removed since its parent was read: the parent's stamp already records that.
    if (relative && isMissing(error)) return true;
    throw error;
  }
  budget.entries -= names.length;
  if (budget.entries < 0) throw new ListingCapError(`${root} holds more entries than the listing may read`);
  for (const dirent of names) {
    const path = relative ? `${relative}/${dirent.name}` : dirent.name;
    if (!dirent.isDirectory()) {
      if (matches(path)) found.push(path);
    } else if (recursive && !walk(root, path, matches, recursive, found, stamps, budget, level + 1)) clean = false;
  }
  return clean;
}

/**
 * The sorted `/`-separated paths, relative to `dir`, of non-directory entries matching `pattern`
 * (lib/glob.ts syntax); `[]` when `dir` is missing. Throws ListingCapError past `maxEntries` or
 * `maxDepth`. A cached listing was complete when made, so it is served whatever the caps.
 */
export function globCached(dir: string, pattern: string, options: GlobCachedOptions = {}): readonly string[] {
  const recursive = options.recursive === true;
  const root = resolve(dir);
  const key = `${root}\0${pattern}\0${recursive ? 'r' : ''}`;
  const remembered = memory.get(`glob\0${key}`) as GlobEntry | undefined;
  if (remembered !== undefined && current(root, remembered.stamps)) {
    countCache(true);
    return remembered.value;
  }
  const stored = fromEnvelope(readEntry('glob', key, ''));
  if (stored !== undefined && current(root, stored.stamps)) {
    memory.set(`glob\0${key}`, stored);
    countCache(true);
    return stored.value;
  }

  countCache(false);
  const regex = globToRegExp(pattern);
  const found: string[] = [];
  const stamps: DirStamps = [];
  let clean: boolean;
  try {
    const budget = { entries: options.maxEntries ?? Infinity, depth: options.maxDepth ?? Infinity };
    clean = walk(root, '', (path) => regex.test(path), recursive, found, stamps, budget);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  found.sort();
  if (clean) {
    memory.set(`glob\0${key}`, { stamps, value: found } satisfies GlobEntry);
    writeEntry('glob', key, '', { stamps, value: found });
  }
  return found;
}
