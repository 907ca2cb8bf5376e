import { breaker } from '../breaker/index.ts';
import { run } from '../run/run.ts';
import type { RunResult } from '../run/types.ts';
import { isFailure, type Ran } from './outcome.ts';
import type { AdoptedHook, BreakerSettings } from './table.ts';

/** Consecutive failures or timeouts that open an adopted hook's breaker, and how long it then stays open, unless its table entry says otherwise. */
export const DEFAULT_BREAKER: BreakerSettings = { failures: 3, coolDownSeconds: 60 };
/** Bytes kept per stream: well past the 10,000 characters Claude Code passes on; the rest is read and dropped. */
export const OUTPUT_CAP_BYTES = 1024 * 1024;

/** Thrown inside the breaker so a failed run counts as a failure, carrying what the run did. */
class FailedRun extends Error {
  constructor(readonly result: RunResult) {
    super(result.error?.message ?? (result.timedOut ? 'timed out' : `exit ${result.exitCode ?? result.signal}`));
  }
}

/**
 * The breaker's name: the hook's, and a short hash of where its table lives, so two projects'
 * `guard` hooks keep separate counts (breaker state is per user, names are global).
 */
export function breakerName(hook: AdoptedHook, tablePath: string): string {
  const slug =
    hook.name
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 40) || 'hook';
  return `adopted.${slug}.${fnv1a(tablePath)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to keep projects apart, without loading node:crypto at every event. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * How adopted commands are started: `env` laid over the runner's own environment (its process),
 * or, with `extendEnv: false`, the whole environment (the warm daemon passes its client's); `cwd`
 * where they run (the daemon: its client's; the runner: its own).
 */
export interface SpawnWorld {
  env: Record<string, string | undefined>;
  extendEnv?: boolean;
  cwd?: string;
  /** The file mode mask the commands start with (the daemon's is 077; its client's is the one they would have had). */
  umask?: number;
  /** Aborted when the call is given up (the daemon drops it): its commands' process groups are stopped. */
  signal?: AbortSignal;
  /** When the entry must answer (epoch ms): no command runs past it (a late fallback has less time than the entry's timeout). */
  deadline?: number;
}

/**
 * Runs `start` (which starts a child synchronously, as run() does before its first await) with the
 * process's umask set to `mask`, and puts it back at once: a child inherits the mask at fork.
 */
function withUmask<T>(mask: number | undefined, start: () => T): T {
  if (mask === undefined) return start();
  const before = process.umask(mask);
  try {
    return start();
  } finally {
    process.umask(before);
  }
}

/** argv for one adopted command: shell form through `/bin/sh -c` as Claude Code runs it (hooks-protocol §8), exec form as is. */
function argv(hook: AdoptedHook, env: Record<string, string | undefined>): [string, string[]] {
  if (hook.args === undefined) return ['/bin/sh', ['-c', hook.command]];
  // Claude Code substitutes ${CLAUDE_PROJECT_DIR} inside exec-form args (hooks-protocol §8).
  const project = env.CLAUDE_PROJECT_DIR ?? '';
  return [hook.command, hook.args.map((arg) => arg.replaceAll('${CLAUDE_PROJECT_DIR}', project))];
}

/**
 * Runs one adopted command under its circuit breaker: the payload on stdin, then EOF; its own
 * timeout stopping its whole process group; output capped; never waiting on a grandchild that
 * holds the pipes (lib/run). While the breaker is open the command is not started.
 */
export function runAdoptedHook(hook: AdoptedHook, input: string, tablePath: string, world: SpawnWorld): Promise<Ran> {
  const [file, args] = argv(hook, world.extendEnv === false ? world.env : process.env);
  const timeoutMs = Math.max(
    1,
    Math.min(hook.timeout * 1000, (world.deadline ?? Number.POSITIVE_INFINITY) - Date.now()),
  );
  const action = async (): Promise<Ran> => {
    const result = await withUmask(world.umask, () =>
      run(file, args, {
        input,
        timeoutMs,
        env: world.env,
        extendEnv: world.extendEnv,
        cwd: world.cwd,
        signal: world.signal,
        maxOutputBytes: OUTPUT_CAP_BYTES,
      }),
    );
    if (isFailure(result)) throw new FailedRun(result);
    return { kind: 'ran', result };
  };
  const { failures, coolDownSeconds } = hook.breaker ?? DEFAULT_BREAKER;
  const circuit = breaker(breakerName(hook, tablePath), action, {
    failureThreshold: failures,
    resetTimeoutMs: coolDownSeconds * 1000,
    // run() stops the command at its own timeout (and SIGKILLs 0.5 s later); opossum's must not come first.
    timeoutMs: timeoutMs + 5_000,
    fallback: (error: Error): Ran =>
      error instanceof FailedRun
        ? { kind: 'ran', result: error.result }
        : {
            kind: 'breaker-open',
            detail: `was skipped: it failed or timed out ${failures === 1 ? 'once' : `${failures} times in a row`}, so its circuit breaker is open for ${coolDownSeconds} s (then one call tries it again)`,
          },
  });
  // A breaker per call: its circuit's timer must not outlive the call in a process that serves many (the warm daemon).
  return circuit.fire().finally(() => circuit.dispose());
}
