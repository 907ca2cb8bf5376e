import { sinceStartMs } from '../runtime/clock.ts';
import type { ChildEvents, ChildSpec } from './child.ts';
import { checkCommand, checkOptions, MAX_TIMER_MS } from './check-options.ts';
import { childEnv } from './child-env.ts';
import { leanChildAvailable, startLeanChild } from './lean-child.ts';
import { startNodeChild } from './node-child.ts';
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

/**
 * The result of a command given up on at its timeout with nothing read: what a caller that stops
 * waiting itself reports (a git snapshot past its budget, an adopted-hooks entry at its deadline).
 */
export function timedOutResult(durationMs: number): RunResult {
  return {
    stdout: '',
    stderr: '',
    exitCode: null,
    signal: null,
    timedOut: true,
    aborted: false,
    truncated: false,
    durationMs,
  };
}

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

  guardGroups();
  // Filled in below, once the child's pid is known: neither starter reports before the event loop turns.
  const events: ChildEvents = { exit: () => {}, close: () => {} };
  const spec: ChildSpec = { file, args, cwd, env: childEnv(env, extendEnv), input, maxOutputBytes };
  const launched = (leanChildAvailable() ? startLeanChild(spec, events) : undefined) ?? startNodeChild(spec, events);
  if ('error' in launched) return result({ error: describeSpawnError(await launched.error, file, cwd) });
  const { child } = launched;
  const pid = child.pid;
  trackGroup(pid);
  return new Promise((resolve) => {
    const { stdout, stderr } = child;
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
      child.release();
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

    events.exit = (code, exitedBy) => {
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
    };
    events.close = settle;
  });
}
