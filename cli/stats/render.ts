import { renderTable } from '../table.ts';
import type { StatsRow } from './aggregate.ts';

const ms = (n: number) => (n >= 100 ? Math.round(n).toString() : n.toFixed(1));
const pct = (rate: number | null) => (rate === null ? '-' : `${(rate * 100).toFixed(rate === 0 || rate === 1 ? 0 : 1)}%`);

/** Decision counts, most frequent first: `none 120, deny 3`. */
export function decisionList(decisions: Record<string, number>): string {
  return Object.entries(decisions).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d, n]) => `${d} ${n}`).join(', ');
}

/** Timing, errors, cache and breakers per row, in 80 columns (the name column gives way). */
export function metricsTable(title: string, rows: StatsRow[]): string {
  return renderTable(
    [{ header: title, flex: true }, { header: 'runs', align: 'right' }, { header: 'p50 ms', align: 'right' }, { header: 'p95 ms', align: 'right' }, { header: 'max ms', align: 'right' }, { header: 'errors', align: 'right' }, { header: 'cache hit', align: 'right' }, { header: 'breaker open', align: 'right' }],
    rows.map((r) => [r.name, String(r.runs), ms(r.p50Ms), ms(r.p95Ms), ms(r.maxMs), pct(r.errorRate), pct(r.cacheHitRate), String(r.breakerOpens)]),
  );
}

/** Decision counts per row, in 80 columns (the list gives way). */
export function decisionsTable(title: string, rows: StatsRow[]): string {
  return renderTable([{ header: title }, { header: 'decisions', flex: true }], rows.map((r) => [r.name, decisionList(r.decisions)]));
}
