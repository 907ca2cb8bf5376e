/**
 * Runs `git status` and `git log` for the SessionStart context, concurrently, each through `run`
 * (own process group, killed on timeout) and bounded twice: by `timeoutMs` (1,500) and by the
 * hook's deadline. Whatever has not answered when the time is up counts as timed out and the
 * hook answers with the rest; a child still alive then is SIGKILLed with its group when the hook
 * exits (lib/run/process-groups.ts), so nothing outlives the hook.
 */
import { run } from '../run.ts';
import { timedOutResult } from '../run/run.ts';
import type { RunOptions, RunResult } from '../run.ts';
import { gitOutcome } from './git-outcome.ts';
import type { GitSnapshot } from './git-summary.ts';

export const GIT_TIMEOUT_MS = 1500;
/** Kept back from the deadline for the kill, the formatting, the answer and the exit. */
const RESERVE_MS = 400;
/** How long after the time is up a call that has not returned is given up on (a child ignoring SIGTERM). */
const GIVE_UP_AFTER_MS = 150;
/** Between SIGTERM and SIGKILL: a hanging git gets little grace, the hook has none to spare. */
const KILL_GRACE_MS = 100;

// LC_ALL=C: messages git-outcome.ts can recognise, English relative dates. GIT_OPTIONAL_LOCKS=0:
// status must not take index.lock (and fail the user's own git commands) just to refresh stat data.
const GIT_ENV = { LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };

// core.fsmonitor names a program that `git status` runs: a repository's own .git/config (an
// unpacked archive, a copied checkout) must not get to run code because a session started.
// Clean filters named in .git/config can also run during status; a clone carries no .git/config.
const NO_REPO_PROGRAMS = ['-c', 'core.fsmonitor=false'];
export const STATUS_ARGS = [...NO_REPO_PROGRAMS, 'status', '--porcelain=v2', '--branch'];
/** `%h %s (%cr)`, fields split by 0x1f so git-summary.ts can shorten a long subject and keep the date. */
export const LOG_ARGS = [
  ...NO_REPO_PROGRAMS,
  'log',
  '-n',
  '5',
  '--no-color',
  '--no-show-signature',
  '--format=%h%x1f%s%x1f%cr',
];

export interface GitSnapshotOptions {
  /** Aborts every call (the hook's ctx.signal). */
  signal: AbortSignal;
  /** Milliseconds left before the hook must answer (ctx.remainingMs()). */
  remainingMs: number;
  timeoutMs?: number;
  /** The git executable; tests pass another. */
  git?: string;
  /** The environment git runs with (the hook's ctx.env: a warm process answers for many sessions); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

const TIMED_OUT = timedOutResult(0);

/** Status and log of the repository at `cwd`, each as a GitOutcome. */
export async function gitSnapshot(cwd: string, options: GitSnapshotOptions): Promise<GitSnapshot> {
  const limitMs = Math.min(options.timeoutMs ?? GIT_TIMEOUT_MS, options.remainingMs - RESERVE_MS);
  if (limitMs <= 0) return { cwd, status: { kind: 'timeout', ms: 0 }, log: { kind: 'timeout', ms: 0 } };
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<RunResult>((resolve) => {
    giveUp = setTimeout(resolve, limitMs + GIVE_UP_AFTER_MS, TIMED_OUT);
  });
  const env = options.env === undefined ? { env: GIT_ENV } : { env: { ...options.env, ...GIT_ENV }, extendEnv: false };
  const runOptions: RunOptions = {
    cwd,
    timeoutMs: limitMs,
    signal: options.signal,
    ...env,
    killGraceMs: KILL_GRACE_MS,
  };
  const call = (args: string[]) => Promise.race([run(options.git ?? 'git', args, runOptions), deadline]);
  try {
    const [status, log] = await Promise.all([call(STATUS_ARGS), call(LOG_ARGS)]);
    return { cwd, status: gitOutcome(status, limitMs), log: gitOutcome(log, limitMs) };
  } finally {
    clearTimeout(giveUp);
  }
}
