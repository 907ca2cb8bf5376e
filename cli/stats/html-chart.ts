// One hook's latency over time, and its decisions, as inline SVG: no script, no external file.
// Only numbers and fixed colours go into attributes; any text from telemetry is escaped.
import type { TelemetryRecord } from '../../lib/runtime/telemetry.ts';
import { escapeHtml } from './escape.ts';
import { percentileOfSorted } from './percentile.ts';

/** A fixed colour per decision Claude Code acts on; anything else (an adopted hook's own words) is grey. */
export const DECISION_COLOURS: Readonly<Record<string, string>> = {
  none: '#4c78a8',
  unmatched: '#9ecae9',
  allow: '#54a24b',
  context: '#72b7b2',
  notice: '#eeca3b',
  ask: '#f58518',
  defer: '#ff9da6',
  deny: '#e45756',
  block: '#e45756',
  halt: '#d62728',
  retry: '#bab0ac',
  'fail-closed': '#b279a2',
  'fail-open': '#9d755d',
};
export const OTHER_COLOUR = '#7f7f7f';

export const colourOf = (decision: string): string =>
  Object.hasOwn(DECISION_COLOURS, decision) ? (DECISION_COLOURS[decision] as string) : OTHER_COLOUR;

/** Past this many runs a chart samples: a dot per run would make a page of megabytes. */
export const MAX_POINTS = 1500;

const WIDTH = 760;
const HEIGHT = 190;
const LEFT = 52;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 28;

const fixed = (n: number) => (Math.round(n * 10) / 10).toString();
const msLabel = (n: number) => (n >= 100 ? Math.round(n).toString() : n.toFixed(1));
/** `2026-12-06 10:05` in UTC: the same on every machine the page is opened on. */
const timeLabel = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

/** The runs drawn: all of them, or every k-th plus every one that did not answer `none` (up to MAX_POINTS). */
export function sampleRuns(records: TelemetryRecord[]): { shown: TelemetryRecord[]; note?: string } {
  if (records.length <= MAX_POINTS) return { shown: records };
  const notable = records.filter((r) => r.decision !== 'none' && r.decision !== 'unmatched').slice(0, MAX_POINTS / 2);
  const stride = Math.ceil(records.length / (MAX_POINTS - notable.length));
  const keep = new Set(notable);
  records.forEach((r, i) => {
    if (i % stride === 0) keep.add(r);
  });
  const shown = records.filter((r) => keep.has(r));
  return {
    shown,
    note: `showing ${shown.length.toLocaleString('en-US')} of ${records.length.toLocaleString('en-US')} runs: every ${stride}th run and ${notable.length} that answered something other than none`,
  };
}

/**
 * The scatter of one hook's runs (x: time over the page's span, y: ms, colour: decision) with its
 * p50 as a dashed line. The y axis ends at the hook's p99 (times 1.1) so one outlier does not flatten
 * the rest; runs above it sit on the top edge as triangles.
 */
export function latencyChart(records: TelemetryRecord[], span: { from: number; to: number }, label: string): string {
  const sorted = Float64Array.from(records.map((r) => r.ms)).sort();
  const p50 = percentileOfSorted(sorted, 50);
  const yMax = Math.max(1, percentileOfSorted(sorted, 99) * 1.1);
  const innerW = WIDTH - LEFT - RIGHT;
  const innerH = HEIGHT - TOP - BOTTOM;
  const range = Math.max(1, span.to - span.from);
  const x = (t: number) => LEFT + ((t - span.from) / range) * innerW;
  const y = (ms: number) => TOP + innerH - (Math.min(ms, yMax) / yMax) * innerH;
  const { shown, note } = sampleRuns(records);
  const marks = shown.map((r) => {
    const cx = fixed(x(Date.parse(r.ts)));
    const fill = colourOf(r.decision);
    if (r.ms > yMax) return `<path d="M${cx} ${TOP} l-4 7 h8 z" fill="${fill}"/>`;
    return `<circle cx="${cx}" cy="${fixed(y(r.ms))}" r="3" fill="${fill}" fill-opacity="0.8"/>`;
  });
  const gridY = [0, 0.5, 1].map((f) => {
    const value = yMax * f;
    const gy = fixed(y(value));
    return `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${gy}" y2="${gy}" class="grid"/><text x="${LEFT - 6}" y="${gy}" class="tick" text-anchor="end" dominant-baseline="middle">${msLabel(value)}</text>`;
  });
  const p50y = fixed(y(p50));
  return [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(`latency of ${label} over time, in ms`)}">`,
    ...gridY,
    `<text x="12" y="${TOP + innerH / 2}" class="tick" transform="rotate(-90 12 ${TOP + innerH / 2})" text-anchor="middle">ms</text>`,
    `<text x="${LEFT}" y="${HEIGHT - 8}" class="tick">${timeLabel(span.from)}</text>`,
    `<text x="${WIDTH - RIGHT}" y="${HEIGHT - 8}" class="tick" text-anchor="end">${timeLabel(span.to)} UTC</text>`,
    ...marks,
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${p50y}" y2="${p50y}" class="p50"/>`,
    `<text x="${WIDTH - RIGHT - 4}" y="${Number(p50y) - 4}" class="p50-label" text-anchor="end">p50 ${msLabel(p50)} ms</text>`,
    '</svg>',
    note === undefined ? '' : `<p class="note">${escapeHtml(note)}</p>`,
  ].join('');
}

/** Decision counts as one stacked bar with a legend: how often the hook answered what. */
export function decisionBar(decisions: Record<string, number>): string {
  const entries = Object.entries(decisions).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const innerW = WIDTH - LEFT - RIGHT;
  let at = LEFT;
  const segments = entries.map(([decision, n]) => {
    const w = (n / Math.max(1, total)) * innerW;
    const rect = `<rect x="${fixed(at)}" y="2" width="${fixed(Math.max(w, 1))}" height="16" fill="${colourOf(decision)}"><title>${escapeHtml(`${decision}: ${n}`)}</title></rect>`;
    at += w;
    return rect;
  });
  const legend = entries.map(
    ([decision, n]) =>
      `<li><span class="swatch" style="background:${colourOf(decision)}"></span>${escapeHtml(decision)} <b>${n.toLocaleString('en-US')}</b></li>`,
  );
  return `<svg class="bar" viewBox="0 0 ${WIDTH} 20" width="${WIDTH}" height="20" role="img" aria-label="decisions">${segments.join('')}</svg><ul class="legend">${legend.join('')}</ul>`;
}
