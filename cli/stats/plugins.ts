// Which runs came from a plugin (telemetry's `plugin`: the hook's $CLAUDE_PLUGIN_ROOT), and which
// hooks ran from a plugin and from settings for the same call: Claude Code keeps a plugin's
// hooks apart from the settings files', so such a hook checks every call twice.
import { basename } from 'node:path';
import type { TelemetryRecord } from '../../lib/runtime/telemetry.ts';

/** Runs of one hook from one plugin. */
export interface PluginRuns {
  hook: string;
  event: string;
  /** `<name>@<marketplace>` for an installed plugin, else the plugin directory's name. */
  plugin: string;
  runs: number;
}

/** A hook that ran from a plugin and from settings within the same moment: once per copy, per call. */
export interface TwiceRuns {
  hook: string;
  event: string;
  plugin: string;
  /** Plugin runs with a settings run of the same hook and event within PAIR_MS. */
  pairs: number;
}

/** Two copies of a hook started for one tool call start within milliseconds of each other. */
const PAIR_MS = 1000;

/**
 * A plugin's name from the directory it ran from: `known` (installed plugins' roots, see
 * cli/plugins/installed.ts), else `…/plugins/cache/<marketplace>/<plugin>/<version>`, else the
 * directory's name.
 */
export function pluginName(root: string, known: ReadonlyMap<string, string> = new Map()): string {
  const id = known.get(root.replace(/[\\/]+$/, ''));
  if (id !== undefined) return id;
  const match = /[\\/]plugins[\\/]cache[\\/]([^\\/]+)[\\/]([^\\/]+)[\\/][^\\/]+[\\/]?$/.exec(root);
  return match === null ? basename(root) : `${match[2]}@${match[1]}`;
}

/** Runs per hook and plugin, and the hooks that ran from a plugin and from settings for the same calls. */
export function pluginRuns(
  records: TelemetryRecord[],
  known: ReadonlyMap<string, string> = new Map(),
): { plugins: PluginRuns[]; twice: TwiceRuns[] } {
  const plugins = new Map<string, PluginRuns>();
  const settingsTimes = new Map<string, number[]>();
  for (const r of records) {
    const key = `${r.event}\0${r.hook}`;
    if (r.plugin === undefined) {
      // Push, not spread: a copy per record made 150,000 lines take minutes (quadratic).
      const times = settingsTimes.get(key);
      if (times === undefined) settingsTimes.set(key, [Date.parse(r.ts)]);
      else times.push(Date.parse(r.ts));
      continue;
    }
    const name = pluginName(r.plugin, known);
    const entry = plugins.get(`${key}\0${name}`) ?? { hook: r.hook, event: r.event, plugin: name, runs: 0 };
    entry.runs++;
    plugins.set(`${key}\0${name}`, entry);
  }
  for (const times of settingsTimes.values()) times.sort((a, b) => a - b);
  const twice: TwiceRuns[] = [];
  for (const entry of plugins.values()) {
    const times = settingsTimes.get(`${entry.event}\0${entry.hook}`) ?? [];
    if (times.length === 0) continue;
    let pairs = 0;
    for (const r of records) {
      if (
        r.plugin === undefined ||
        r.hook !== entry.hook ||
        r.event !== entry.event ||
        pluginName(r.plugin, known) !== entry.plugin
      )
        continue;
      const t = Date.parse(r.ts);
      if (nearest(times, t) <= PAIR_MS) pairs++;
    }
    if (pairs > 0) twice.push({ hook: entry.hook, event: entry.event, plugin: entry.plugin, pairs });
  }
  return { plugins: [...plugins.values()], twice };
}

/** Distance from `t` to the closest of the sorted `times`. */
function nearest(times: number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  const after = times[lo] as number;
  const before = lo > 0 ? (times[lo - 1] as number) : after;
  return Math.min(Math.abs(after - t), Math.abs(t - before));
}

/** Lines for the text report: runs from plugins, and the hooks that ran twice; none without plugin runs. */
export function pluginLines(report: { plugins: PluginRuns[]; twice: TwiceRuns[] }): string[] {
  if (report.plugins.length === 0) return [];
  const lines = [
    `from plugins: ${report.plugins.map((p) => `${p.hook} ${p.runs.toLocaleString('en-US')} run${p.runs === 1 ? '' : 's'} (${p.plugin})`).join(', ')}`,
  ];
  for (const t of report.twice) {
    lines.push(
      `runs twice: ${t.hook} (${t.event}) ran from ${t.plugin} and from a settings file for the same call ${t.pairs.toLocaleString('en-US')} time${t.pairs === 1 ? '' : 's'}; \`hookpack doctor\` says how to keep one`,
    );
  }
  return lines;
}
