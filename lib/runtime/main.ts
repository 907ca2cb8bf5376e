import type { HookDefinition } from '../define.ts';
import { sinceStartMs } from './clock.ts';
import { isDebug } from './debug.ts';
import { handOver } from './embed.ts';
import { HookError, oneLine } from './errors.ts';
import { hookDeadline } from './deadline.ts';
import { evaluateHook, failed, type Evaluation } from './evaluate.ts';
import { payloadMatches } from './matcher.ts';
import { ignoreProjectSwitches } from './project-env.ts';
import { effectivePolicy } from './policy.ts';
import { exitNow, forGuardedCommand, printOutcome, protectStdout } from './protocol.ts';
import { readPayload } from './stdin.ts';
import { disarmStartupGuard } from './startup.ts';
import { skipReason } from './switches.ts';
import { recordRun } from './telemetry.ts';

/** Checks a payload against the hook's event schema: undefined when valid, else `path: expected X, got Y`. */
export type Validate = (payload: unknown) => string | undefined;

export interface RunMeta {
  /** The hook's name: its file name in hooks/ without `.ts`. */
  name: string;
  /** Generated at build time from lib/schemas for the hook's event. */
  validate: Validate;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Validates a payload for `event`: an object, of that event, matching its schema. Throws HookError. */
export function checkPayload(event: string, payload: unknown, validate: Validate): asserts payload is Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new HookError('E_PAYLOAD_SHAPE', `stdin holds ${describe(payload)}, but Claude Code sends one JSON object`);
  }
  const got = (payload as { hook_event_name?: unknown }).hook_event_name;
  if (typeof got !== 'string') {
    throw new HookError('E_PAYLOAD_SCHEMA', `hook_event_name: expected string, got ${got === undefined ? 'nothing' : describe(got).replace(/^an? /, '')}`);
  }
  if (got !== event) {
    throw new HookError('E_PAYLOAD_EVENT', `this hook handles ${event} but received a ${oneLine(got, 60)} payload; wire it under "${event}" in settings.json`);
  }
  const problem = validate(payload);
  if (problem !== undefined) {
    throw new HookError('E_PAYLOAD_SCHEMA', `the ${event} payload does not match its schema: ${problem}`);
  }
}

/** Whether this hook is switched off; a broken switch never switches a hook off. */
export function isSkipped(name: string, failClosed: boolean, env: NodeJS.ProcessEnv, event?: string): boolean {
  try {
    return skipReason(name, failClosed, env, event) !== undefined;
  } catch {
    return false;
  }
}

/** The error for a handler that ended the process itself, bypassing the answer. */
export function exitedEarly(code: number | undefined): HookError {
  return new HookError('E_HANDLER_EXIT', `the handler called process.exit(${code ?? ''}) before answering; return an answer instead`);
}

/**
 * Runs one hook invocation end to end: switches, read and check stdin, run the handler under
 * its deadline, print one JSON object or nothing, record telemetry, exit. Every way out goes
 * through `finish`, exactly once.
 */
export function runHook(hook: HookDefinition, meta: RunMeta): void {
  // Loaded by `hookpack adopt`'s runner: its process runs this hook with the adopted ones.
  if (handOver({ event: hook.event, hooks: [{ name: meta.name, hook }], validate: meta.validate })) return;
  const env = process.env;
  const failClosed = hook.onError === 'block';
  // Installed with `|| exit 2`: never exit 1 on purpose (protocol.ts, forGuardedCommand).
  const settle = (outcome: Evaluation['outcome']) => (failClosed ? forGuardedCommand(outcome) : outcome);
  // A project's Claude Code settings can set hook env vars: a guard ignores its switches there.
  if (failClosed) ignoreProjectSwitches(env);
  if (isSkipped(meta.name, failClosed, env, hook.event)) process.exit(0);
  const debug = isDebug(env);
  protectStdout();

  let finished = false;
  const finish = (evaluation: Evaluation): void => {
    if (finished) return;
    finished = true;
    const exitCode = printOutcome(settle(evaluation.outcome));
    recordRun({ hook: meta.name, event: hook.event, exit: exitCode, decision: evaluation.decision, error: evaluation.error, ms: evaluation.ms }, env);
    exitNow(exitCode, evaluation.timedOut === true, evaluation.outcome.json !== undefined);
  };
  let policy = hook;
  const fail = (error: unknown) => finish(failed(policy, meta.name, error, debug));
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  disarmStartupGuard();
  // A handler (or a library) calling process.exit must not skip the answer or the policy.
  process.on('exit', (code) => {
    if (finished) return;
    const evaluation = failed(policy, meta.name, exitedEarly(code), debug);
    finished = true;
    const exitCode = printOutcome(settle(evaluation.outcome));
    recordRun({ hook: meta.name, event: hook.event, exit: exitCode, decision: evaluation.decision, error: evaluation.error }, env);
    process.exitCode = exitCode;
  });

  const deadline = hookDeadline(hook.timeout, env);
  let payload: unknown;
  try {
    payload = readPayload(deadline);
    checkPayload(hook.event, payload, meta.validate);
  } catch (error) {
    return fail(error);
  }
  if (!payloadMatches(hook.event, hook.matcher, payload)) {
    return finish({ name: meta.name, outcome: { exitCode: 0 }, decision: 'unmatched', ms: sinceStartMs() });
  }
  policy = effectivePolicy(hook, payload);
  const evaluation = evaluateHook(policy, meta.name, payload, deadline, debug);
  if (evaluation instanceof Promise) evaluation.then(finish, fail);
  else finish(evaluation);
}
