// `performance` is lazy in Node: touching it loads perf_hooks and nine internal modules (~0.5 ms
// at every hook start, measured with process.moduleLoadList and --cpu-prof). process.uptime()
// reads the same monotonic clock without loading anything.

/** Milliseconds since this process started (monotonic). */
export function sinceStartMs(): number {
  return process.uptime() * 1000;
}

let startedAt: number | undefined;

/**
 * When this process started, as epoch ms: Claude Code's timeout counts from the spawn. Computed
 * once: two readings of two clocks differ by a millisecond now and then, and a deadline and the
 * message that states it must agree.
 */
export function processStartMs(): number {
  startedAt ??= Date.now() - sinceStartMs();
  return startedAt;
}
