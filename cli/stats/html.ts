// `hookpack stats --html FILE`: one self-contained page. No script, no link, no font or image
// from anywhere: inline CSS and SVG only, so it opens offline, from a mail attachment or a CI
// artifact, and a hostile hook name in the telemetry can at worst show up as text.
import type { TelemetryRecord } from '../../lib/runtime/telemetry.ts';
import type { StatsRow } from './aggregate.ts';
import { escapeHtml } from './escape.ts';
import { decisionBar, latencyChart } from './html-chart.ts';

/** What the page is about, for its heading. */
export interface PageScope {
  /** The project shown, or undefined for every project (`--all`). */
  project?: string;
  files: string[];
  skipped: number;
  /** Runs left out (other projects, no project recorded), said under the heading. */
  leftOut?: string;
  since?: Date;
  generatedAt: Date;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:24px;color:#1b1f24;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:0 0 2px;overflow-wrap:anywhere}
.meta,.note{color:#57606a;font-size:12px;margin:2px 0;overflow-wrap:anywhere}
table{border-collapse:collapse;margin:16px 0}th,td{padding:3px 10px;text-align:right;border-bottom:1px solid #d8dee4}
th:first-child,td:first-child{text-align:left;overflow-wrap:anywhere;max-width:320px}
section{border:1px solid #d8dee4;border-radius:6px;padding:12px 14px;margin:14px 0;max-width:790px}
.grid{stroke:#d8dee4;stroke-width:1}.tick{fill:#57606a;font-size:11px}
.p50{stroke:#1b1f24;stroke-width:1;stroke-dasharray:4 3}.p50-label{fill:#1b1f24;font-size:11px}
.legend{list-style:none;padding:0;margin:4px 0 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px}
.swatch{display:inline-block;width:10px;height:10px;margin-right:5px;border-radius:2px;vertical-align:-1px}
`;

const ms = (n: number) => (n >= 100 ? Math.round(n).toString() : n.toFixed(1));
const pct = (rate: number) => `${(rate * 100).toFixed(rate === 0 || rate === 1 ? 0 : 1)}%`;

function summaryTable(rows: StatsRow[]): string {
  const body = rows.map(
    (r) =>
      `<tr><td>${escapeHtml(r.name)}</td><td>${r.runs.toLocaleString('en-US')}</td><td>${ms(r.p50Ms)}</td><td>${ms(r.p95Ms)}</td><td>${ms(r.maxMs)}</td><td>${pct(r.errorRate)}</td></tr>`,
  );
  return `<table><thead><tr><th>hook</th><th>runs</th><th>p50 ms</th><th>p95 ms</th><th>max ms</th><th>errors</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** The page: heading, a table of every hook, then per hook its latency over time and its decisions. */
export function statsPage(records: TelemetryRecord[], hooks: StatsRow[], scope: PageScope): string {
  // Loops, not Math.min(...spread): a log holds hundreds of thousands of runs.
  const span = { from: Number.POSITIVE_INFINITY, to: Number.NEGATIVE_INFINITY };
  const byHook = new Map<string, TelemetryRecord[]>();
  for (const record of records) {
    const t = Date.parse(record.ts);
    if (t < span.from) span.from = t;
    if (t > span.to) span.to = t;
    const list = byHook.get(record.hook);
    if (list === undefined) byHook.set(record.hook, [record]);
    else list.push(record);
  }
  for (const list of byHook.values()) list.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  const sections = hooks.map((row) => {
    const runs = byHook.get(row.name) ?? [];
    const events = [...new Set(runs.map((r) => r.event))].join(', ');
    return [
      '<section>',
      `<h2>${escapeHtml(row.name)}</h2>`,
      `<p class="meta">${escapeHtml(events)} · ${row.runs.toLocaleString('en-US')} runs · p50 ${ms(row.p50Ms)} ms · p95 ${ms(row.p95Ms)} ms · max ${ms(row.maxMs)} ms · errors ${pct(row.errorRate)}</p>`,
      latencyChart(runs, span, row.name),
      decisionBar(row.decisions),
      '</section>',
    ].join('\n');
  });
  const what = scope.project === undefined ? 'every project' : scope.project;
  const heading = [
    `${records.length.toLocaleString('en-US')} runs of ${what}`,
    scope.since === undefined ? '' : ` since ${scope.since.toISOString()}`,
    ` from ${scope.files.join(' + ')}`,
    scope.skipped > 0 ? `; skipped ${scope.skipped} malformed line${scope.skipped === 1 ? '' : 's'}` : '',
  ].join('');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // No network, ever: the page may not load anything, even if a browser were asked to.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`hookpack stats: ${what}`)}</title>`,
    `<style>${CSS}</style></head><body>`,
    '<h1>hookpack stats</h1>',
    `<p class="meta">${escapeHtml(heading)}</p>`,
    scope.leftOut === undefined ? '' : `<p class="meta">${escapeHtml(scope.leftOut)}</p>`,
    `<p class="meta">written ${escapeHtml(scope.generatedAt.toISOString())}; times are UTC; each dot is a run, coloured by its decision; the dashed line is the hook's p50</p>`,
    summaryTable(hooks),
    ...sections,
    '</body></html>',
    '',
  ].join('\n');
}
