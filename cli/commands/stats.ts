import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../lib/atomic.ts';
import { hookpackHomePath } from '../../lib/home.ts';
import { TELEMETRY_FILE } from '../../lib/runtime/telemetry.ts';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { wrap } from '../doctor/wrap.ts';
import { projectDir } from '../layers.ts';
import { stateDirProblem } from '../state-dir.ts';
import { aggregate } from '../stats/aggregate.ts';
import { installedPlugins } from '../plugins/installed.ts';
import { pluginLines, pluginRuns } from '../stats/plugins.ts';
import { statsPage } from '../stats/html.ts';
import { runsPerProject, selectProject, type ProjectSelection } from '../stats/projects.ts';
import { readTelemetry } from '../stats/read.ts';
import { decisionsTable, metricsTable, projectsTable } from '../stats/render.ts';
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

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** What a project view leaves out, in one sentence, or undefined when nothing is. */
function leftOut(selection: ProjectSelection): string | undefined {
  const parts: string[] = [];
  if (selection.otherProjects > 0) parts.push(`${plural(selection.otherProjects, 'run')} of other projects`);
  if (selection.withoutProject > 0)
    parts.push(
      `${plural(selection.withoutProject, 'run')} recorded without a project (written before hookpack recorded projects, or outside Claude Code)`,
    );
  return parts.length === 0 ? undefined : `not shown: ${parts.join(' and ')}; --all shows every run`;
}

/** Writes the page to FILE (atomically: a browser reloading it never sees half a page) or stdout for `-`. */
function writePage(io: Io, file: string, page: string): string {
  if (file === '-') {
    io.out(page);
    return 'stdout';
  }
  const path = resolve(io.cwd, file);
  try {
    writeFileAtomic(path, page, { mode: 0o644, tempSuffix: '.hookpack-tmp' });
  } catch (error) {
    throw new CliError(
      'E_IO',
      `cannot write \`--html\` ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); name a file in a directory you can write`,
      { cause: error },
    );
  }
  return path;
}

/** `hookpack stats`: what the hooks did, from the telemetry they write. */
export const stats: Command = {
  name: 'stats',
  summary: 'latency, errors, decisions, cache and breakers from telemetry',
  help: `usage: hookpack stats [--all] [--since DURATION|DATE] [--json]
                      [--html FILE]

Summarises $HOOKPACK_HOME/telemetry.jsonl (and its rotated .1), one line per
hook run: runs, p50/p95/max ms, error rate, decisions, cache hit rate and
circuit-breaker opens, per hook and per event. By default only the runs of
this project (the one hookpack finds from the current directory, or
$CLAUDE_PROJECT_DIR); what was left out is counted. Malformed lines (torn by
a crash, or longer than 64 KiB) are skipped and counted.

  --all       every project's runs, with runs per project (lines written
              before hookpack recorded projects count as "(none recorded)")
  --since D   only runs since D: a duration (30m, 1h, 7d; units s m h d w)
              or a date (2026-11-01, local midnight) or an ISO date-time
  --json      print one JSON document
  --html FILE also write a self-contained page (no network: inline SVG and
              CSS) with each hook's latency over time and its decisions;
              - writes it to stdout instead

Exit codes: 0 (also when there is no telemetry yet), 2 bad usage,
3 the --html file cannot be written.
`,
  options: {
    all: { type: 'boolean' },
    since: { type: 'string' },
    json: { type: 'boolean' },
    html: { type: 'string' },
  },
  async run({ values }, io) {
    const since = values.since === undefined ? undefined : parseSince(String(values.since));
    const all = values.all === true;
    const html = values.html as string | undefined;
    if (html === '') throw new CliError('E_USAGE', '`--html` needs a file name (or - for stdout)');
    if (html === '-' && values.json === true)
      throw new CliError('E_USAGE', '`--html -` and `--json` both write to stdout; give --html a file name');
    const path = join(hookpackHomePath(io.env), TELEMETRY_FILE);
    const read = readTelemetry([`${path}.1`, path]);
    const recent = since === undefined ? read.records : read.records.filter((r) => Date.parse(r.ts) >= since.getTime());
    const project = all ? undefined : projectDir(io);
    const selection: ProjectSelection =
      project === undefined
        ? { records: recent, otherProjects: 0, withoutProject: 0 }
        : selectProject(recent, project, io.env);
    const records = selection.records;
    const hooks = aggregate(records, 'hook');
    const events = aggregate(records, 'event');
    const projects = all ? runsPerProject(records, io.env) : undefined;
    // Runs from plugins share the log; a hook run from a plugin and from settings checks each call twice.
    const fromPlugins = pluginRuns(records, new Map(installedPlugins(io, projectDir(io)).map((p) => [p.root, p.id])));
    const omitted = leftOut(selection);
    const written =
      html === undefined || records.length === 0
        ? undefined
        : writePage(
            io,
            html,
            statsPage(records, hooks, {
              project,
              files: read.files,
              skipped: read.skipped,
              leftOut: omitted,
              since,
              generatedAt: new Date(),
            }),
          );
    if (html === '-') return EXIT.OK;
    if (values.json === true) {
      const document = {
        file: path,
        files: read.files,
        project: project ?? null,
        since: since?.toISOString() ?? null,
        runs: records.length,
        otherProjects: selection.otherProjects,
        withoutProject: selection.withoutProject,
        skipped: read.skipped,
        ...(projects === undefined ? {} : { projects }),
        hooks,
        events,
        plugins: fromPlugins.plugins,
        twice: fromPlugins.twice,
        ...(written === undefined ? {} : { html: written }),
      };
      io.out(
        `${JSON.stringify(read.files.length === 0 ? { ...document, note: noTelemetry(io, path) } : document, null, 2)}\n`,
      );
      return EXIT.OK;
    }
    if (read.files.length === 0) {
      io.out(`${wrap(`hookpack stats: ${noTelemetry(io, path)}`, 80, 0, 2).join('\n')}\n`);
      return EXIT.OK;
    }
    const span = since === undefined ? '' : ` since ${since.toISOString().replace(/\.\d+Z$/, 'Z')}`;
    const skipped = read.skipped > 0 ? `; skipped ${read.skipped} malformed line${read.skipped === 1 ? '' : 's'}` : '';
    const of = project === undefined ? ' of every project' : ` of ${project}`;
    const lines = [
      `hookpack stats: ${plural(records.length, 'run')}${of}${span} from ${read.files.join(' + ')}${skipped}`,
    ];
    if (omitted !== undefined) lines.push(omitted);
    const header = lines.map((l) => wrap(l, 80, 0, 2).join('\n')).join('\n');
    if (records.length === 0) {
      const none = html === undefined ? '' : ` (no page written: nothing to draw)`;
      io.out(`${header}\nno runs${span}${project === undefined ? '' : ' in this project'}${none}.\n`);
      return EXIT.OK;
    }
    const tables = [
      metricsTable('hook', hooks),
      metricsTable('event', events),
      decisionsTable('hook', hooks),
      decisionsTable('event', events),
    ];
    if (projects !== undefined) tables.push(projectsTable(projects));
    const plugins = pluginLines(fromPlugins);
    if (plugins.length > 0) tables.push(`${plugins.map((l) => wrap(l, 80, 0, 2).join('\n')).join('\n')}\n`);
    const footer =
      written === undefined
        ? []
        : [
            `${wrap(`wrote ${written}: each hook's latency over time and its decisions (open it in a browser)`, 80, 0, 2).join('\n')}\n`,
          ];
    io.out([`${header}\n`, ...tables, ...footer].join('\n'));
    return EXIT.OK;
  },
};
