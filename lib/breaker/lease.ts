import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { debugNote } from '../runtime/debug.ts';

/**
 * The right to make the one trial call of an open period, keyed by that period's `openedAt`, so a
 * lease can never be confused with one from an earlier or later period.
 */
export interface TrialLease {
  /** True for exactly one claimant per period (until released). */
  claim(openedAt: number): boolean;
  /** How long ago the period's lease was taken, or undefined when nobody holds it. */
  ageMs(openedAt: number, now: number): number | undefined;
  /** Gives the lease up; never throws. */
  release(openedAt: number): void;
}

/**
 * How long past the action's own timeout a trial may go without reporting before others treat it
 * as abandoned (its process was killed): room for a loaded machine to write the result.
 */
export const LEASE_GRACE_MS = 1_000;

/**
 * Leases as `<dir>/<name>.<openedAt>.trial` files created with O_EXCL: the filesystem picks one
 * winner among parallel hooks, and nobody ever waits on it. No stale lease is ever broken and
 * re-taken (the classic steal-a-fresh-lock race): an abandoned one is retired by reopening the
 * breaker, which starts a new period and so a new lease name.
 */
export function fileTrialLease(dir: string, name: string): TrialLease {
  const pathOf = (openedAt: number) => join(dir, `${name}.${openedAt}.trial`);
  return {
    claim(openedAt) {
      let fd: number;
      try {
        fd = openSync(pathOf(openedAt), 'wx', 0o600);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return false;
        // Without lease files nobody could ever try again and the breaker would stay open for
        // good; calling the dependency (as if there were no breaker) is the lesser harm.
        debugNote(`breaker ${name}: cannot create a trial lease (${code ?? String(error)}): trying the call anyway`);
        return true;
      }
      try {
        writeSync(fd, `${process.pid}\n`);
      } catch {
        // the pid is for people reading the directory; the file's existence is the lease
      } finally {
        closeSync(fd);
      }
      return true;
    },
    ageMs(openedAt, now) {
      try {
        return now - statSync(pathOf(openedAt)).mtimeMs;
      } catch {
        return undefined;
      }
    },
    release(openedAt) {
      try {
        rmSync(pathOf(openedAt), { force: true });
      } catch {
        // a leftover lease names a finished period; no later period will look at it
      }
    },
  };
}

const memoryLeases = new Set<string>();

/** Leases for this process only (no state directory): the trial is still single within the process. */
export function memoryTrialLease(name: string): TrialLease {
  const key = (openedAt: number) => `${name}.${openedAt}`;
  return {
    claim(openedAt) {
      if (memoryLeases.has(key(openedAt))) return false;
      memoryLeases.add(key(openedAt));
      return true;
    },
    // opossum's timeout settles every call in this process, so an in-memory trial always reports.
    ageMs: (openedAt) => (memoryLeases.has(key(openedAt)) ? 0 : undefined),
    release(openedAt) {
      memoryLeases.delete(key(openedAt));
    },
  };
}
