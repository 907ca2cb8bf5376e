import { lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readRegularFile } from '../private-file.ts';
import { homeDir } from './home-dir.ts';
import { debugNote } from './debug.ts';

/**
 * hookpack's own variables that switch a hook off, point it at a directory whose files may relax
 * a guard (the user config's `allow`, the state directory's disabled.json), or stretch its
 * deadline past Claude Code's timeout (a hook the client kills fails open). Claude Code passes a
 * project's `.claude/settings.json` `env` to every hook, over the user's own values (verified
 * with 2.1.329), so a cloned repository could set any of them.
 */
export const GUARD_SWITCHES = [
  'HOOKPACK',
  'HOOKPACK_SKIP',
  'HOOKPACK_HOME',
  'HOOKPACK_CONFIG_DIR',
  'HOOKPACK_DEADLINE_MS',
] as const;

/** Project settings files: the committed one and the "personal" one, which a repository can ship just as well. */
const SETTINGS_FILES = ['settings.json', 'settings.local.json'];
const MAX_SETTINGS_BYTES = 1024 * 1024;
const MAX_LEVELS = 64;

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The directories whose `.claude/settings*.json` Claude Code may read as project settings: the
 * project directory (CLAUDE_PROJECT_DIR, and the hook's cwd) and the root of the git repository
 * around it. Claude Code 2.1.329, started in a subdirectory of a repository, took `env` from the
 * repository root's `.claude/settings.local.json`.
 */
function projectRoots(env: NodeJS.ProcessEnv, cwd?: string): string[] {
  const starts: string[] = [];
  if (env.CLAUDE_PROJECT_DIR) starts.push(resolve(env.CLAUDE_PROJECT_DIR));
  try {
    starts.push(cwd || process.cwd());
  } catch {
    // the cwd was deleted: CLAUDE_PROJECT_DIR has to do
  }
  const roots = new Set<string>();
  for (const start of starts) {
    roots.add(start);
    let dir = start;
    for (let level = 0; level < MAX_LEVELS && !exists(join(dir, '.git')); level++) {
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    if (exists(join(dir, '.git'))) roots.add(dir);
  }
  return [...roots];
}

/** Whether a settings file sets `name` to `value`; true too when the file can't be read or parsed (it might). */
function setsIt(
  file: { env?: Record<string, unknown>; text?: string; unreadable?: boolean },
  name: string,
  value: string,
): boolean {
  if (file.unreadable) return true;
  if (file.text !== undefined) return file.text.includes(`"${name}"`);
  if (file.env === undefined || !Object.hasOwn(file.env, name)) return false;
  const set = file.env[name];
  // Claude Code turns numbers and booleans into strings (`"HOOKPACK": 0` reached hooks as "0");
  // anything else we can't predict, so it counts as set.
  return typeof set === 'string' || typeof set === 'number' || typeof set === 'boolean' ? String(set) === value : true;
}

function readSettings(
  path: string,
): { env?: Record<string, unknown>; text?: string; unreadable?: boolean } | undefined {
  const read = readRegularFile(path, MAX_SETTINGS_BYTES);
  if (read === 'missing') return undefined;
  if (!Buffer.isBuffer(read)) {
    debugNote(`cannot read ${path} (${read.refused}): counting it as setting every hookpack switch`);
    return { unreadable: true };
  }
  const text = read.toString('utf8');
  try {
    const data = JSON.parse(text) as { env?: unknown };
    const env =
      typeof data?.env === 'object' && data.env !== null && !Array.isArray(data.env)
        ? (data.env as Record<string, unknown>)
        : undefined;
    return { env };
  } catch {
    // Claude Code ignores a settings file it can't parse, but its parser and ours may differ
    // (comments, a BOM): a file that names the variable at all counts as setting it.
    return { text };
  }
}

let found: Map<string, string> | undefined;

/**
 * The guard switches set in `env` whose value comes from a project's Claude Code settings, each
 * with the file that sets it. Costs nothing when none of them is set (the common case); otherwise
 * reads at most a few small files (regular files only, non-blocking open, 1 MiB cap), once per process.
 */
export function projectSetSwitches(env: NodeJS.ProcessEnv = process.env): Map<string, string> {
  found ??= projectSetSwitchesAt(env);
  return found;
}

/**
 * projectSetSwitches for one call of a process that serves many (the warm daemon, lib/daemon/):
 * the caller's environment and working directory, not remembered.
 */
export function projectSetSwitchesAt(env: NodeJS.ProcessEnv, cwd?: string): Map<string, string> {
  const found = new Map<string, string>();
  const candidates = GUARD_SWITCHES.filter((name) => env[name]);
  if (candidates.length === 0) return found;
  // The user's own settings file is never project settings, even when the project is the home directory.
  const userSettings = join(
    env.CLAUDE_CONFIG_DIR ? resolve(env.CLAUDE_CONFIG_DIR) : join(homeDir(env), '.claude'),
    'settings.json',
  );
  for (const root of projectRoots(env, cwd)) {
    for (const name of SETTINGS_FILES) {
      const path = join(root, '.claude', name);
      if (path === userSettings) continue;
      const file = readSettings(path);
      if (file === undefined) continue;
      for (const variable of candidates)
        if (!found.has(variable) && setsIt(file, variable, env[variable] as string)) found.set(variable, path);
    }
  }
  return found;
}

/**
 * Removes from `env` (in place) the guard switches a project's settings set, for a process that
 * runs a fail-closed hook: a cloned repository must not switch a guard off or point it at a
 * config directory of its own. Noted under HOOKPACK_DEBUG.
 */
export function ignoreProjectSwitches(env: NodeJS.ProcessEnv): void {
  ignoreSwitches(env, projectSetSwitches(env));
}

/** ignoreProjectSwitches with the switches already found (a process serving many calls finds them per call). */
export function ignoreSwitches(env: NodeJS.ProcessEnv, found: Map<string, string>): void {
  for (const [name, path] of found) {
    if (env[name] === undefined) continue;
    debugNote(
      `ignoring ${name}=${env[name]} for fail-closed hooks: ${path} sets it, and a project's settings cannot switch a guard off or relax it; set it in ~/.claude/settings.json or the shell that starts Claude Code, or use \`hookpack disable\``,
    );
    delete env[name];
  }
}

/** Forgets what projectSetSwitches found (tests). */
export function resetProjectSwitches(): void {
  found = undefined;
}
