import { writeFileAtomic } from '../atomic.ts';
import { readPrivate } from '../private-file.ts';
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
    // Only a file that is ours alone counts (lib/private-file.ts): one planted by another user, or
    // left writable by one, could switch a dependency off; it reads as closed and is replaced.
    const bytes = readPrivate(path, MAX_STATE_BYTES);
    if (bytes === 'missing') return FRESH_STATE;
    const state = bytes === 'refused' ? undefined : parseState(bytes.toString('utf8'));
    if (state !== undefined) return state;
    // Corrupt, truncated by a foreign writer, another format version, too large or not private:
    // start over rather than guess.
    debugNote(`breaker state ${path} is not a private version-1 state file: treating it as closed and replacing it`);
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
