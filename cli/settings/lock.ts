import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../errors.ts';

/** Temp files and locks of an edit in progress end with this, so one .gitignore line covers them. */
export const TEMP_SUFFIX = '.hookpack-tmp';

/** The lock file of a settings file: `.settings.json.lock.hookpack-tmp` next to it. */
export function lockPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock${TEMP_SUFFIX}`);
}

/** How long to wait for another hookpack's edit: edits take milliseconds, a crash leaves a lock behind. */
const WAIT_MS = 10_000;
const POLL_MS = 15;
/** A lock older than this is left over from a crash whatever its pid says (pids are reused). */
const STALE_MS = 60_000;

const held = new Map<string, number>();
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, someone else's
  }
}

/** Why an existing lock can be broken (its holder died, or it is ancient), or undefined while it holds. */
function staleness(lock: string): string | undefined {
  let text: string;
  let age: number;
  try {
    text = readFileSync(lock, 'utf8');
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 'gone'; // released meanwhile: try again
  }
  const pid = Number.parseInt(text, 10);
  if (age > STALE_MS) return 'old';
  // An empty lock is one being written this instant, unless it stays empty.
  if (!(pid > 0)) return age > 2_000 ? 'empty' : undefined;
  return alive(pid) ? undefined : 'holder gone';
}

function release(lock: string): void {
  const count = (held.get(lock) ?? 1) - 1;
  if (count > 0) {
    held.set(lock, count);
    return;
  }
  held.delete(lock);
  try {
    unlinkSync(lock);
  } catch {
    // removed by hand, or its directory went away: nothing to release
  }
}

let exitHook = false;

/** A process that exits with a lock still held (an error thrown mid-run) must not leave it behind. */
function releaseAtExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const lock of held.keys()) {
      held.set(lock, 1);
      release(lock);
    }
  });
}

/**
 * Takes the edit lock of a settings file (an O_EXCL file next to it, holding our pid) for the rest
 * of the current synchronous run: it is released in a microtask, so read, reconcile and write
 * must follow each other without an `await` (install and uninstall do). Two hookpack processes
 * editing one file then take turns instead of one silently overwriting the other's entries.
 * Re-entrant within a process. Waits up to 10 s for another holder; breaks a lock whose process
 * is gone. Where no lock can be made (directory missing, read-only, not ours) it goes on without
 * one: the write then fails with its own message, or, for a file that does not exist yet, the
 * write's own check ("appeared while creating it") catches a concurrent creation.
 */
export function holdLock(path: string, label: string): void {
  const lock = lockPath(path);
  const count = held.get(lock);
  if (count !== undefined) {
    held.set(lock, count + 1);
    queueMicrotask(() => release(lock));
    return;
  }
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx', 0o644);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') return; // ENOENT, EACCES, EROFS…: no lock to be had here
      const stale = staleness(lock);
      if (stale !== undefined && stale !== 'gone') {
        try {
          unlinkSync(lock);
        } catch {
          // another waiter broke it first
        }
        continue;
      }
      if (stale === undefined && Date.now() > deadline) {
        throw new CliError(
          'E_IO',
          `cannot edit ${label}: another hookpack is editing it (lock ${lock}); run the command again when it is done, or delete the lock if no hookpack is running; nothing was changed`,
        );
      }
      if (stale === undefined) sleep(POLL_MS);
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    held.set(lock, 1);
    queueMicrotask(() => release(lock));
    releaseAtExit();
    return;
  }
}
