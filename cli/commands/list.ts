import { locateProject } from '../project.ts';
import { isRunnerCommand } from '../adopt/files.ts';
import { adoptedState, knownAdopted, type KnownAdopted } from '../adopt/known.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { readablePath } from '../settings/display.ts';
import {
  hookReports,
  message,
  scopeReport,
  toggleReport,
  type HookReport,
  type ScopeReport,
  type ToggleReport,
} from '../settings/inventory.ts';
import { readManifest, type Manifest } from '../settings/manifest.ts';
import { pluginReports, renderPlugins } from '../plugins/report.ts';
import { SCOPES } from '../settings/scope.ts';
import { renderTable } from '../table.ts';

const short = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

type AdoptedRow = KnownAdopted & { on: boolean; why?: string };

function renderText(
  scopes: ScopeReport[],
  hooks: HookReport[] | undefined,
  buildError: string | undefined,
  toggles: ToggleReport[],
  io: Io,
  adopted: AdoptedRow[] = [],
): string {
  const out: string[] = [];
  // Our entries show the bundle (the hooks table says what runs where); others show their command.
  const rows = scopes.flatMap((s) =>
    s.entries.map((e) => [
      s.scope,
      e.event,
      short(e.matcher ?? '', 14),
      e.timeout === null ? '-' : `${e.timeout} s`,
      e.ours
        ? `hookpack ${e.bundle}`
        : isRunnerCommand(e.command)
          ? `hookpack adopt (${e.event}: see ADOPTED)`
          : e.command,
    ]),
  );
  if (rows.length === 0) out.push('No hooks in any settings file. Run `hookpack install` to add the built ones.');
  else
    out.push(
      renderTable(
        [
          { header: 'SCOPE' },
          { header: 'EVENT' },
          { header: 'MATCHER' },
          { header: 'TIMEOUT', align: 'right' },
          { header: 'COMMAND', flex: true },
        ],
        rows,
      ).trimEnd(),
    );
  const files = scopes.map(
    (s) =>
      `${s.scope.padEnd(7)} ${s.file === null ? '(unknown)' : readablePath(s.file, io)}${s.exists ? '' : ' (absent)'}`,
  );
  out.push(`files:    ${files.join('\n          ')}`);
  for (const s of scopes) if (s.error !== undefined) out.push(`error: ${s.error}`);
  out.push('');
  if (hooks === undefined) out.push(`No build, so no hook states: ${buildError ?? 'run npm run build'}`);
  else {
    const table = renderTable(
      [{ header: 'HOOK' }, { header: 'EVENT' }, { header: 'STATE' }, { header: 'IN' }, { header: 'WHY', flex: true }],
      hooks.map((h) => [h.name, h.event, h.on ? 'on' : 'off', h.installed.join(',') || '-', h.why ?? '']),
    );
    out.push(table.trimEnd());
  }
  if (adopted.length > 0) {
    // Hooks `hookpack adopt` runs through hookpack: switched and reported like built ones.
    const table = renderTable(
      [
        { header: 'ADOPTED' },
        { header: 'EVENT' },
        { header: 'STATE' },
        { header: 'IN' },
        { header: 'GUARD' },
        { header: 'COMMAND', flex: true },
      ],
      adopted.map((h) => [
        h.name,
        h.event,
        h.on ? 'on' : `off (${h.why ?? ''})`,
        h.scope,
        h.guard ? 'yes' : '-',
        short(h.args === undefined ? h.command : [h.command, ...h.args].join(' '), 60),
      ]),
    );
    out.push('', table.trimEnd());
  }
  const toggleLines = toggles.map(
    (t) =>
      `${t.level.padEnd(7)} ${readablePath(t.file, io)}${t.error !== undefined ? ' (unreadable)' : !t.exists ? ' (absent)' : `: off ${[...(t.all ? ['all'] : []), ...t.hooks].join(', ') || 'none'}`}`,
  );
  out.push(`toggles:  ${toggleLines.join('\n          ')}`);
  for (const t of toggles) if (t.error !== undefined) out.push(`error: ${t.error}`);
  const env = ['HOOKPACK', 'HOOKPACK_SKIP'].filter((k) => io.env[k] !== undefined).map((k) => `${k}=${io.env[k]}`);
  if (env.length > 0) out.push(`env:      ${env.join(', ')} (in this shell; hooks see Claude Code's env)`);
  return `${out.join('\n')}\n`;
}

async function run({ values }: { values: Record<string, unknown> }, io: Io): Promise<number> {
  const project = locateProject(io, typeof values.dist === 'string' ? { dist: values.dist } : {});
  const projectDir = project.root;
  const distDir = project.distDir;
  let manifest: Manifest | undefined;
  let buildError: string | undefined;
  try {
    manifest = readManifest(distDir);
  } catch (error) {
    buildError = message(error);
  }
  const scopes = SCOPES.map((scope) => scopeReport(scope, projectDir, distDir, manifest, io));
  const toggles = (['user', 'project'] as const).map((level) => toggleReport(level, projectDir, io));
  const hooks = manifest === undefined ? undefined : hookReports(manifest, scopes, toggles, projectDir, io);
  const adopted = knownAdopted(projectDir, io).map((h) => ({ ...h, ...adoptedState(h, projectDir, io) }));
  // Plugins' hooks run beside the settings files'; a hookpack hook in both checks every call twice.
  const plugins = pluginReports(
    io,
    new Set((hooks ?? []).filter((h) => h.installed.length > 0).map((h) => `${h.event}/${h.name}`)),
  );
  if (values.json === true) {
    const env = { HOOKPACK: io.env.HOOKPACK ?? null, HOOKPACK_SKIP: io.env.HOOKPACK_SKIP ?? null };
    io.out(
      `${JSON.stringify({ project: projectDir, dist: distDir, settings: scopes, hooks: hooks ?? null, adopted, buildError: buildError ?? null, toggles, env, plugins }, null, 2)}\n`,
    );
  } else {
    io.out(renderText(scopes, hooks, buildError, toggles, io, adopted) + renderPlugins(plugins));
  }
  return scopes.some((s) => s.error !== undefined) || toggles.some((t) => t.error !== undefined)
    ? EXIT.FINDINGS
    : EXIT.OK;
}

/** `hookpack list`: which hooks each settings file runs, and which are switched off. */
export const listCommand: Command = {
  name: 'list',
  summary: 'show installed hook entries (every scope) and which hooks are switched on or off',
  help: [
    'usage: hookpack list [--json] [--dist DIR]',
    '',
    'Shows every hook entry in ~/.claude/settings.json, .claude/settings.json and',
    '.claude/settings.local.json ("hookpack <bundle>": entries install wrote), then each built hook:',
    'on or off (HOOKPACK=0 or HOOKPACK_SKIP in this shell, or a toggle file: hookpack disable) and',
    'the scopes (IN) that install it. A guard ignores the project toggle file.',
    'Exit 1 when a settings or toggle file cannot be read.',
    '',
    '  --json      one JSON document instead of tables',
    '  --dist DIR  where the built hooks are (default: dist)',
  ].join('\n'),
  options: { json: { type: 'boolean' }, dist: { type: 'string' } },
  run,
};
