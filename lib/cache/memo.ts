import { countCache } from '../runtime/stats.ts';
import { readEntry, writeEntry } from './_disk.ts';
import { inflight, memory } from './memory.ts';

/** Options for memo. */
export interface MemoOptions {
  /** Part of the disk key: change it when `fn`'s result changes meaning or shape. */
  version?: string;
}

interface MemoEntry {
  expiresAt: number;
  value: unknown;
}

// Valid until expiresAt, and never for longer than ttlMs from now: an entry from before the clock
// went back, or from a build with a longer TTL, can't outstay the caller's TTL.
const fresh = (expiresAt: unknown, ttlMs: number, now: number): expiresAt is number =>
  typeof expiresAt === 'number' && now < expiresAt && expiresAt <= now + ttlMs;

/*
 * The value must survive JSON (it is what later processes get back). Concurrent callers in one
 * process share one computation; separate processes missing at the same moment each compute
 * (there is no cross-process lock) and the last atomic write wins. A throw or rejection is not cached.
 */

/** `fn()`'s JSON-serialisable result, remembered for `ttlMs` in memory and on disk; a throw is not cached. */
export function memo<T>(key: string, ttlMs: number, fn: () => T | Promise<T>, options: MemoOptions = {}): Promise<T> {
  if (typeof key !== 'string')
    return Promise.reject(new TypeError(`memo: \`key\` must be a string, got ${typeof key}`));
  if (!(ttlMs > 0 && ttlMs <= Number.MAX_SAFE_INTEGER))
    return Promise.reject(
      new TypeError(`memo: \`ttlMs\` must be a positive number of milliseconds, got ${String(ttlMs)}`),
    );
  if (typeof fn !== 'function')
    return Promise.reject(new TypeError(`memo: \`fn\` must be a function, got ${typeof fn}`));
  const version = options.version ?? '';
  const memoryKey = `memo\0${version}\0${key}`;
  const now = Date.now();

  const remembered = memory.get(memoryKey) as MemoEntry | undefined;
  if (remembered !== undefined && fresh(remembered.expiresAt, ttlMs, now)) {
    countCache(true);
    return Promise.resolve(remembered.value as T);
  }
  const pending = inflight.get(memoryKey);
  if (pending !== undefined) {
    countCache(true);
    return pending as Promise<T>;
  }
  const stored = readEntry('memo', key, version);
  if (stored !== undefined && fresh(stored.expiresAt, ttlMs, now)) {
    memory.set(memoryKey, { expiresAt: stored.expiresAt, value: stored.value } satisfies MemoEntry);
    countCache(true);
    return Promise.resolve(stored.value as T);
  }

  countCache(false);
  // Only our own promise is removed: clearMemoryCache() may have let a newer one take the slot.
  const settle = () => inflight.get(memoryKey) === computation && inflight.delete(memoryKey);
  const computation: Promise<T> = new Promise<T>((resolve) => resolve(fn())).then(
    (value) => {
      settle();
      // The TTL runs from when the value was known, not from when the caller asked.
      const expiresAt = Date.now() + ttlMs;
      memory.set(memoryKey, { expiresAt, value } satisfies MemoEntry);
      writeEntry('memo', key, version, { expiresAt, value });
      return value;
    },
    (error: unknown) => {
      settle();
      throw error;
    },
  );
  inflight.set(memoryKey, computation);
  return computation;
}
