import type { HookDefinition } from '../define.ts';
import { sinceStartMs } from './clock.ts';
import { isDebug } from './debug.ts';
import { HookError, oneLine } from './errors.ts';
import { hookDeadline } from './deadline.ts';
import { evaluateHook, failed, type Evaluation } from './evaluate.ts';
import { payloadMatches } from './matcher.ts';
import { writeAll } from './output.ts';
import { readPayload } from './stdin.ts';
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

/** Prints an evaluation, records it, and exits with its code. */
export function finish(event: string, evaluation: Evaluation, env: NodeJS.ProcessEnv = process.env): never {
  const { outcome } = evaluation;
  if (outcome.json !== undefined) writeAll(1, `${JSON.stringify(outcome.json)}\n`);
  if (outcome.stderr !== undefined) writeAll(2, `${outcome.stderr}\n`);
  recordRun({ hook: evaluation.name, event, exit: outcome.exitCode, decision: evaluation.decision, error: evaluation.error }, env);
  process.exit(outcome.exitCode);
}

/**
 * Runs one hook invocation end to end: switches, read and check stdin, run the handler under
 * its deadline, print one JSON object or nothing, record telemetry, exit.
 */
export function runHook(hook: HookDefinition, meta: RunMeta): void {
  const env = process.env;
  if (skipReason(meta.name, hook.onError === 'block', env) !== undefined) process.exit(0);
  const debug = isDebug(env);
  // stdout is the protocol: a stray console.log in a handler must not corrupt the answer.
  console.log = console.info = console.debug = console.error;
  const fail = (error: unknown) => finish(hook.event, failed(hook, meta.name, error, debug), env);
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);

  const deadline = hookDeadline(hook.timeout, env);
  let payload: unknown;
  try {
    payload = readPayload(deadline);
    checkPayload(hook.event, payload, meta.validate);
  } catch (error) {
    return fail(error);
  }
  if (!payloadMatches(hook.event, hook.matcher, payload)) {
    return finish(hook.event, { name: meta.name, outcome: { exitCode: 0 }, decision: 'unmatched', ms: sinceStartMs() }, env);
  }
  const evaluation = evaluateHook(hook, meta.name, payload, deadline, debug);
  if (evaluation instanceof Promise) evaluation.then((done) => finish(hook.event, done, env), fail);
  else finish(hook.event, evaluation, env);
}
