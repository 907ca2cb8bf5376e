import { join } from 'node:path';
import { hookpackHomePath } from '../../lib/home.ts';
import { TELEMETRY_FILE } from '../../lib/runtime/telemetry.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { wrap } from '../doctor/wrap.ts';
import { stateDirProblem } from '../state-dir.ts';
import { aggregate } from '../stats/aggregate.ts';
import { readTelemetry } from '../stats/read.ts';
import { decisionsTable, metricsTable } from '../stats/render.ts';
import { parseSince } from '../stats/since.ts';

const OFF = ['0', 'off', 'false', 'no'];

/** Why there is nothing to show, and how to get telemetry. */
function noTelemetry(io: Io, path: string): string {
  const off = io.env.HOOKPACK_TELEMETRY !== undefined && OFF.includes(io.env.HOOKPACK_TELEMETRY.toLowerCase());
  const refused = stateDirProblem(io.env);
  if (refused !== undefined) {
    return `no telemetry at ${path}: the hooks refuse their state directory ${refused.path} (${refused.reason}), so they write no telemetry there (nor caches or breaker state); make it a directory only you can write (chmod 700), or set HOOKPACK_HOME to one, then use Claude Code for a while.`;
  }
  return off
    ? `no telemetry at ${path}: HOOKPACK_TELEMETRY=${io.env.HOOKPACK_TELEMETRY} turns it off in this environment; unset it where Claude Code starts, then use Claude Code for a while.`
    : `no telemetry yet at ${path}: hookpack hooks append one line per run there (unless HOOKPACK_TELEMETRY=0; HOOKPACK_HOME moves it). Use Claude Code with the hooks installed, then run \`hookpack stats\` again.`;
}

/** `hookpack stats`: what the hooks did, from the telemetry they write. */
export const stats: Command = {
  name: 'stats',
  summary: 'latency, errors, decisions, cache and breakers from telemetry',
  help: `usage: hookpack stats [--since DURATION|DATE] [--json]

Summarises $HOOKPACK_HOME/telemetry.jsonl (and its rotated .1), one line per
hook run: runs, p50/p95/max ms, error rate, decisions, cache hit rate and
circuit-breaker opens, per hook and per event. Malformed lines (torn by a
crash) are skipped and counted.

  --since D   only runs since D: a duration (30m, 1h, 7d; units s m h d w)
              or a date (2026-11-01, local midnight) or an ISO date-time
  --json      print one JSON document

Exit codes: 0 (also when there is no telemetry yet), 2 bad usage.
`,
  options: {
    since: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const since = values.since === undefined ? undefined : parseSince(String(values.since));
    const path = join(hookpackHomePath(io.env), TELEMETRY_FILE);
    const read = readTelemetry([`${path}.1`, path]);
    const records = since === undefined ? read.records : read.records.filter((r) => Date.parse(r.ts) >= since.getTime());
    const hooks = aggregate(records, 'hook');
    const events = aggregate(records, 'event');
    if (values.json === true) {
      const document = { file: path, files: read.files, since: since?.toISOString() ?? null, runs: records.length, skipped: read.skipped, hooks, events };
      io.out(`${JSON.stringify(read.files.length === 0 ? { ...document, note: noTelemetry(io, path) } : document, null, 2)}\n`);
      return EXIT.OK;
    }
    if (read.files.length === 0) {
      io.out(`${wrap(`hookpack stats: ${noTelemetry(io, path)}`, 80, 0, 2).join('\n')}\n`);
      return EXIT.OK;
    }
    const span = since === undefined ? '' : ` since ${since.toISOString().replace(/\.\d+Z$/, 'Z')}`;
    const skipped = read.skipped > 0 ? `; skipped ${read.skipped} malformed line${read.skipped === 1 ? '' : 's'}` : '';
    const header = wrap(`hookpack stats: ${records.length} run${records.length === 1 ? '' : 's'}${span} from ${read.files.join(' + ')}${skipped}`, 80, 0, 2).join('\n');
    if (records.length === 0) {
      io.out(`${header}\nno runs${span}.\n`);
      return EXIT.OK;
    }
    io.out([`${header}\n`, metricsTable('hook', hooks), metricsTable('event', events), decisionsTable('hook', hooks), decisionsTable('event', events)].join('\n'));
    return EXIT.OK;
  },
};
