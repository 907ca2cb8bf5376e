import type * as childProcess from 'node:child_process';
import { builtin } from './runtime/builtin.ts';
import type { HookDefinition } from './define.ts';
import { isDebug } from './runtime/debug.ts';
import { hookDeadline } from './runtime/deadline.ts';
import { evaluateHook } from './runtime/evaluate.ts';
import { payloadMatches } from './runtime/matcher.ts';

/** What a hook process did with one payload. */
export interface HookRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON when it holds one object, else undefined. */
  json: Record<string, unknown> | undefined;
  durationMs: number;
}

export interface SpawnHookOptions {
  /** Extra environment (merged over process.env unless `cleanEnv`). */
  env?: NodeJS.ProcessEnv;
  /** Start from an empty environment plus PATH/HOME and `env`. */
  cleanEnv?: boolean;
  /** Keep stdin open after writing the payload, as buggy clients do. */
  keepStdinOpen?: boolean;
  /** Kill the process after this many ms (default 30 s) so a test can never hang. */
  killAfterMs?: number;
  cwd?: string;
}

/**
 * Runs a built hook bundle as Claude Code does: a new `node` process, the payload on stdin
 * (an object is serialised with a trailing newline), stdout and stderr captured.
 */
export function spawnHook(bundle: string, payload: unknown, options: SpawnHookOptions = {}): Promise<HookRun> {
  const env = options.cleanEnv
    ? { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env }
    : { ...process.env, ...options.env };
  const input = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : `${JSON.stringify(payload)}\n`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const { spawn } = builtin<typeof childProcess>('node:child_process');
    const child = spawn(process.execPath, [bundle], { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin.on('error', () => {}); // the hook may exit before reading everything (EPIPE)
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(killer);
      const stdout = Buffer.concat(out).toString('utf8');
      let json: Record<string, unknown> | undefined;
      try {
        const parsed: unknown = stdout.trim() ? JSON.parse(stdout) : undefined;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      resolve({
        exitCode,
        signal,
        stdout,
        stderr: Buffer.concat(err).toString('utf8'),
        json,
        durationMs: performance.now() - started,
      });
    });
    if (options.keepStdinOpen) child.stdin.write(input);
    else child.stdin.end(input);
  });
}

/** Every value `decisionOf` returns (and `hookpack test --expect` accepts). */
export const DECISIONS = [
  'deny',
  'allow',
  'ask',
  'defer',
  'block',
  'context',
  'halt',
  'notice',
  'retry',
  'none',
  'fail-closed',
  'fail-open',
] as const;

/** What a hook's answer means to Claude Code (see `decisionOf`). */
export type Decision = (typeof DECISIONS)[number];

const FAILED_CLOSED = / failed closed \(/;

/**
 * Names what a hook's answer means to Claude Code, from its stdout JSON (and, when given, its exit
 * code and stderr): `fail-closed` (a hookpack guard that could not check), `halt`
 * (`continue: false`), the permission decision (`deny`, `defer`, `ask`, `allow`), `block`
 * (`decision: "block"`, or exit 2), `retry`, `context` (additionalContext), `notice`
 * (systemMessage only), `fail-open` (a non-zero exit other than 2 without JSON), else `none`.
 */
export function decisionOf(
  json: Record<string, unknown> | undefined,
  run: { exitCode?: number | null; stderr?: string } = {},
): Decision {
  const hso = (
    typeof json?.hookSpecificOutput === 'object' && json.hookSpecificOutput !== null ? json.hookSpecificOutput : {}
  ) as Record<string, unknown>;
  const permission = hso.permissionDecision ?? (hso.decision as { behavior?: unknown } | undefined)?.behavior;
  const reasons = [
    hso.permissionDecisionReason,
    (hso.decision as { message?: unknown } | undefined)?.message,
    json?.reason,
    run.stderr,
  ];
  if (
    reasons.some((r) => typeof r === 'string' && FAILED_CLOSED.test(r)) &&
    (run.exitCode === undefined || run.exitCode === 2)
  )
    return 'fail-closed';
  if (json?.continue === false) return 'halt';
  if (permission === 'deny' || permission === 'defer' || permission === 'ask' || permission === 'allow')
    return permission;
  if (json?.decision === 'block' || run.exitCode === 2) return 'block';
  if (hso.retry === true) return 'retry';
  if (typeof hso.additionalContext === 'string') return 'context';
  if (typeof json?.systemMessage === 'string') return 'notice';
  if (json === undefined && typeof run.exitCode === 'number' && run.exitCode !== 0) return 'fail-open';
  return 'none';
}

/** What `runHookInProcess` returns: exactly what the runner would print, and how it would exit. */
export interface InProcessRun {
  /** The one JSON object the runner would print on stdout, or undefined for no output. */
  json: Record<string, unknown> | undefined;
  /** `JSON.stringify(json)` plus a newline, as printed; empty without output. */
  stdout: string;
  exitCode: 0 | 1 | 2;
  /** The runner's stderr line (failures, exit-2 blocks) with its newline; empty otherwise. */
  stderr: string;
  /** The decision telemetry would record: the answer's kind, `none`, `unmatched`, `fail-closed` or `fail-open`. */
  decision: string;
}

/** Options of `runHookInProcess`. */
export interface RunInProcessOptions {
  /** Set in process.env while the handler runs (restored after): HOOKPACK_DEBUG, HOOKPACK_DEADLINE_MS, HOME … */
  env?: NodeJS.ProcessEnv;
  /** The hook's name in failure messages (default `hook`). */
  name?: string;
}

/**
 * Runs a hook's handler on `payload` inside the test process and renders its answer exactly as the
 * runner does (lib/runtime/evaluate.ts): same JSON, same exit code, same failure policy (a throw in
 * a guard fails closed), same deadline. Like the runner it applies the hook's matcher (a payload it
 * does not select gets no answer, decision `unmatched`); unlike it, it checks nothing about the
 * payload and ignores HOOKPACK=0 / toggle files. Because `env` is applied to the global process.env,
 * don't run two of these concurrently with different `env`.
 */
export async function runHookInProcess(
  definition: HookDefinition,
  payload: unknown,
  options: RunInProcessOptions = {},
): Promise<InProcessRun> {
  const name = options.name ?? 'hook';
  const saved = new Map(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]]));
  Object.assign(process.env, options.env);
  try {
    const isObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
    if (isObject && !payloadMatches(definition.event, definition.matcher, payload as Record<string, unknown>)) {
      return { json: undefined, stdout: '', exitCode: 0, stderr: '', decision: 'unmatched' };
    }
    // The runner's budget counts from process start; a test process is long past that, so count from now.
    const deadline = Date.now() + (hookDeadline(definition.timeout, process.env) - performance.timeOrigin);
    const evaluation = await evaluateHook(definition, name, payload, deadline, isDebug(process.env));
    const { json, exitCode, stderr } = evaluation.outcome;
    return {
      json,
      stdout: json === undefined ? '' : `${JSON.stringify(json)}\n`,
      exitCode,
      stderr: stderr === undefined ? '' : `${stderr}\n`,
      decision: evaluation.decision,
    };
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
