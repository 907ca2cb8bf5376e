// Shared by the run and background tests: temp dirs, tiny fixture scripts, bundled library
// entries for child node processes, and a pid ledger so no test leaves a process behind.
import { buildSync } from 'esbuild';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tracked = new Set<number>();
const pidLogs = new Set<string>();
let pidLogCount = 0;

/** A fresh temp directory; `remove()` deletes it. */
export function tempDir(prefix = 'hookpack-run-'): { path: string; file(name: string): string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes `body` to `path` with the given mode and returns the path. */
export function writeScript(path: string, body: string, mode = 0o755): string {
  writeFileSync(path, body);
  chmodSync(path, mode);
  return path;
}

/**
 * Bundles `source` (TypeScript that may import from the repo root, e.g. `./lib/run.ts`) into a
 * dependency-free .cjs at `outfile`, as a hook's bundle is, so a child `node` can run it.
 */
export function bundleScript(source: string, outfile: string): string {
  buildSync({
    stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Remembers a pid for `killTracked`. */
export function track(pid: number): number {
  if (Number.isInteger(pid) && pid > 0) tracked.add(pid);
  return pid;
}

/**
 * A file for fixtures to append the pids they start to (`echo $! >> "$PIDS"`), read by
 * `killTracked` even when the test failed or timed out before it could read the pids itself.
 */
export function pidLog(dir: { file(name: string): string }): string {
  const path = dir.file(`pids-${++pidLogCount}.log`);
  pidLogs.add(path);
  return path;
}

/** `file args` wrapped so the process appends its pid to `log` first (`exec` keeps the pid): run(...logged(log, 'sleep', ['30'])). */
export function logged(log: string, file: string, args: string[]): [string, string[]] {
  return ['sh', ['-c', 'echo $$ >> "$0"; exec "$@"', log, file, ...args]];
}

/**
 * SIGKILLs every tracked pid, and every pid in a pid log, that is still there (call in afterEach);
 * also the process group each one leads, which takes the children of a `run` leader with it
 * even when the leader itself is already gone.
 */
export function killTracked(): void {
  for (const path of pidLogs) {
    if (existsSync(path)) for (const line of readFileSync(path, 'utf8').split('\n')) track(Number(line));
  }
  pidLogs.clear();
  const ourStart = startTime(process.pid);
  for (const pid of tracked) {
    const start = startTime(pid);
    // A pid freed and reused by someone else must not be killed: only what started after us.
    if (start !== undefined && ourStart !== undefined && start < ourStart) continue;
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // already gone, or not a group leader
      }
    }
  }
  tracked.clear();
}

/**
 * Whether `pid` is dead: gone (ESRCH) or a zombie. Killed grandchildren are reparented to PID 1,
 * and some container/VM inits never reap them, so `kill(pid, 0)` alone would call a corpse alive.
 */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  return statFields(pid)?.[0] === 'Z';
}

/** Fields of /proc/<pid>/stat after the command name (state first), or undefined. */
function statFields(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
  } catch {
    return undefined;
  }
}

/** When `pid` started, in clock ticks since boot (Linux), or undefined. */
function startTime(pid: number): number | undefined {
  const field = statFields(pid)?.[19];
  return field === undefined ? undefined : Number(field);
}

/** The session id of `pid` from /proc (Linux), or undefined. */
export function sessionOf(pid: number): number | undefined {
  const field = statFields(pid)?.[3];
  return field === undefined ? undefined : Number(field);
}

/** Polls `check` every `everyMs` until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, everyMs = 20): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return check();
}

/** Reads a pid a fixture wrote to `path`, once it is there; tracks it. */
export async function pidFrom(path: string, timeoutMs = 5000): Promise<number> {
  await waitFor(() => existsSync(path) && readFileSync(path, 'utf8').trim() !== '', timeoutMs);
  return track(Number(readFileSync(path, 'utf8').trim()));
}

/** `/proc` exists: Linux-only checks (sessions, fds) run only there. */
export const hasProc = existsSync('/proc/self/stat');
