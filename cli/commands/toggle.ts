import { dirname } from 'node:path';
import { locateProject } from '../project.ts';
import { unsafeReason } from '../../lib/home.ts';
import { skipReason } from '../../lib/runtime/switches.ts';
import { EVENT_NAMES, isKnownEvent } from '../../lib/events.ts';
import { knownAdopted } from '../adopt/known.ts';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { readablePath } from '../settings/display.ts';
import { readManifest, type Manifest, type ManifestHook } from '../settings/manifest.ts';
import { parseHookNames } from '../settings/plan.ts';
import { readToggle, togglePath, writeToggle, type ToggleLevel } from '../settings/toggles.ts';

type Action = 'enable' | 'disable';

/** `--event A,B --event C`, each checked against the events Claude Code knows. */
function eventNames(value: unknown): string[] {
  const values = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
  const names = [
    ...new Set(
      values
        .flatMap((v) => v.split(','))
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  ];
  for (const name of names) {
    if (!isKnownEvent(name))
      throw new CliError('E_USAGE', `unknown event \`${name}\` in --event; events: ${EVENT_NAMES.join(', ')}`);
  }
  return names;
}

/** The toggle file content after switching `names` (and `events`) off or on; unknown keys are kept. */
function nextToggle(
  toggle: Record<string, unknown> & { all?: boolean; hooks?: string[]; events?: string[] },
  action: Action,
  names: string[],
  events: string[] = [],
) {
  const next = { ...toggle };
  const byEvent = new Set(toggle.events ?? []);
  for (const event of events) {
    if (action === 'disable') byEvent.add(event);
    else byEvent.delete(event);
  }
  if (action === 'enable' && names.includes('all')) byEvent.clear();
  if (byEvent.size > 0) next.events = [...byEvent];
  else delete next.events;
  const listed = new Set(toggle.hooks ?? []);
  if (action === 'disable') {
    if (names.includes('all')) next.all = true;
    for (const name of names) if (name !== 'all') listed.add(name);
  } else if (names.includes('all')) {
    // Everything back on at this level: no blanket switch, no list.
    delete next.all;
    listed.clear();
  } else {
    for (const name of names) listed.delete(name);
  }
  if (listed.size > 0) next.hooks = [...listed];
  else delete next.hooks;
  return next;
}

/** Why the runtime will still run (after disable) or skip (after enable) a hook, in words with the fix. */
function mismatch(
  hook: Pick<ManifestHook, 'name' | 'onError'>,
  action: Action,
  level: ToggleLevel,
  reason: string | undefined,
  paths: Record<ToggleLevel, string>,
  io: Io,
): string | undefined {
  if (action === 'disable') {
    if (reason !== undefined) return undefined;
    if (level === 'project' && hook.onError === 'block') {
      return `${hook.name} fails closed (onError 'block'), and the runtime ignores project toggles for such guards so that a cloned repository cannot switch them off: it stays on. To switch it off for you: hookpack disable ${hook.name}`;
    }
    const home = dirname(paths.user);
    return `the runtime ignores ${readablePath(paths.user, io)}: ${unsafeReason(home) ?? 'unknown reason'}`;
  }
  if (reason === undefined) return undefined;
  if (reason === 'HOOKPACK=0') return `${hook.name} is still off: HOOKPACK=0 is set in this environment`;
  if (reason === 'HOOKPACK_SKIP') return `${hook.name} is still off: HOOKPACK_SKIP lists it in this environment`;
  const other: ToggleLevel = reason === paths.user ? 'user' : 'project';
  const fix =
    other === level
      ? `hookpack enable all${level === 'project' ? ' --project' : ''} (the file says "all": true)`
      : `hookpack enable ${hook.name}${other === 'project' ? ' --project' : ''}`;
  return `${hook.name} is still off: ${readablePath(reason, io)} switches it off; run ${fix}`;
}

function toggleRun(action: Action) {
  return async (
    { values, positionals }: { values: Record<string, unknown>; positionals: string[] },
    io: Io,
  ): Promise<number> => {
    const project = locateProject(io, typeof values.dist === 'string' ? { dist: values.dist } : {});
    const projectDir = project.root;
    const adopted = knownAdopted(projectDir, io);
    let manifest: Manifest;
    try {
      manifest = readManifest(project.distDir);
    } catch (error) {
      // Adopted hooks need no build: switching them works in a project of Python hooks only.
      if (adopted.length === 0) throw error;
      manifest = { name: '', version: '', hooks: [], events: [] };
    }
    // Adopted hooks are switched by name like built ones: they join the list names are checked against.
    const all = {
      ...manifest,
      hooks: [
        ...manifest.hooks,
        ...adopted.map((h) => ({
          name: h.name,
          event: h.event,
          matcher: h.matcher ?? null,
          timeout: h.timeout,
          onError: h.guard ? ('block' as const) : ('allow' as const),
          file: '',
        })),
      ],
    };
    const events = eventNames(values.event);
    const known = all.hooks.map((h) => h.name).join(', ');
    if (positionals.length === 0 && events.length === 0)
      throw new CliError('E_USAGE', `\`hookpack ${action}\` needs a hook name or --event; hooks: ${known}, or all`);
    const names = positionals.length === 0 ? [] : parseHookNames(positionals, all, `\`hookpack ${action}\``, true);
    const level: ToggleLevel = values.project === true ? 'project' : 'user';
    const paths = { user: togglePath('user', projectDir, io.env), project: togglePath('project', projectDir, io.env) };
    const label = readablePath(paths[level], io);
    const doc = readToggle(paths[level], label);
    const next = nextToggle(doc.toggle, action, names, events);
    const where = level === 'user' ? `for you (${label})` : `in this project (${label})`;
    const state = action === 'disable' ? 'off' : 'on';
    const what = [
      names.includes('all') ? 'every hook' : names.join(', '),
      events.length > 0 ? `every ${events.join(', ')} hook` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    if (JSON.stringify(next) === JSON.stringify(doc.toggle)) {
      io.out(`${what} already switched ${state} ${where}; nothing changed\n`);
    } else {
      writeToggle(doc, next, level, label);
      io.out(
        `switched ${what} ${state} ${where}; hooks read this file on every run, so it applies from the next event, no restart needed\n`,
      );
    }
    // What the runtime will actually do now, by its own rules (lib/runtime/switches.ts).
    const env = { ...io.env, CLAUDE_PROJECT_DIR: projectDir };
    let code: number = EXIT.OK;
    for (const hook of all.hooks) {
      const named = names.includes(hook.name) || events.includes(hook.event);
      if (!named && !names.includes('all')) continue;
      const problem = mismatch(
        hook,
        action,
        level,
        skipReason(hook.name, hook.onError === 'block', env, hook.event),
        paths,
        io,
      );
      if (problem === undefined) continue;
      io.err(`hookpack: warning: ${problem}\n`);
      if (named) code = EXIT.FINDINGS;
    }
    return code;
  };
}

function toggleCommand(action: Action): Command {
  const off = action === 'disable';
  return {
    name: action,
    summary: off
      ? 'switch hooks off (user level, or --project) without touching settings'
      : 'switch hooks back on (undo disable)',
    help: [
      `usage: hookpack ${action} <hook>... [--event EVENT]... [--project] [--dist DIR]`,
      '',
      off
        ? 'Switches hooks off by name (or all) in a file the hooks read on every run, so it takes effect\non the next event of a running session. Exit 1 when a named hook would still run.'
        : 'Takes hooks (or all) off the disabled list. Exit 1 when a named hook would still be skipped\n(HOOKPACK=0, HOOKPACK_SKIP, or the other toggle file).',
      '',
      `  <hook>...   hook names from dist/manifest.json or adopted hooks (hookpack adopt), or all`,
      `  --event E   every hook of event E, built and adopted (repeat, or a,b), e.g. PostToolUse`,
      `  --project   the project's .claude/hookpack/disabled.json instead of $HOOKPACK_HOME/disabled.json${off ? '\n              (cannot switch off a fail-closed guard: a cloned repository must not)' : ''}`,
      '  --dist DIR  where the built hooks are (default: dist)',
    ].join('\n'),
    options: { project: { type: 'boolean' }, dist: { type: 'string' }, event: { type: 'string', multiple: true } },
    positionals: true,
    run: toggleRun(action),
  };
}

/** `hookpack disable <hook>`: switches hooks off through the runtime's toggle files. */
export const disableCommand: Command = toggleCommand('disable');

/** `hookpack enable <hook>`: switches them back on. */
export const enableCommand: Command = toggleCommand('enable');
