import type { Outcome } from './outcome.ts';
import { writeAll } from './output.ts';
import { blockingReason, stdoutIsNull } from './undelivered.ts';

/**
 * stdout is the protocol: exactly one JSON object or nothing. Anything a handler or a library
 * prints (console.log, console.dir, process.stdout.write) goes to stderr instead; the answer is
 * written to fd 1 directly. The getter keeps process.stdout's stream from ever being created.
 */
export function protectStdout(): void {
  Object.defineProperty(process, 'stdout', { configurable: true, enumerable: true, get: () => process.stderr });
  const toStderr = console.error;
  console.log = console.info = console.debug = toStderr;
  console.dir = console.dirxml = (item: unknown) => toStderr(item);
}

/**
 * The outcome a bundle holding a fail-closed hook leaves with. `hookpack install` ends such a
 * bundle's command with `|| exit 2`, so a bundle that cannot start still blocks; it must then
 * never exit 1 on purpose, or one failing fail-open hook beside a guard (or a Stop guard failing
 * open to break a loop) would block every call. Exit 1 becomes exit 0, and the failure line
 * reaches the user as a `systemMessage`, as exit 1's stderr would have.
 */
export function forGuardedCommand(outcome: Outcome): Outcome {
  if (outcome.exitCode !== 1) return outcome;
  const message = outcome.stderr;
  if (message === undefined) return { ...outcome, exitCode: 0 };
  const json = outcome.json ?? {};
  const existing = typeof json.systemMessage === 'string' && json.systemMessage !== '' ? `${json.systemMessage}\n` : '';
  return { json: { ...json, systemMessage: `${existing}${message}` }, exitCode: 0, stderr: message };
}

/**
 * Prints an outcome (its JSON line on fd 1, its stderr line on fd 2) and returns the exit code to
 * leave with. Never throws. A blocking answer that can't reach anyone (stdout closed, a broken
 * pipe, a full disk, stdout on /dev/null) exits 2 with its reason on stderr instead: exit 0 with
 * a lost answer would let the call run.
 */
export function printOutcome(outcome: Outcome): Outcome['exitCode'] {
  let { exitCode, stderr } = outcome;
  if (outcome.json !== undefined) {
    const reason = blockingReason(outcome.json);
    let delivered = reason === undefined || !stdoutIsNull();
    try {
      if (delivered) delivered = writeAll(1, `${JSON.stringify(outcome.json)}\n`);
    } catch {
      delivered = false;
    }
    if (!delivered && reason !== undefined) {
      exitCode = 2;
      stderr ??= reason.replace(/\s*[\r\n]+\s*/g, ' ');
    }
  }
  try {
    if (stderr !== undefined) writeAll(2, `${stderr}\n`);
  } catch {
    // stderr is gone too
  }
  return exitCode;
}

// Requests that run in libuv's thread pool: while one is blocked (a FIFO, a hung NFS read, a slow
// DNS lookup), process.exit() waits for it forever, measured on Node 20.
const THREAD_POOL_WORK = /^(FSReq|GetAddrInfo|GetNameInfo|Zlib|Crypto|PBKDF2|Scrypt|Random|Hash|Sign|Cipher|Work)/;

/**
 * Exits with `code`. After a handler missed its deadline, an answer already printed and work still
 * stuck in the thread pool, it kills itself instead: Claude Code honours the printed JSON of a
 * killed hook (verified against 2.1.329), while a hung exit would run into its timeout.
 */
export function exitNow(code: number, stuckHandler: boolean, answered: boolean): never {
  if (stuckHandler && answered && process.getActiveResourcesInfo().some((r) => THREAD_POOL_WORK.test(r))) {
    process.kill(process.pid, 'SIGKILL');
  }
  process.exit(code);
}
