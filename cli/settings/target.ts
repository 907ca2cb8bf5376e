import { resolve } from 'node:path';
import type { OptionSpec } from '../args.ts';
import type { Io } from '../io.ts';
import { displayPath } from './display.ts';
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
  '                              ~/.claude/settings.json (user; every project, absolute paths)',
  '  --settings PATH             edit this file instead (commands still follow --scope)',
  '  --dist DIR                  where the built hooks are (default: dist)',
];

/** The settings file a command edits, how it is named in messages, and what commands look like in it. */
export interface Target {
  scope: Scope;
  path: string;
  label: string;
  context: CommandContext;
}

/** Resolves --scope, --settings and --dist against the cwd (the project). */
export function resolveTarget(values: Record<string, unknown>, io: Io): Target {
  const scope = parseScope(values.scope);
  const projectDir = resolve(io.cwd);
  const path = typeof values.settings === 'string' ? resolve(projectDir, values.settings) : settingsPath(scope, projectDir, io);
  const distDir = resolve(projectDir, typeof values.dist === 'string' ? values.dist : 'dist');
  return { scope, path, label: displayPath(path, io), context: { scope, projectDir, distDir } };
}
