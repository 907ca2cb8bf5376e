import { sinceStartMs } from '../runtime/clock.ts';
import type * as childProcess from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { builtin } from '../runtime/builtin.ts';
import { captureCapped } from './capped-output.ts';
import { checkCommand, checkOptions, MAX_TIMER_MS } from './check-options.ts';
import { childEnv } from './child-env.ts';
import { guardGroups, signalGroup, trackGroup, untrackGroup } from './process-groups.ts';
import { describeSpawnError } from './spawn-error.ts';
import { watchStop } from './stop-signal.ts';
import type { RunOptions, RunResult } from './types.ts';

const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
const DEFAULT_KILL_GRACE_MS = 500;
/**
 * How long to wait for EOF once the child has exited. EOF normally follows at once; a process
 * that left the group with `setsid` can hold our pipes forever and no group signal reaches it.
 */
const PIPE_GRACE_MS = 150;
/** How long to wait for the exit after SIGKILL: a process in uninterruptible sleep (a hung NFS mount) ignores even that. */
const GIVE_UP_MS = 1000;

type Child = childProcess.ChildProcessByStdio<Writable | null, Readable, Readable>;

/**
 * Runs `file` with `args` (no shell) in its own process group and resolves with what it did;
 * never rejects except for a bad argument (TypeError naming it). See lib/run.ts for the contract.
 *
 * @example
 * const git = await run('git', ['status', '--porcelain'], { cwd: input.cwd, timeoutMs: 2000, signal: context.signal });
 * if (git.error) return addContext(git.error.message);
 * if (git.exitCode === 0 && git.stdout !== '') return addContext(`uncommitted changes:\n${git.stdout}`);
 */
export async function run(file: string, args: readonly string[], options?: RunOptions): Promise<RunResult> {
  checkCommand(file, args);
  const { timeoutMs, input, cwd, env, extendEnv, signal } = checkOptions(options);
  const maxOutputBytes = options?.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const killGraceMs = Math.min(options?.killGraceMs ?? DEFAULT_KILL_GRACE_MS, MAX_TIMER_MS);
  const started = sinceStartMs();
  const result = (fields: Partial<RunResult>): RunResult => ({
    stdout: '',
    stderr: '',
    exitCode: null,
    signal: null,
    timedOut: false,
    aborted: false,
    truncated: false,
    ...fields,
    durationMs: sinceStartMs() - started,
  });
  if (signal?.aborted) return result({ aborted: true });

  const { spawn } = builtin<typeof childProcess>('node:child_process');
  guardGroups();
  let child: Child;
  try {
    child = spawn(file, args, {
      cwd,
      env: childEnv(env, extendEnv),
      shell: false,
      // Its own group (and session), so one signal to -pid reaches every descendant that stayed.
      detached: process.platform !== 'win32',
      windowsHide: true,
      // No input: /dev/null, so the child can't read (or wait on) the hook's own stdin.
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    }) as Child;
  } catch (error) {
    // ENOTDIR and other rare codes are thrown by spawn() instead of emitted.
    return result({ error: describeSpawnError(error, file, cwd) });
  }
  const pid = child.pid;
  if (pid === undefined) {
    // ENOENT, EACCES, EMFILE …: no process; 'error' follows on the next tick.
    return new Promise((resolve) =>
      child.once('error', (error) => resolve(result({ error: describeSpawnError(error, file, cwd) }))),
    );
  }
  trackGroup(pid);
  return new Promise((resolve) => {
    const stdout = captureCapped(child.stdout, maxOutputBytes);
    const stderr = captureCapped(child.stderr, maxOutputBytes);
    let exited = false;
    let settled = false;
    let timedOut = false;
    let aborted = false;
    let exitCode: number | null = null;
    let exitSignal: NodeJS.Signals | null = null;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    let drainTimer: ReturnType<typeof setTimeout> | undefined;
    let giveUpTimer: ReturnType<typeof setTimeout> | undefined;

    const settle = (): void => {
      if (settled) return;
      settled = true;
      stopWatching();
      clearTimeout(drainTimer);
      clearTimeout(giveUpTimer);
      // A pending SIGKILL for leftovers must not keep the hook alive; if it exits first, the exit handler sends it.
      killTimer?.unref();
      child.stdin?.destroy();
      child.stdout.destroy();
      child.stderr.destroy();
      resolve(
        result({
          stdout: stdout.text(),
          stderr: stderr.text(),
          exitCode,
          signal: exitSignal,
          timedOut,
          aborted,
          truncated: stdout.truncated || stderr.truncated,
        }),
      );
    };

    // SIGTERM to the whole group now, SIGKILL after the grace: a process blocked in `read` or with
    // `trap '' TERM` survives SIGTERM (#86578), and one grandchild left alive holds the pipes (#24206, #85250).
    const stop = (): void => {
      if (killTimer !== undefined) return;
      signalGroup(pid, 'SIGTERM');
      killTimer = setTimeout(() => {
        signalGroup(pid, 'SIGKILL');
        untrackGroup(pid);
        if (!exited) giveUpTimer = setTimeout(settle, GIVE_UP_MS);
      }, killGraceMs);
    };

    const stopWatching = watchStop(signal, timeoutMs, (reason) => {
      if (reason === 'timeout') timedOut = true;
      else aborted = true;
      stop();
    });

    if (input !== undefined && child.stdin !== null) {
      // The child may exit without reading it all: EPIPE is its choice, not our failure.
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    }

    child.on('exit', (code, exitedBy) => {
      exited = true;
      exitCode = code;
      exitSignal = exitedBy;
      stopWatching();
      clearTimeout(giveUpTimer);
      // Whatever is still in the group after its leader exited (a shell's `cmd &`) is ours to end:
      // left alone it keeps our pipes, and through them the hook and Claude Code, waiting (#85250, #77078).
      if (signalGroup(pid, 0)) {
        stop();
      } else {
        clearTimeout(killTimer);
        untrackGroup(pid);
      }
      drainTimer = setTimeout(settle, PIPE_GRACE_MS);
    });
    child.on('close', settle);
  });
}
