import { join } from 'node:path';
import { writeFileAtomic } from '../atomic.ts';
import { readPrivateText } from '../private-file.ts';
import { scheduleSweep } from './auto-sweep.ts';
import { cacheDir } from './_dir.ts';
import { debugNote } from '../runtime/debug.ts';
import { hash53 } from './_hash.ts';

/** Bumped when the envelope changes shape; entries of any other format are misses. */
export const FORMAT = 1;
/** Larger values stay memory-only: reading a huge envelope back costs about what it saves. */
const MAX_ENTRY_CHARS = 1 << 20;
/** The most UTF-8 bytes an entry we wrote can hold (3 per UTF-16 unit); a larger file is not ours. */
const MAX_ENTRY_BYTES = 3 * MAX_ENTRY_CHARS;

/** What every disk entry holds; each kind adds its own validity fields (stamp, hash, stamps, expiresAt). */
export interface Envelope {
  format: number;
  kind: string;
  key: string;
  version: string;
  value: unknown;
  [field: string]: unknown;
}

export { cacheDir, forgetCacheDir } from './_dir.ts';

/** The file an entry lives in: `<kind>-<hash of kind, version, key>.json` in the cache directory. */
export function entryPath(dir: string, kind: string, key: string, version: string): string {
  return join(dir, `${kind}-${hash53(`${kind}\0${version}\0${key}`)}.json`);
}

/**
 * The entry for (kind, key, version), or undefined for anything else: no directory, no file, a file
 * that is not ours alone (lib/private-file.ts: a symlink, FIFO, foreign owner, group/other-writable
 * mode), torn or garbage bytes, another format, or another key/version that hashed to the same
 * name. A miss is then replaced by the caller's write. Never throws.
 */
export function readEntry(kind: string, key: string, version: string): Envelope | undefined {
  const dir = cacheDir();
  if (dir === undefined) return undefined;
  try {
    const text = readPrivateText(entryPath(dir, kind, key, version), MAX_ENTRY_BYTES);
    if (text === undefined) return undefined;
    const entry = JSON.parse(text) as Envelope | null;
    if (
      entry?.format === FORMAT &&
      entry.kind === kind &&
      entry.key === key &&
      entry.version === version &&
      'value' in entry
    )
      return entry;
  } catch {
    // missing, unreadable or not JSON: a miss, and the caller's write replaces it
  }
  return undefined;
}

/** Writes an entry atomically (readers see the old entry or the new, never part of one). Never throws. */
export function writeEntry(kind: string, key: string, version: string, fields: Record<string, unknown>): void {
  const dir = cacheDir();
  if (dir === undefined) return;
  const path = entryPath(dir, kind, key, version);
  try {
    const json = JSON.stringify({ format: FORMAT, kind, key, version, ...fields });
    if (json.length > MAX_ENTRY_CHARS)
      debugNote(`cache: not writing ${path}: ${json.length} chars is over the ${MAX_ENTRY_CHARS} limit`);
    else {
      writeFileAtomic(path, json);
      scheduleSweep();
    }
  } catch (error) {
    // read-only directory, full disk, a value JSON can't hold: the hook still has its answer
    debugNote(`cache: cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
