import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { countCache } from '../runtime/stats.ts';
import { readEntry, writeEntry } from './_disk.ts';
import type { Envelope } from './_disk.ts';
import { hash53 } from './_hash.ts';
import { isMissing, isRacy, stampOf } from './_stamp.ts';
import { memory } from './memory.ts';

/*
 * An entry is trusted while the file's stamp (mtime and ctime in ns, size, inode, device) is the
 * one seen when it was parsed. Racy stamps (git's "racy git"): when the file changed within the
 * last 3 s, or its mtime is in the future, two same-size writes in one timestamp tick would leave
 * the same stamp. Such an entry is still stored, with a hash of the content; every use reads the
 * file and compares the hash (the parse is still saved), and the first use after the file has aged
 * out of the window drops the hash, so from then on the stamp alone decides. A future mtime stays
 * racy until the file changes: always checked by content, never served stale.
 */

/** Options for readCached. */
export interface ReadCachedOptions {
  /**
   * Names what `parse` produces; giving it turns on the disk layer, so change it whenever parse's
   * output changes (new parser, new helper it calls, new shape). There is no default derived from
   * `parse.toString()`: the source text can't see closures or the helpers it calls, and for a cheap
   * parse (JSON.parse of a small file) a disk entry costs as much as the parse it saves.
   */
  version?: string;
}

interface FileEntry {
  stamp: string;
  /** Content fingerprint, present only when the stamp was racy: check it before trusting the entry. */
  hash?: string | undefined;
  value: unknown;
}

// Without a `version`, a parse function is told apart by identity: two closures with the same
// source text (`(t) => parse(t, cwd)`) may close over different things.
const parseIds = new WeakMap<object, number>();
let nextParseId = 0;

function memoryKey(path: string, parse: object, version: string | undefined): string {
  if (version !== undefined) return `file\0v${version}\0${path}`;
  let id = parseIds.get(parse);
  if (id === undefined) parseIds.set(parse, (id = nextParseId++));
  return `file\0p${id}\0${path}`;
}

/** A disk envelope as a FileEntry, or undefined when its fields are not what this kind writes. */
function fromEnvelope(stored: Envelope | undefined): FileEntry | undefined {
  if (typeof stored?.stamp !== 'string' || (stored.hash !== undefined && typeof stored.hash !== 'string'))
    return undefined;
  return { stamp: stored.stamp, hash: stored.hash, value: stored.value };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined; // deleted between stat and read
    throw error;
  }
}

/** A file's parsed content, parsed again only when the file changes; undefined (nothing cached) when it does not exist. Shared: don't mutate it. */
export function readCached<T>(
  path: string,
  parse: (text: string) => T,
  options: ReadCachedOptions = {},
): T | undefined {
  const { version } = options;
  if (typeof parse !== 'function') throw new TypeError(`readCached: \`parse\` must be a function, got ${typeof parse}`);
  if (version !== undefined && typeof version !== 'string')
    throw new TypeError(`readCached: \`version\` must be a string, got ${typeof version}`);
  const absolute = resolve(path);
  let stats;
  try {
    stats = statSync(absolute, { bigint: true });
  } catch (error) {
    if (!isMissing(error)) throw error;
    countCache(false);
    return undefined;
  }
  // Stat before reading: a write that lands after the stat changes ctime, so it is seen next time.
  const stamp = stampOf(stats);
  const racy = isRacy(stats);
  const key = memoryKey(absolute, parse, version);
  let text: string | undefined;

  // A racy entry is trusted only if the content still hashes the same; once the file has aged
  // out of the racy window, that check upgrades it to a plain stamp-trusted entry.
  const usable = (entry: FileEntry | undefined): entry is FileEntry => {
    if (entry?.stamp !== stamp) return false;
    if (entry.hash === undefined) return true;
    text ??= readText(absolute);
    if (text === undefined || hash53(text) !== entry.hash) return false;
    if (!racy) {
      entry.hash = undefined;
      if (version !== undefined) writeEntry('file', absolute, version, { stamp, value: entry.value });
    }
    return true;
  };

  const remembered = memory.get(key) as FileEntry | undefined;
  let entry = usable(remembered) ? remembered : undefined;
  if (entry === undefined && version !== undefined) {
    const stored = fromEnvelope(readEntry('file', absolute, version));
    if (usable(stored)) memory.set(key, (entry = stored));
  }
  if (entry !== undefined) {
    countCache(true);
    return entry.value as T;
  }

  countCache(false);
  text ??= readText(absolute);
  if (text === undefined) return undefined;
  const value = parse(text);
  const hash = racy ? hash53(text) : undefined;
  memory.set(key, { stamp, hash, value } satisfies FileEntry);
  if (version !== undefined) writeEntry('file', absolute, version, { stamp, hash, value });
  return value;
}
