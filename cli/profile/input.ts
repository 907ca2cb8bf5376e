// `profile --input FILE` and `--prompt TEXT`: the payload a hook's real work path needs. The
// fixtures are realistic but generic: a context hook whose keywords the fixture prompt doesn't
// contain returns at once, and profile would time its fast exit, not its work.
import { resolve } from 'node:path';
import { EVENT_NAMES, isKnownEvent } from '../../lib/events.ts';
import { CliError } from '../errors.ts';
import type { Io } from '../io.ts';
import { EVENT_FIXTURES } from '../fixtures.ts';
import { readSettingsBytes } from '../settings/read-bytes.ts';

/** A payload that replaces the fixture for every hook of its event. */
export interface PayloadOverride {
  event: string;
  payload: Record<string, unknown>;
  /** Where it came from, for the report: `--input pre.json`, `--prompt`. */
  source: string;
}

/** Real payloads carry a tool's whole output (a long file read): generous, but bounded. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

const fileError = (path: string, why: string) => new CliError('E_IO', `\`--input\` ${path}: ${why}`);

/**
 * The payload in `file`: one JSON object whose `hook_event_name` names an event. Read the bounded,
 * non-blocking way (a FIFO or /dev/zero can't hang or flood profile); every problem is one line
 * and exit 3.
 */
export function readInputPayload(io: Pick<Io, 'cwd'>, file: string): PayloadOverride {
  const path = resolve(io.cwd, file);
  const read = readSettingsBytes(path, MAX_INPUT_BYTES);
  if (read.kind === 'missing')
    throw fileError(path, 'no such file; pass a JSON payload file (hookpack test --input takes the same)');
  if (read.kind === 'refused')
    throw fileError(
      path,
      read.code === 'EFBIG'
        ? `it is more than ${MAX_INPUT_BYTES / 1024 / 1024} MiB; a hook payload is smaller`
        : read.why,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw fileError(path, 'not UTF-8 text; a payload is JSON');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw fileError(path, `not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw fileError(
      path,
      `a payload is one JSON object, this is ${Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`}`,
    );
  }
  const event = (data as Record<string, unknown>).hook_event_name;
  if (typeof event !== 'string')
    throw fileError(
      path,
      'no "hook_event_name": it names the event whose hooks get this payload (e.g. "UserPromptSubmit")',
    );
  if (!isKnownEvent(event))
    throw fileError(
      path,
      `"hook_event_name" is "${event.slice(0, 60)}", which is not an event; valid events: ${EVENT_NAMES.join(', ')}`,
    );
  return { event, payload: data as Record<string, unknown>, source: `--input ${file}` };
}

/** The UserPromptSubmit fixture with `text` as the prompt. */
export function promptPayload(text: string): PayloadOverride {
  if (text.trim() === '')
    throw new CliError('E_USAGE', '`--prompt` needs the text of a prompt (Claude Code sends no empty one)');
  const fixture = structuredClone(EVENT_FIXTURES.UserPromptSubmit) as Record<string, unknown>;
  return { event: 'UserPromptSubmit', payload: { ...fixture, prompt: text }, source: '--prompt' };
}
