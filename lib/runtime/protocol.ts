import type { Outcome } from './policy.ts';
import { writeAll } from './output.ts';

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

/** Prints an outcome: its JSON line on fd 1, its stderr line on fd 2. Never throws (a full disk, a closed pipe). */
export function printOutcome(outcome: Outcome): void {
  try {
    if (outcome.json !== undefined) writeAll(1, `${JSON.stringify(outcome.json)}\n`);
  } catch {
    // nobody can read the answer; the exit code still speaks
  }
  try {
    if (outcome.stderr !== undefined) writeAll(2, `${outcome.stderr}\n`);
  } catch {
    // stderr is gone too
  }
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
