import type { TelemetryRecord } from '../../lib/runtime/telemetry.ts';
import { percentileOfSorted } from './percentile.ts';

/** The numbers for one hook or one event. */
export interface StatsRow {
  name: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Runs that failed (fail-closed or fail-open, or carrying an error code). */
  errors: number;
  errorRate: number;
  decisions: Record<string, number>;
  cacheHits: number;
  cacheMisses: number;
  /** hits / (hits + misses), or null when no cache was consulted. */
  cacheHitRate: number | null;
  /** Runs that found a circuit breaker open. */
  breakerOpens: number;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

function isFailure(record: TelemetryRecord): boolean {
  return record.error !== undefined || record.decision === 'fail-closed' || record.decision === 'fail-open';
}

/** One group's running totals: everything but the times is counted as records arrive. */
interface Group {
  ms: number[];
  errors: number;
  decisions: Record<string, number>;
  cacheHits: number;
  cacheMisses: number;
  breakerOpens: number;
}

/**
 * Groups records by `key` (hook or event), busiest first. Linear in the records (plus one sort
 * of each group's times): telemetry files hold hundreds of thousands of lines.
 */
export function aggregate(records: Iterable<TelemetryRecord>, key: 'hook' | 'event'): StatsRow[] {
  const groups = new Map<string, Group>();
  for (const record of records) {
    const name = record[key];
    let group = groups.get(name);
    if (group === undefined) {
      group = { ms: [], errors: 0, decisions: {}, cacheHits: 0, cacheMisses: 0, breakerOpens: 0 };
      groups.set(name, group);
    }
    group.ms.push(record.ms);
    if (isFailure(record)) group.errors++;
    group.decisions[record.decision] = (group.decisions[record.decision] ?? 0) + 1;
    group.cacheHits += record.cacheHits;
    group.cacheMisses += record.cacheMisses;
    if (record.breakers.some((b) => b.endsWith(':open'))) group.breakerOpens++;
  }
  return [...groups]
    .map(([name, group]): StatsRow => {
      const sorted = Float64Array.from(group.ms).sort();
      const runs = sorted.length;
      const { errors, decisions, cacheHits, cacheMisses, breakerOpens } = group;
      return {
        name,
        runs,
        p50Ms: round(percentileOfSorted(sorted, 50), 2),
        p95Ms: round(percentileOfSorted(sorted, 95), 2),
        maxMs: round(sorted[runs - 1] as number, 2),
        errors,
        errorRate: round(errors / runs, 4),
        decisions,
        cacheHits,
        cacheMisses,
        cacheHitRate: cacheHits + cacheMisses === 0 ? null : round(cacheHits / (cacheHits + cacheMisses), 4),
        breakerOpens,
      };
    })
    .sort((a, b) => b.runs - a.runs || a.name.localeCompare(b.name));
}
