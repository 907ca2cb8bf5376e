import type * as childProcess from 'node:child_process';
import { builtin } from '../../lib/runtime/builtin.ts';
import { guardGroups, signalGroup, trackGroup, untrackGroup } from '../../lib/run/process-groups.ts';
import { OUTPUT_CHAR_CAP } from '../../lib/runtime/truncate.ts';
import { newRunId, processesOfRun, RUN_MARKER } from './run-marker.ts';

/** How to start one hook, as Claude Code does: `/bin/sh -c` for shell form, directly for exec form. */
export interface Launch {
  command: string;
  /** Exec form: no shell, `command` is the executable. */
  args?: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** What one run did. */
export interface RunResult {
  ms: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The longest string Claude Code holds to the 10,000-character cap: plain stdout, or additionalContext / systemMessage of JSON stdout. */
  outputChars: number;
  /** First line of stderr, for hints about failing hooks. */
  stderrLine: string;
  /** Processes of the hook's group, or holding its output, were still running after it exited (SIGKILLed). */
  leftBehind: boolean;
}

/** Past this we stop keeping stdout (the count stays exact): enough to parse any sane answer. */
const KEEP_BYTES = 4 * 1024 * 1024;
/** After SIGTERM, how long a process group gets before SIGKILL. */
const GRACE_MS = 500;
/**
 * After the hook exits, how long its pipes may stay open before we stop waiting: Claude Code
 * (2.1.329, Linux) waits about this long for a background child holding them (hooks-protocol §8).
 */
const OUTPUT_GRACE_MS = 500;

/** The length of the output that counts against Claude Code's cap (hooks-protocol §4.4, §8). */
export function cappedLength(stdout: string): number {
  const text = stdout.trim();
  if (!text.startsWith('{')) return text.length;
  try {
    const json = JSON.parse(text) as { systemMessage?: unknown; hookSpecificOutput?: { additionalContext?: unknown } };
    const lengths = [json.systemMessage, json.hookSpecificOutput?.additionalContext].map((v) =>
      typeof v === 'string' ? v.length : 0,
    );
    return Math.max(0, ...lengths);
  } catch {
    return text.length; // invalid JSON is treated as plain text
  }
}

/** Whether a run's output is over the cap Claude Code enforces. */
export function overCap(chars: number): boolean {
  return chars > OUTPUT_CHAR_CAP;
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid !== undefined) signalGroup(pid, signal);
}

/**
 * Runs a hook once with `input` on stdin and measures its wall time until it exits and its pipes
 * close (Claude Code waits for both), or, when something else holds the pipes, until it exits plus
 * OUTPUT_GRACE_MS: the run's end never depends on the pipes closing, so a grandchild that left
 * with `setsid … &` and keeps stdout open cannot make profile wait forever. The hook leads its own
 * process group, and on timeout the whole group gets SIGTERM, then SIGKILL, as Claude Code does
 * (§8), so grandchildren die too. Whatever of the group is still running once the hook is done (a
 * `cmd &` with its output redirected), and any process of the run that escaped the group (found by
 * an environment marker, run-marker.ts), is SIGKILLed: profiling must not leave N copies of it behind. Live
 * groups are tracked (lib/run/process-groups.ts), so Ctrl-C or a SIGTERM to hookpack kills them as well.
 */
export function runOnce(launch: Launch, input: string, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    // Before spawning: a signal may arrive before spawn() returns.
    guardGroups();
    // Every process this run starts inherits the marker, so the ones that leave the group are found too.
    const runId = newRunId();
    const env = { ...launch.env, [RUN_MARKER]: runId };
    const { spawn } = builtin<typeof childProcess>('node:child_process');
    const child =
      launch.args === undefined
        ? spawn('/bin/sh', ['-c', launch.command], {
            env,
            cwd: launch.cwd,
            detached: true,
            stdio: ['pipe', 'pipe', 'pipe'],
          })
        : spawn(launch.command, launch.args, { env, cwd: launch.cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid !== undefined) trackGroup(pid);
    const out: Buffer[] = [];
    let kept = 0;
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (kept < KEEP_BYTES) out.push(chunk);
      kept += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => {}); // a hook may exit without reading its input (EPIPE)
    let kill: NodeJS.Timeout | undefined;
    let outputGrace: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, 'SIGTERM');
      kill = setTimeout(() => killGroup(child.pid, 'SIGKILL'), GRACE_MS);
    }, timeoutMs);
    let finished = false;
    const done = (exitCode: number | null, signal: NodeJS.Signals | null, pipesHeld: boolean) => {
      if (finished) return;
      finished = true;
      const ms = performance.now() - started;
      clearTimeout(timer);
      clearTimeout(kill);
      clearTimeout(outputGrace);
      let leftBehind = false;
      if (pid !== undefined) {
        // Probe the group: anything still in it outlived the hook.
        if (signalGroup(pid, 0)) {
          leftBehind = !timedOut;
          signalGroup(pid, 'SIGKILL');
        }
        untrackGroup(pid);
      }
      // Escaped the group (setsid), with or without the hook's output: found by the marker.
      for (const escapee of processesOfRun(runId)) {
        try {
          process.kill(escapee, 'SIGKILL');
          leftBehind = leftBehind || !timedOut;
        } catch {
          // gone meanwhile
        }
      }
      if (pipesHeld) {
        child.stdout.destroy();
        child.stderr.destroy();
      }
      const stdout = Buffer.concat(out).toString('utf8');
      resolve({
        ms,
        exitCode,
        signal,
        timedOut,
        outputChars: cappedLength(stdout),
        stderrLine: stderr.split('\n').find((l) => l.trim() !== '') ?? '',
        leftBehind,
      });
    };
    child.on('error', (error) => {
      stderr = `${error.message}\n${stderr}`;
      done(127, null, true);
    });
    // 'exit' comes when the hook itself ends; 'close' only once every holder of its pipes is gone.
    child.on('exit', (exitCode, signal) => {
      outputGrace = setTimeout(() => done(exitCode, signal, true), OUTPUT_GRACE_MS);
    });
    child.on('close', (exitCode, signal) => done(exitCode, signal, false));
    child.stdin.end(input);
  });
}
