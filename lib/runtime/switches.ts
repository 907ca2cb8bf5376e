import { join } from 'node:path';
import { hookpackHomePath, unsafeReason } from '../home.ts';
import { readPrivateText, readRegularFile } from '../private-file.ts';
import { debugNote } from './debug.ts';

/** The file toggle, in `$HOOKPACK_HOME` (user) and `<project>/.claude/hookpack/` (project). */
export const TOGGLE_FILE = 'disabled.json';
const MAX_TOGGLE_BYTES = 64 * 1024;

/** `{ "all": true }` switches every hookpack hook off; `{ "hooks": ["name"] }` those; `{ "events": ["PostToolUse"] }` every hook of those events. */
export interface ToggleFile {
  all?: boolean;
  hooks?: string[];
  events?: string[];
}

const OFF = ['0', 'off', 'false', 'no'];

/**
 * A toggle file's content. The user's must be ours alone, checked on the open descriptor
 * (readPrivateText); the project's only has to be a small regular file (a cloned repository
 * can't hang the hook with a FIFO or a link to /dev/zero).
 */
function readToggle(path: string, scope: 'user' | 'project'): ToggleFile | undefined {
  let text: string | undefined;
  if (scope === 'user') text = readPrivateText(path, MAX_TOGGLE_BYTES);
  else {
    const read = readRegularFile(path, MAX_TOGGLE_BYTES);
    if (!Buffer.isBuffer(read)) {
      if (read !== 'missing') debugNote(`ignoring ${path}: ${read.refused}`);
      return undefined;
    }
    text = read.toString('utf8');
  }
  if (text === undefined) return undefined; // the common case: no file, one failed open()
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return data as ToggleFile;
  } catch {
    // fall through
  }
  debugNote(`ignoring ${path}: it must be a JSON object like {"hooks":["name"]} or {"all":true}`);
  return undefined;
}

function switchedOff(toggle: ToggleFile | undefined, name: string, event: string | undefined): boolean {
  if (toggle === undefined) return false;
  if (toggle.all === true || (Array.isArray(toggle.hooks) && toggle.hooks.includes(name))) return true;
  return event !== undefined && Array.isArray(toggle.events) && toggle.events.includes(event);
}

/**
 * Why this hook should exit 0 silently right now, or undefined to run it. Read on every run, so
 * a file toggle takes effect mid-session (hooks keep the environment Claude Code started with).
 * A project toggle cannot switch off a fail-closed guard: a cloned repository must not be able
 * to disable the user's guards; only HOOKPACK=0, HOOKPACK_SKIP or the user toggle can.
 */
export function skipReason(
  name: string,
  failClosed: boolean,
  env: NodeJS.ProcessEnv = process.env,
  event?: string,
): string | undefined {
  if (env.HOOKPACK !== undefined && OFF.includes(env.HOOKPACK.toLowerCase())) return 'HOOKPACK=0';
  // An entry names a hook, `*`, or an event (`HOOKPACK_SKIP=PostToolUse`: every hook of it).
  if (
    env.HOOKPACK_SKIP?.split(',').some(
      (entry) => entry.trim() === name || entry.trim() === '*' || (event !== undefined && entry.trim() === event),
    )
  )
    return 'HOOKPACK_SKIP';

  const home = hookpackHomePath(env);
  const user = readToggle(join(home, TOGGLE_FILE), 'user');
  if (switchedOff(user, name, event)) {
    // A toggle is only as trustworthy as the directory it sits in: in a 0700 directory of
    // ours, nobody else can have planted it.
    const problem = unsafeReason(home);
    if (problem === undefined) return join(home, TOGGLE_FILE);
    debugNote(`ignoring ${join(home, TOGGLE_FILE)}: ${problem}`);
  }

  const project = env.CLAUDE_PROJECT_DIR;
  if (project) {
    const path = join(project, '.claude', 'hookpack', TOGGLE_FILE);
    if (switchedOff(readToggle(path, 'project'), name, event)) {
      if (!failClosed) return path;
      debugNote(
        `ignoring ${path} for ${name}: a project file cannot switch off a fail-closed guard; use \`hookpack disable ${name}\` (user level) or HOOKPACK_SKIP`,
      );
    }
  }
  return undefined;
}

/** Whether this hook is switched off; a broken switch never switches a hook off. */
export function isSkipped(name: string, failClosed: boolean, env: NodeJS.ProcessEnv, event?: string): boolean {
  try {
    return skipReason(name, failClosed, env, event) !== undefined;
  } catch {
    return false;
  }
}
