import { renderTable } from '../table.ts';
import type { StatsRow } from './aggregate.ts';

/**
 * A name from telemetry as terminal text: control characters (an escape sequence in a hook's name
 * would recolour or rewrite the terminal) become U+FFFD, and it is cut to 60 characters, so a
 * hostile or runaway name can't push the tables past 80 columns.
 */
export function printable(name: string): string {
  const text = noControls(name);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Text with control characters (C0, DEL, C1) as U+FFFD. */
const noControls = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');

const ms = (n: number) => (n >= 100 ? Math.round(n).toString() : n.toFixed(1));
const pct = (rate: number | null) =>
  rate === null ? '-' : `${(rate * 100).toFixed(rate === 0 || rate === 1 ? 0 : 1)}%`;

/** Decision counts, most frequent first: `none 120, deny 3`. */
export function decisionList(decisions: Record<string, number>): string {
  return Object.entries(decisions)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([d, n]) => `${noControls(d)} ${n}`)
    .join(', ');
}

/** Timing, errors, cache and breakers per row, in 80 columns (the name column gives way). */
export function metricsTable(title: string, rows: StatsRow[]): string {
  return renderTable(
    [
      { header: title, flex: true },
      { header: 'runs', align: 'right' },
      { header: 'p50 ms', align: 'right' },
      { header: 'p95 ms', align: 'right' },
      { header: 'max ms', align: 'right' },
      { header: 'errors', align: 'right' },
      { header: 'cache hit', align: 'right' },
      { header: 'breaker open', align: 'right' },
    ],
    rows.map((r) => [
      printable(r.name),
      String(r.runs),
      ms(r.p50Ms),
      ms(r.p95Ms),
      ms(r.maxMs),
      pct(r.errorRate),
      pct(r.cacheHitRate),
      String(r.breakerOpens),
    ]),
  );
}

/** Decision counts per row, in 80 columns (the list gives way). */
export function decisionsTable(title: string, rows: StatsRow[]): string {
  return renderTable(
    [{ header: title }, { header: 'decisions', flex: true }],
    rows.map((r) => [printable(r.name), decisionList(r.decisions)]),
  );
}

/** Runs per project (`--all`); lines written before projects were recorded count as one row. */
export function projectsTable(rows: { project: string | null; runs: number }[]): string {
  return renderTable(
    [
      { header: 'project', flex: true },
      { header: 'runs', align: 'right' },
    ],
    rows.map((r) => [r.project === null ? '(none recorded)' : noControls(r.project), String(r.runs)]),
  );
}
