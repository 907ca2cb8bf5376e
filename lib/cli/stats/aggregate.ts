import type { TelemetryRecord } from '../../runtime/telemetry.ts';
import { percentile } from './percentile.ts';

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

/** Groups records by `key` (hook or event), busiest first. */
export function aggregate(records: TelemetryRecord[], key: 'hook' | 'event'): StatsRow[] {
  const groups = new Map<string, TelemetryRecord[]>();
  for (const record of records) groups.set(record[key], [...(groups.get(record[key]) ?? []), record]);
  return [...groups].map(([name, group]): StatsRow => {
    const ms = group.map((r) => r.ms);
    const errors = group.filter(isFailure).length;
    const decisions: Record<string, number> = {};
    for (const r of group) decisions[r.decision] = (decisions[r.decision] ?? 0) + 1;
    const cacheHits = group.reduce((n, r) => n + r.cacheHits, 0);
    const cacheMisses = group.reduce((n, r) => n + r.cacheMisses, 0);
    return {
      name,
      runs: group.length,
      p50Ms: round(percentile(ms, 50), 2),
      p95Ms: round(percentile(ms, 95), 2),
      maxMs: round(Math.max(...ms), 2),
      errors,
      errorRate: round(errors / group.length, 4),
      decisions,
      cacheHits,
      cacheMisses,
      cacheHitRate: cacheHits + cacheMisses === 0 ? null : round(cacheHits / (cacheHits + cacheMisses), 4),
      breakerOpens: group.filter((r) => r.breakers.some((b) => b.endsWith(':open'))).length,
    };
  }).sort((a, b) => b.runs - a.runs || a.name.localeCompare(b.name));
}
