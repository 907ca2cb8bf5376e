import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { locateProject } from '../project.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FAIL_CLOSED_EVENTS } from '../../lib/events.ts';
import { skipReason } from '../../lib/runtime/switches.ts';
import { EVENT_NAMES } from '../../lib/events.ts';
import { DECISIONS, decisionOf, spawnHook } from '../../lib/testing.ts';
import type { Command } from '../command.ts';
import { readBundleInfo } from '../doctor/bundle-banner.ts';
import { CliError, EXIT } from '../errors.ts';
import { EVENT_FIXTURES } from '../fixtures.ts';
import type { Io } from '../io.ts';
import { projectDir } from '../layers.ts';
import { fixturePayload } from '../profile/payload.ts';

/** A built hook or event bundle. */
interface Target {
  kind: 'hook' | 'event';
  name: string;
  event: string;
  matcher: string | undefined;
  /** Seconds (the manifest's timeout); the run is killed a little after it. */
  timeout: number;
  file: string;
}

interface ManifestEntry {
  name?: string;
  event?: string;
  matcher?: string | null;
  timeout?: number;
  file?: string;
}

/** Built hooks and event bundles in `dist`: from manifest.json, else from the bundles' banners. */
function builtTargets(dist: string): Target[] {
  if (!existsSync(dist))
    throw new CliError('E_BUILD', `no ${dist}: build the hooks first (\`hookpack build\`) or pass \`--dist DIR\``);
  const manifestPath = join(dist, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      hooks?: ManifestEntry[];
      events?: ManifestEntry[];
    };
    const entry = (kind: Target['kind'], e: ManifestEntry): Target => ({
      kind,
      name: kind === 'hook' ? String(e.name) : `on-${e.event}`,
      event: String(e.event),
      matcher: e.matcher ?? undefined,
      timeout: typeof e.timeout === 'number' ? e.timeout : 10,
      file: join(dist, String(e.file)),
    });
    return [
      ...(manifest.hooks ?? []).map((e) => entry('hook', e)),
      ...(manifest.events ?? []).map((e) => entry('event', e)),
    ];
  }
  return readdirSync(dist)
    .filter((f) => f.endsWith('.cjs'))
    .flatMap((file): Target[] => {
      const info = readBundleInfo(join(dist, file));
      if (info === undefined) return [];
      const name = file.replace(/\.cjs$/, '');
      return [
        {
          kind: name.startsWith('on-') ? 'event' : 'hook',
          name,
          event: info.event,
          matcher: undefined,
          timeout: 10,
          file: join(dist, file),
        },
      ];
    });
}

/** `bash-guard`, `bash-guard.cjs`, `on-PreToolUse` or `PreToolUse`; unknown names list the known ones. */
function findTarget(targets: Target[], wanted: string, dist: string): Target {
  const name = wanted.replace(/\.cjs$/, '');
  const found = targets.find((t) => t.name === name) ?? targets.find((t) => t.kind === 'event' && t.event === name);
  if (found !== undefined) return found;
  const hooks = targets.filter((t) => t.kind === 'hook').map((t) => t.name);
  const events = targets.filter((t) => t.kind === 'event').map((t) => `${t.name} (or ${t.event})`);
  throw new CliError(
    'E_USAGE',
    `no built hook or event bundle named \`${wanted}\` in ${dist}; hooks: ${hooks.join(', ') || 'none'}; event bundles: ${events.join(', ') || 'none'}`,
  );
}

/** Reads stdin for `--input -`: through the Io when it offers a reader (tests), else fd 0. */
function readStdin(io: Io): string {
  const reader = (io as Io & { readStdin?: () => string }).readStdin;
  return reader !== undefined ? reader() : readFileSync(0, 'utf8');
}

/** The payload to send and a description of where it came from. */
function choosePayload(target: Target, values: Record<string, unknown>, io: Io): { payload: unknown; source: string } {
  const input = values.input as string | undefined;
  const fixture = values.fixture as string | undefined;
  if (input !== undefined && fixture !== undefined)
    throw new CliError('E_USAGE', '`--input` and `--fixture` both name a payload; pass one of them');
  if (input === '-') return { payload: readStdin(io), source: 'stdin' };
  if (input !== undefined) {
    const path = resolve(io.cwd, input);
    try {
      return { payload: readFileSync(path, 'utf8'), source: path };
    } catch (error) {
      throw new CliError(
        'E_IO',
        `cannot read \`--input\` ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); pass a JSON payload file or - for stdin`,
        { cause: error },
      );
    }
  }
  const event = fixture ?? target.event;
  if (EVENT_FIXTURES[event] === undefined) {
    throw new CliError(
      'E_USAGE',
      `no fixture for \`${event}\`; \`--fixture\` takes an event name: ${EVENT_NAMES.join(', ')}`,
    );
  }
  const chosen = fixturePayload(event, event === target.event ? target.matcher : undefined);
  if (chosen === undefined) throw new CliError('E_USAGE', `no fixture for \`${event}\``);
  return { payload: chosen.payload, source: `${event} fixture${chosen.adapted ? `, ${chosen.adapted}` : ''}` };
}

const indent = (text: string) => text.replace(/\n/g, `\n${' '.repeat(10)}`);

/**
 * The hook's environment: the caller's, minus what would switch hookpack hooks off there
 * (HOOKPACK=0, HOOKPACK_SKIP), with a fresh, empty state directory (HOOKPACK_HOME), so the
 * user's toggle file, caches and breaker state don't decide the result either. Without this,
 * `--expect none` passes for a hook that never looked at the payload.
 */
function isolatedEnv(io: Io, project: string, home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...io.env,
    CLAUDE_PROJECT_DIR: project,
    HOOKPACK_HOME: home,
    HOOKPACK_TELEMETRY: '0',
  };
  delete env.HOOKPACK;
  delete env.HOOKPACK_SKIP;
  return env;
}

/** Hooks of the target the project's toggle file still switches off (the one switch the test keeps). */
function switchedOffByProject(target: Target, env: NodeJS.ProcessEnv): { names: string[]; file: string } | undefined {
  const info = readBundleInfo(target.file);
  if (info === undefined) return undefined;
  const off = info.hooks.flatMap(({ name, failClosed }) => {
    const reason = skipReason(name, failClosed ?? FAIL_CLOSED_EVENTS.includes(info.event), env);
    return reason === undefined ? [] : [{ name, reason }];
  });
  const first = off[0];
  return first === undefined ? undefined : { names: off.map((o) => o.name), file: first.reason };
}

function shown(stdout: string, json: Record<string, unknown> | undefined): string {
  if (stdout === '') return '(empty)';
  return indent(json === undefined ? stdout.trimEnd() : JSON.stringify(json, null, 2));
}

/** `hookpack test`: runs one built hook or event bundle on a payload and shows what Claude Code would get. */
export const test: Command = {
  name: 'test',
  summary: 'run a built hook on a payload and show its decision',
  positionals: true,
  help: `usage: hookpack test <hook|event> [--input FILE | --fixture EVENT]
                     [--expect DECISION] [--dist DIR] [--json]

Runs dist/<hook>.cjs (or the event bundle dist/on-<Event>.cjs, named
on-<Event> or <Event>) on a payload and shows the decision, stdout, stderr,
exit code and time. The payload is the realistic fixture of the hook's
event, adapted to its matcher's first tool, unless you pass one.

The hook runs in your environment minus the switches that turn hookpack
hooks off (HOOKPACK=0, HOOKPACK_SKIP), with HOOKPACK_HOME pointing at a
fresh temporary directory (so your \`hookpack disable\` toggles, caches and
breaker state don't apply) and HOOKPACK_TELEMETRY=0 (tests stay out of
\`hookpack stats\`). Only the project's toggle file
(.claude/hookpack/disabled.json) still applies; a warning says when it does.

  --input FILE       the payload JSON (- reads stdin)
  --fixture EVENT    the fixture of another event, e.g. Stop
  --expect DECISION  exit 1 unless the decision is DECISION, one of:
                     ${DECISIONS.slice(0, 6).join(', ')},
                     ${DECISIONS.slice(6).join(', ')}
  --dist DIR         where the bundles are (default ./dist)
  --json             print one JSON document

Exit codes: 0 ok (or expectation met), 1 expectation not met or the hook
failed (fail-closed / fail-open), 2 bad usage or unknown hook, 3 no dist/.
`,
  options: {
    input: { type: 'string' },
    fixture: { type: 'string' },
    expect: { type: 'string' },
    dist: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const [wanted, ...extra] = positionals;
    if (wanted === undefined || extra.length > 0)
      throw new CliError(
        'E_USAGE',
        `\`hookpack test\` takes one hook or event name, got ${positionals.length === 0 ? 'none' : positionals.map((p) => `\`${p}\``).join(' ')}`,
      );
    const expected = values.expect as string | undefined;
    if (expected !== undefined && !(DECISIONS as readonly string[]).includes(expected)) {
      throw new CliError('E_USAGE', `\`--expect\` got \`${expected}\`; valid decisions: ${DECISIONS.join(', ')}`);
    }
    const dist = locateProject(io, typeof values.dist === 'string' ? { dist: values.dist } : {}).distDir;
    const target = findTarget(builtTargets(dist), wanted, dist);
    const { payload, source } = choosePayload(target, values, io);
    const project = projectDir(io);
    // Test runs must not show up in the user's `hookpack stats`, nor depend on their switches and state.
    const home = mkdtempSync(join(tmpdir(), 'hookpack-test-'));
    const env = isolatedEnv(io, project, home);
    let run: Awaited<ReturnType<typeof spawnHook>>;
    let projectToggle: ReturnType<typeof switchedOffByProject>;
    try {
      projectToggle = switchedOffByProject(target, env);
      run = await spawnHook(target.file, payload, {
        env,
        cleanEnv: true,
        cwd: project,
        killAfterMs: target.timeout * 1000 + 1000,
      });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
    if (projectToggle !== undefined) {
      io.err(
        `hookpack: warning: ${projectToggle.names.join(', ')} ${projectToggle.names.length === 1 ? 'is' : 'are'} switched off by the project toggle ${projectToggle.file}, so ${projectToggle.names.length === 1 ? 'it' : 'they'} exited without looking at the payload; \`hookpack enable ${projectToggle.names.join(' ')} --project\` switches ${projectToggle.names.length === 1 ? 'it' : 'them'} back on\n`,
      );
    }
    const decision = decisionOf(run.json, { exitCode: run.exitCode, stderr: run.stderr });
    const ok = expected !== undefined ? decision === expected : decision !== 'fail-closed' && decision !== 'fail-open';
    if (values.json === true) {
      const document = {
        target: target.name,
        kind: target.kind,
        file: target.file,
        event: target.event,
        matcher: target.matcher ?? null,
        payload: source,
        decision,
        exitCode: run.exitCode,
        signal: run.signal,
        durationMs: Math.round(run.durationMs * 10) / 10,
        stdout: run.stdout,
        stderr: run.stderr,
        json: run.json ?? null,
        expect: expected ?? null,
        ok,
      };
      io.out(`${JSON.stringify(document, null, 2)}\n`);
    } else {
      const matcher = target.matcher === undefined ? '' : `, matcher ${target.matcher}`;
      io.out(
        [
          `${target.name} (${target.event}${matcher})`,
          `file      ${target.file}`,
          `payload   ${source}`,
          `decision  ${decision}`,
          `exit      ${run.exitCode ?? run.signal}`,
          `time      ${Math.round(run.durationMs)} ms`,
          `stdout    ${shown(run.stdout, run.json)}`,
          `stderr    ${run.stderr.trim() === '' ? '(empty)' : indent(run.stderr.trimEnd())}`,
          '',
        ].join('\n'),
      );
      if (expected !== undefined && !ok) io.err(`hookpack: expected ${expected}, got ${decision}\n`);
    }
    return ok ? EXIT.OK : EXIT.FINDINGS;
  },
};
