import { closeSync, openSync, readSync } from 'node:fs';
import { writeFileAtomic } from '../atomic.ts';
import { debugNote } from '../runtime/debug.ts';
import { FRESH_STATE, parseState } from './state.ts';
import type { PersistedState } from './state.ts';

/** Where a breaker's state lives: one JSON file shared by every process, or memory for this process only. */
export interface StateStore {
  /** The current state; a missing, unreadable or invalid file reads as closed. */
  read(): PersistedState;
  /** Read, change, write back (only if `change` returned a new object); returns what was written. */
  update(change: (state: PersistedState) => PersistedState): PersistedState;
}

// A valid state is ~150 bytes; anything much larger is not ours, and we won't read megabytes to find out.
const MAX_STATE_BYTES = 4096;

function readSmallFile(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(MAX_STATE_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, length);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

function write(path: string, state: PersistedState): void {
  try {
    writeFileAtomic(path, `${JSON.stringify(state)}\n`);
  } catch (error) {
    // A lost write costs at most one recorded outcome; a hook must not fail over breaker bookkeeping.
    debugNote(`breaker state not saved to ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * The state in `path`, written with writeFileAtomic so readers never see a torn file. Updates are
 * read-modify-write without a lock: two processes recording at the same instant may lose one of
 * the two outcomes (see lib/breaker/index.ts for the bound).
 */
export function fileStateStore(path: string): StateStore {
  const read = (): PersistedState => {
    let text: string | undefined;
    try {
      text = readSmallFile(path);
    } catch (error) {
      debugNote(`breaker state ${path} unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)}): treating it as closed`);
      return FRESH_STATE;
    }
    if (text === undefined) return FRESH_STATE;
    const state = text.length > MAX_STATE_BYTES ? undefined : parseState(text);
    if (state !== undefined) return state;
    // Corrupt, truncated by a foreign writer, or another format version: start over rather than guess.
    debugNote(`breaker state ${path} is not a version-1 state file: treating it as closed and replacing it`);
    write(path, FRESH_STATE);
    return FRESH_STATE;
  };
  return {
    read,
    update(change) {
      const current = read();
      const next = change(current);
      if (next !== current) write(path, next);
      return next;
    },
  };
}

const memoryStates = new Map<string, PersistedState>();

/** State kept in this process only, shared by every breaker of the same name in it. */
export function memoryStateStore(name: string): StateStore {
  const read = () => memoryStates.get(name) ?? FRESH_STATE;
  return {
    read,
    update(change) {
      const next = change(read());
      memoryStates.set(name, next);
      return next;
    },
  };
}
