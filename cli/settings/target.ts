import { isAbsolute, relative, resolve } from 'node:path';
import type { OptionSpec } from '../args.ts';
import { CliError } from '../errors.ts';
import type { Io } from '../io.ts';
import { locateProject, projectOfSettingsFile, type Project } from '../project.ts';
import { readablePath } from './display.ts';
import type { CommandContext } from './hook-command.ts';
import { parseScope, settingsPath, type Scope } from './scope.ts';

/** The flags that pick a settings file and a build, shared by install and uninstall. */
export const TARGET_OPTIONS = {
  scope: { type: 'string' },
  settings: { type: 'string' },
  dist: { type: 'string' },
} satisfies OptionSpec;

/** Help lines for TARGET_OPTIONS. */
export const TARGET_HELP = [
  '  --scope project|local|user  which settings file: .claude/settings.json (project, the default;',
  '                              committed), .claude/settings.local.json (local; yours only) or',
  '                              ~/.claude/settings.json (user: the hooks in ~/.claude/hooks)',
  "  --settings PATH             edit this file instead; a file in a project's .claude/ works on",
  '                              that project',
  '  --dist DIR                  where the built hooks are (default: .claude/hooks/dist of the',
  '                              project around the current directory)',
];

/** The settings file a command edits, how it is named in messages, and what commands look like in it. */
export interface Target {
  scope: Scope;
  path: string;
  label: string;
  context: CommandContext;
  project: Project;
  /** The file is meant to be committed with the project (its .claude/settings.json). */
  committed: boolean;
}

/** Resolves --scope, --settings and --dist: the project around the cwd, or the one --settings sits in. */
export function resolveTarget(values: Record<string, unknown>, io: Io): Target {
  const scope = parseScope(values.scope);
  const settings = typeof values.settings === 'string' ? values.settings : undefined;
  const project = locateProject(io, {
    scope,
    ...(settings !== undefined ? { settings } : {}),
    ...(typeof values.dist === 'string' ? { dist: values.dist } : {}),
  });
  const projectDir = scope === 'user' ? resolve(io.cwd) : project.root;
  const path = settings !== undefined ? resolve(io.cwd, settings) : settingsPath(scope, projectDir, io);
  const committed =
    scope !== 'user' &&
    projectOfSettingsFile(path) !== undefined &&
    path.endsWith('settings.json') &&
    !path.endsWith('settings.local.json');
  return {
    scope,
    path,
    label: readablePath(path, io),
    context: { scope, projectDir, distDir: project.distDir },
    project,
    committed,
  };
}

/**
 * Refuses (exit 3) to write a command into a file meant to be committed when the command would
 * run a bundle outside that project: an absolute path works on one machine only, and on every
 * other clone the guard would not start.
 */
export function assertPortable(target: Target, io: Io): void {
  if (!target.committed) return;
  const rel = relative(target.context.projectDir, target.context.distDir);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new CliError(
      'E_SETTINGS',
      `${target.label} is committed with its project, but the bundles in ${readablePath(target.context.distDir, io)} are outside that project (${readablePath(target.context.projectDir, io)}), so the command would hold an absolute path that works on this machine only: run \`hookpack build\` in the project and install from there, or use --scope local (not committed) or --scope user`,
    );
  }
}
