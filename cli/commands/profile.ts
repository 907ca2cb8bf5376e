import { homedir } from 'node:os';
import { EVENT_NAMES, isKnownEvent } from '../../lib/events.ts';
import type { Command } from '../command.ts';
import type { Io } from '../io.ts';
import { CliError, EXIT } from '../errors.ts';
import { configuredHooks, readLayers } from '../layers.ts';
import { promptPayload, readInputPayload, type PayloadOverride } from '../profile/input.ts';
import { measure } from '../profile/measure.ts';
import { renderProfile } from '../profile/render.ts';
import { profileProject } from '../profile/settings-project.ts';
import { summarize } from '../profile/summarize.ts';
import { payloadLabel, profileTargets, type ProfileTarget } from '../profile/targets.ts';
import { renderTable } from '../table.ts';
import { wrap } from '../doctor/wrap.ts';

function positiveInt(name: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new CliError('E_USAGE', `\`--${name}\` must be a whole number from 1 to ${max}, got \`${String(value)}\``);
  return n;
}

const short = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** The hooks profile runs, one row each: event, matcher, what runs, and the layer it is configured in (--json has the file). */
function targetTable(targets: ProfileTarget[]): string {
  return renderTable(
    [{ header: 'EVENT' }, { header: 'MATCHER' }, { header: 'HOOK', flex: true }, { header: 'IN' }],
    targets.map(({ hook, label }) => [hook.event, short(hook.matcher ?? '', 14), label, hook.layer]),
  );
}

function targetJson(targets: ProfileTarget[]) {
  return targets.map(({ hook, label, fixture }) => ({
    label,
    event: hook.event,
    matcher: hook.matcher ?? null,
    command: hook.command,
    ...(hook.args === undefined ? {} : { args: hook.args }),
    layer: hook.layer,
    path: hook.path,
    where: hook.where,
    payload: payloadLabel({ hook, fixture }),
  }));
}

/** The payloads that replace fixtures: `--input FILE` (its event's hooks), `--prompt TEXT` (UserPromptSubmit's). */
function payloadOverrides(values: Record<string, unknown>, io: Io, event: string | undefined): PayloadOverride[] {
  const overrides: PayloadOverride[] = [];
  if (typeof values.input === 'string') overrides.push(readInputPayload(io, values.input));
  if (typeof values.prompt === 'string') {
    if (overrides[0]?.event === 'UserPromptSubmit')
      throw new CliError(
        'E_USAGE',
        '`--input` is a UserPromptSubmit payload and `--prompt` replaces its prompt too; pass one of them',
      );
    overrides.push(promptPayload(values.prompt));
  }
  for (const override of overrides) {
    if (event !== undefined && override.event !== event) {
      throw new CliError(
        'E_USAGE',
        `\`${override.source.split(' ')[0]}\` gives a ${override.event} payload, but \`--event ${event}\` runs only ${event} hooks; drop one`,
      );
    }
  }
  return overrides;
}

/** `hookpack profile`: runs every configured command hook on realistic payloads and measures it against `node -e 0`. */
export const profile: Command = {
  name: 'profile',
  summary: 'time every configured hook on realistic payloads vs `node -e 0`',
  help: `usage: hookpack profile [--settings PATH] [--event E] [--runs N]
                        [--input FILE] [--prompt TEXT]
                        [--timeout-ms T] [--list] [--json]

Runs every command hook of every settings layer (any language) N times on the
realistic payload of its event, adapted to its matcher, as Claude Code does
(/bin/sh -c, CLAUDE_PROJECT_DIR set, own process group), interleaved with
\`node -e 0\` runs and each interpreter's own empty start (\`python3 -c pass\`,
\`sh -c :\` …, launched as the hook launches it), and reports per hook and per
event: median and p95 wall time, the ratio to \`node -e 0\`, output size
against the 10,000-character cap, exit codes, the event's cost in parallel
and in sequence, and the likely fixes for the slowest hooks, quoting those
figures. Hooks run with HOOKPACK_TELEMETRY=0.

The hooks really run, side effects included: a Stop hook that commits
commits N times, one that sends a notification sends N. The list of hooks
goes to stderr before the first run; --list prints it and runs nothing.
Processes a hook leaves running are killed after each run, and all of them
if profile is interrupted.

  --settings PATH   profile only the hooks of this settings file; a file in
                    <project>/.claude/ runs them in <project>
  --event E         only hooks of event E (e.g. PreToolUse)
  --input FILE      this payload (JSON, with hook_event_name) for the hooks
                    of its event instead of the fixture; hooks whose matcher
                    does not select it are skipped
  --prompt TEXT     the UserPromptSubmit payload's prompt: make context
                    hooks that look for keywords do their real work
  --runs N          runs per hook (default 10)
  --timeout-ms T    kill a run's process group after T ms (default 5000)
  --list            only list the hooks it would run (stdout), run nothing
  --json            print one JSON document

Exit codes: 0 measured, 1 a hook timed out or failed in every run, 2 bad
usage, 3 --settings or --input missing or unusable (not JSON, too big …).
`,
  options: {
    settings: { type: 'string' },
    event: { type: 'string' },
    runs: { type: 'string' },
    'timeout-ms': { type: 'string' },
    input: { type: 'string' },
    prompt: { type: 'string' },
    list: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const runs = positiveInt('runs', values.runs, 10, 1000);
    const timeoutMs = positiveInt('timeout-ms', values['timeout-ms'], 5000, 600_000);
    const event = values.event as string | undefined;
    if (event !== undefined && !isKnownEvent(event)) {
      throw new CliError(
        'E_USAGE',
        `\`--event\` got \`${event}\`, which is not an event; valid events: ${EVENT_NAMES.join(', ')}`,
      );
    }
    const overrides = payloadOverrides(values, io, event);
    const layers = readLayers(io, values.settings as string | undefined);
    const { project, how } = profileProject(io, values.settings as string | undefined);
    const home = io.env.HOME || homedir();
    // Hooks we run must not fill the user's telemetry with profiling runs.
    const env: NodeJS.ProcessEnv = { ...io.env, HOOKPACK_TELEMETRY: '0' };
    const hooks = configuredHooks(layers).filter((h) => event === undefined || h.event === event);
    const { targets, skipped } = profileTargets(hooks, { env, project, home, overrides });
    for (const { hook, why } of skipped) io.err(`hookpack: skipping ${hook.where} in ${hook.path}: ${why}\n`);
    if (values.list === true) {
      if (values.json === true) io.out(`${JSON.stringify({ runs, hooks: targetJson(targets) }, null, 2)}\n`);
      else if (targets.length === 0)
        io.out(`hookpack profile: no command hooks${event === undefined ? '' : ` on ${event}`} to run.\n`);
      else
        io.out(
          `hookpack profile would run ${targets.length} hook${targets.length === 1 ? '' : 's'}, ${runs} time${runs === 1 ? '' : 's'} each:\n${targetTable(targets)}`,
        );
      return EXIT.OK;
    }
    if (targets.length === 0) {
      const where = values.settings === undefined ? 'any settings layer' : String(values.settings);
      if (values.json === true)
        io.out(`${JSON.stringify({ runs, timeoutMs, hooks: [], events: [], slowest: [] }, null, 2)}\n`);
      else
        io.out(
          `hookpack profile: no command hooks${event === undefined ? '' : ` on ${event}`} in ${where}; nothing to measure.\n`,
        );
      return EXIT.OK;
    }
    // They run for real: say which, before the first run (stderr, so --json stays one document).
    const notice = `hookpack profile: running ${targets.length} hook${targets.length === 1 ? '' : 's'} ${runs} time${runs === 1 ? '' : 's'} each, for real (side effects too; --list shows this list without running):`;
    io.err(
      `${wrap(notice, 80, 0, 2).join('\n')}\n${targetTable(targets)}${wrap(`with CLAUDE_PROJECT_DIR=${project} (${how})`, 80, 0, 2).join('\n')}\n`,
    );
    // The yardstick is the node running this CLI, without NODE_EXTRA_CA_CERTS: the floor a Node hook can reach.
    const yardstickEnv = { ...env };
    delete yardstickEnv.NODE_EXTRA_CA_CERTS;
    const yardstick = { command: `'${process.execPath.replace(/'/g, `'\\''`)}' -e 0`, env: yardstickEnv, cwd: project };
    io.progress(`profile: ${targets.length} hooks x ${runs} runs, timeout ${timeoutMs} ms per run`);
    const samples = await measure(targets, { runs, timeoutMs, yardstick, progress: (text) => io.progress(text) });
    const report = summarize(targets, samples, { runs, timeoutMs, env: io.env, nodeVersion: process.version, project });
    io.out(values.json === true ? `${JSON.stringify(report, null, 2)}\n` : renderProfile(report, io.color));
    if (report.allFailed.length > 0) {
      // Also on stderr: with --json, or output piped away, the exit code alone would not say why.
      io.err(
        `${wrap(`hookpack profile: ${report.allFailed.length} of ${report.hooks.length} hooks failed in every run (${report.allFailed.join(', ')}): their times measure the failure, not the hook`, 80, 0, 2).join('\n')}\n`,
      );
    }
    return report.hooks.some((h) => h.timeouts > 0 || h.allFailed) ? EXIT.FINDINGS : EXIT.OK;
  },
};
