/**
 * Counters a hook's helpers fill in during one run and telemetry reads at exit. Module state is
 * per process, and a hook process lives for one invocation, so nothing needs resetting.
 */
export const runStats = {
  cacheHits: 0,
  cacheMisses: 0,
  /** `name:state` of each breaker consulted, e.g. `eslint:open`. */
  breakers: [] as string[],
};

/** Records one cache lookup. */
export function countCache(hit: boolean): void {
  if (hit) runStats.cacheHits++;
  else runStats.cacheMisses++;
}

/** Records the state a breaker was in when a hook consulted it. */
export function noteBreaker(name: string, state: 'closed' | 'open' | 'halfOpen'): void {
  runStats.breakers.push(`${name}:${state}`);
}

/**
 * Takes one note of each named breaker out of runStats (a process serving many calls, the warm
 * daemon, would otherwise keep every note it ever made): what one call's telemetry reports. One
 * each, so two calls of the same hook in flight at once each take their own.
 */
export function takeBreakerNotes(names: ReadonlySet<string>): string[] {
  const left = new Set(names);
  const taken: string[] = [];
  runStats.breakers = runStats.breakers.filter((note) => {
    const name = note.slice(0, note.lastIndexOf(':'));
    if (!left.delete(name)) return true;
    taken.push(note);
    return false;
  });
  return taken;
}
