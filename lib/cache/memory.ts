import QuickLRU from 'quick-lru';
import { forgetCacheDir } from './_disk.ts';

/**
 * The in-process layer, shared by every kind (keys start with the kind). A hook process lives for
 * one invocation, so this mostly serves several helpers reading the same file in one run; the
 * bound only matters for long-lived callers (tests, the CLI).
 */
export const memory = new QuickLRU<string, object>({ maxSize: 256 });

/** Computations in flight in this process, so concurrent memo() callers share one. */
export const inflight = new Map<string, Promise<unknown>>();

/** Forgets everything this process remembered (memory layer, in-flight work, the resolved cache dir), as if it had just started. */
export function clearMemoryCache(): void {
  memory.clear();
  inflight.clear();
  forgetCacheDir();
}
