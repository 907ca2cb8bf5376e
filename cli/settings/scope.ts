import { join } from 'node:path';
import { CliError } from '../errors.ts';
import type { Io } from '../io.ts';

/** The settings files Claude Code reads hooks from that hookpack writes to (§2.2 of the protocol notes). */
export type Scope = 'project' | 'local' | 'user';

/** Every scope, in the order Claude Code layers them (user first). */
export const SCOPES: readonly Scope[] = ['user', 'project', 'local'];

/** The `--scope` value, checked; `project` when absent. */
export function parseScope(value: unknown): Scope {
  if (value === undefined) return 'project';
  if (typeof value === 'string' && (SCOPES as readonly string[]).includes(value)) return value as Scope;
  throw new CliError(
    'E_USAGE',
    `unknown --scope \`${String(value)}\`; valid scopes: project (.claude/settings.json), local (.claude/settings.local.json), user (~/.claude/settings.json)`,
  );
}

/**
 * Claude Code's per-user config directory: `$CLAUDE_CONFIG_DIR` when set (Claude Code honours it
 * for settings.json, and a file written to ~/.claude instead would never be read), else `~/.claude`.
 */
export function userClaudeDir(io: Io): string {
  if (io.env.CLAUDE_CONFIG_DIR) return io.env.CLAUDE_CONFIG_DIR;
  const home = io.env.HOME || io.env.USERPROFILE;
  if (!home)
    throw new CliError(
      'E_USAGE',
      'HOME is not set, so the user settings file cannot be found; set HOME or pass --settings PATH',
    );
  return join(home, '.claude');
}

/** The settings file of a scope, for the project in `projectDir`. */
export function settingsPath(scope: Scope, projectDir: string, io: Io): string {
  if (scope === 'user') return join(userClaudeDir(io), 'settings.json');
  return join(projectDir, '.claude', scope === 'local' ? 'settings.local.json' : 'settings.json');
}
