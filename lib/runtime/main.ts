import type { HookContext, HookDefinition } from '../define.ts';
import { isDebug } from './debug.ts';
import { HookError, oneLine } from './errors.ts';
import { hookDeadline } from './deadline.ts';
import { payloadMatches } from './matcher.ts';
import { writeAll } from './output.ts';
import { errorCode, failureAnswer, type Outcome } from './policy.ts';
import { renderAnswer } from './render.ts';
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

/**
 * Validates the payload for `hook`; returns false when the hook's matcher does not select it
 * (a hook wired under a broader matcher than it declares then stays silent).
 */
export function checkPayload(hook: HookDefinition, payload: unknown, validate: Validate): payload is Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new HookError('E_PAYLOAD_SHAPE', `stdin holds ${describe(payload)}, but Claude Code sends one JSON object`);
  }
  const event = (payload as { hook_event_name?: unknown }).hook_event_name;
  if (typeof event !== 'string') {
    throw new HookError('E_PAYLOAD_SCHEMA', `hook_event_name: expected string, got ${event === undefined ? 'nothing' : describe(event).replace(/^an? /, '')}`);
  }
  if (event !== hook.event) {
    throw new HookError('E_PAYLOAD_EVENT', `this hook handles ${hook.event} but received a ${oneLine(event, 60)} payload; wire it under "${hook.event}" in settings.json`);
  }
  const problem = validate(payload);
  if (problem !== undefined) {
    throw new HookError('E_PAYLOAD_SCHEMA', `the ${event} payload does not match its schema: ${problem}`);
  }
  return payloadMatches(event, hook.matcher, payload as Record<string, unknown>);
}

function makeContext(name: string, deadline: number, debug: boolean): HookContext & { abort(): void } {
  let controller: AbortController | undefined;
  return {
    name,
    deadline,
    // Created on first use: most handlers never touch it, and every hook pays for what it loads.
    get signal() {
      controller ??= new AbortController();
      return controller.signal;
    },
    remainingMs: () => Math.max(0, deadline - Date.now()),
    debug: debug ? (message) => writeAll(2, `hookpack ${name}: ${oneLine(message, 2000)}\n`) : () => {},
    abort: () => controller?.abort(new HookError('E_HANDLER_TIMEOUT', 'deadline passed')),
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** The decision a telemetry line records for an answer. */
function decisionOf(value: unknown): string {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' ? kind : 'none';
}

/**
 * Runs one hook invocation end to end: switches, read and check stdin, run the handler under
 * its deadline, print one JSON object or nothing, record telemetry, exit. Every way out goes
 * through `finish`.
 */
export function runHook(hook: HookDefinition, meta: RunMeta): void {
  const env = process.env;
  const skipped = skipReason(meta.name, hook.onError === 'block', env);
  if (skipped !== undefined) process.exit(0);

  const debug = isDebug(env);
  // stdout is the protocol: a stray console.log in a handler must not corrupt the answer.
  console.log = console.info = console.debug = console.error;

  let finished = false;
  const finish = (outcome: Outcome, decision: string, error?: unknown): void => {
    if (finished) return;
    finished = true;
    if (outcome.json !== undefined) writeAll(1, `${JSON.stringify(outcome.json)}\n`);
    if (outcome.stderr !== undefined) writeAll(2, `${outcome.stderr}\n`);
    recordRun({ hook: meta.name, event: hook.event, exit: outcome.exitCode, decision, error: error === undefined ? undefined : errorCode(error) }, env);
    process.exit(outcome.exitCode);
  };
  const fail = (error: unknown): void => {
    if (debug) writeAll(2, `hookpack ${meta.name}: ${errorCode(error)}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    finish(failureAnswer(hook, meta.name, error), hook.onError === 'block' ? 'fail-closed' : 'fail-open', error);
  };
  const answer = (value: unknown): void => {
    try {
      finish(renderAnswer(hook.event, value), decisionOf(value));
    } catch (error) {
      fail(error);
    }
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);

  const deadline = hookDeadline(hook.timeout, env);
  try {
    const payload = readPayload(deadline);
    if (!checkPayload(hook, payload, meta.validate)) return finish({ exitCode: 0 }, 'unmatched');
    const context = makeContext(meta.name, deadline, debug);
    const result = hook.run(payload as never, context);
    if (!isThenable(result)) return answer(result);

    const timer = setTimeout(() => {
      context.abort();
      fail(new HookError('E_HANDLER_TIMEOUT', `the handler did not answer within its deadline (${Math.round(deadline - performance.timeOrigin)} ms after start); make it faster or raise \`timeout\``));
    }, Math.max(0, deadline - Date.now()));
    result.then(
      (value) => {
        clearTimeout(timer);
        answer(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        fail(error);
      },
    );
  } catch (error) {
    fail(error);
  }
}
