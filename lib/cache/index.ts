// The cache's public surface: files (readCached), directory listings (globCached) and computed
// values (memo), each memory first (quick-lru, this process) and disk second (one JSON file per
// entry in `hookpackSubdir('cache')`, written atomically), plus the sweep that keeps the disk bounded.
export { readCached } from './read-cached.ts';
export type { ReadCachedOptions } from './read-cached.ts';
export { globCached, ListingCapError } from './glob-cached.ts';
export type { GlobCachedOptions } from './glob-cached.ts';
export { memo } from './memo.ts';
export type { MemoOptions } from './memo.ts';
export { clearMemoryCache } from './memory.ts';
export { shouldSweep, sweepCache } from './sweep.ts';
export type { SweepOptions, SweepResult } from './sweep.ts';
