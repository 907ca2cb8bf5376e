import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../lib/atomic.ts';
import { hookpackHomePath } from '../../lib/home.ts';
import { TOGGLE_FILE, type ToggleFile } from '../../lib/runtime/switches.ts';
import { CliError } from '../errors.ts';
import { parseTree, type ParseError } from './jsonc.ts';
import { firstNotJson, notJsonText } from './not-json.ts';
import { lineColumn, parseErrorText } from './position.ts';
import { readSettingsBytes } from './read-bytes.ts';
import { ioError } from './write.ts';

/** Which toggle file: the user's (`$HOOKPACK_HOME/disabled.json`) or the project's. */
export type ToggleLevel = 'user' | 'project';

/** A toggle file as read: its content (unknown keys kept) and whether it exists. */
export interface ToggleDoc {
  path: string;
  exists: boolean;
  toggle: ToggleFile & Record<string, unknown>;
  mode?: number;
}

/** Where the runtime (lib/runtime/switches.ts) looks for a level's toggle file. */
export function togglePath(level: ToggleLevel, projectDir: string, env: NodeJS.ProcessEnv): string {
  return level === 'user'
    ? join(hookpackHomePath(env), TOGGLE_FILE)
    : join(projectDir, '.claude', 'hookpack', TOGGLE_FILE);
}

/**
 * Reads a toggle file; a missing one is empty. Refuses (E_SETTINGS) one the runtime would ignore:
 * not strict JSON (it uses JSON.parse), not an object, `all` not a boolean, `hooks` not names.
 */
export function readToggle(path: string, label = path): ToggleDoc {
  // The project's toggle file comes with a clone: the bounded, non-blocking reader keeps a FIFO or
  // a link to /dev/zero there from hanging `list` or eating memory.
  const read = readSettingsBytes(path);
  if (read.kind === 'missing') return { path, exists: false, toggle: {} };
  if (read.kind === 'refused') throw new CliError('E_IO', `cannot read ${label}: ${read.why}; nothing was changed`);
  const text = read.bytes.toString('utf8');
  const mode = read.mode;
  const refuse = (offset: number, problem: string): never => {
    throw new CliError(
      'E_SETTINGS',
      `cannot use ${label}: ${lineColumn(text, offset)}: ${problem}; the runtime ignores such a file: fix or delete it and run again`,
    );
  };
  // Before parsing: jsonc-parser recurses, and 100,000 `[` would overflow the stack.
  const notJson = firstNotJson(text);
  if (notJson?.kind === 'too-deep') refuse(notJson.offset, notJsonText(notJson).problem);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first !== undefined) refuse(first.offset, parseErrorText(first.error));
  if (root?.type !== 'object') refuse(root?.offset ?? 0, 'expected an object like {"hooks":["name"]} or {"all":true}');
  const toggle = JSON.parse(text) as ToggleFile & Record<string, unknown>;
  const field = (key: string) => root?.children?.find((p) => p.children?.[0]?.value === key)?.offset ?? 0;
  if (toggle.all !== undefined && typeof toggle.all !== 'boolean') refuse(field('all'), '`all` must be true or false');
  if (toggle.hooks !== undefined && !(Array.isArray(toggle.hooks) && toggle.hooks.every((h) => typeof h === 'string')))
    refuse(field('hooks'), '`hooks` must be an array of hook names');
  if (
    toggle.events !== undefined &&
    !(Array.isArray(toggle.events) && toggle.events.every((e) => typeof e === 'string'))
  )
    refuse(field('events'), '`events` must be an array of event names');
  return { path, exists: true, toggle, mode };
}

/** Writes a toggle file atomically (creating the user's state directory 0700, as the runtime expects). */
export function writeToggle(
  doc: ToggleDoc,
  toggle: ToggleFile & Record<string, unknown>,
  level: ToggleLevel,
  label = doc.path,
): void {
  try {
    mkdirSync(dirname(doc.path), { recursive: true, mode: level === 'user' ? 0o700 : 0o777 });
    writeFileAtomic(doc.path, `${JSON.stringify(toggle, null, 2)}\n`, {
      mode: doc.mode ?? (level === 'user' ? 0o600 : 0o644),
    });
  } catch (error) {
    throw ioError('write', label, error);
  }
}
