import { join } from 'node:path';
import { hookpackSubdir } from '../home.ts';
import { debugNote } from '../runtime/debug.ts';
import { fileTrialLease, memoryTrialLease } from './lease.ts';
import type { TrialLease } from './lease.ts';
import { fileStateStore, memoryStateStore } from './store.ts';
import type { StateStore } from './store.ts';

/** A breaker's state and trial lease, on disk when there is a safe state directory. */
export interface BreakerStorage {
  readonly store: StateStore;
  readonly lease: TrialLease;
  /** The state file, or undefined when the breaker lives in memory. */
  readonly path: string | undefined;
}

let notedMemoryOnly = false;

/** Opens `$HOOKPACK_HOME/breakers/<name>.json`, or memory for this process when the directory is unsafe or unavailable. */
export function openBreakerStorage(name: string): BreakerStorage {
  const dir = hookpackSubdir('breakers');
  if (dir === undefined) {
    if (!notedMemoryOnly) {
      notedMemoryOnly = true;
      debugNote(
        'breaker state kept in memory for this process only: no safe state directory, so each hook process rediscovers failures',
      );
    }
    return { store: memoryStateStore(name), lease: memoryTrialLease(name), path: undefined };
  }
  const path = join(dir, `${name}.json`);
  return { store: fileStateStore(path), lease: fileTrialLease(dir, name), path };
}
