/**
 * The one lifecycle every bundle runs, top-down: a hook's own bundle (`runHook`, main.ts) is an
 * event bundle of one (`runEvent`, dispatch.ts). One payload, from start to exit:
 *
 *  1. hand the hooks over instead, when `hookpack adopt`'s runner loaded this bundle (embed.ts);
 *  2. drop the hooks switched off (switches.ts), ignoring for guards the switches a project's
 *     settings set (project-env.ts); none left: exit 0 at once;
 *  3. keep stdout for the answer alone (protocol.ts);
 *  4. route every way out through `finish`, exactly once: the end of the run, an error nobody can
 *     attribute (uncaught, unhandled rejection), a handler calling process.exit;
 *  5. read stdin within the deadline and bounds (stdin.ts, deadline.ts) and check the payload
 *     against the event's generated validator;
 *  6. run the hooks whose matcher selects the payload (matcher.ts), concurrently, each under its
 *     own deadline and failure policy (evaluate.ts, policy.ts);
 *  7. `finish`: combine the answers into one (merge.ts, or a single hook's own), print one JSON
 *     object or nothing, record one telemetry line per hook, exit (protocol.ts).
 */
import type { HookDefinition } from '../define.ts';
import { sinceStartMs } from './clock.ts';
import { isDebug } from './debug.ts';
import { hookDeadline } from './deadline.ts';
import { handOver } from './embed.ts';
import { HookError, oneLine } from './errors.ts';
import { evaluateHook, failed } from './evaluate.ts';
import { payloadMatches } from './matcher.ts';
import type { Evaluation, Outcome } from './outcome.ts';
import { effectivePolicy } from './policy.ts';
import { ignoreProjectSwitches } from './project-env.ts';
import { exitNow, forGuardedCommand, printOutcome, protectStdout } from './protocol.ts';
import { readPayload } from './stdin.ts';
import { disarmStartupGuard } from './startup.ts';
import { skipReason } from './switches.ts';
import { recordRuns } from './telemetry.ts';

/** Checks a payload against the hook's event schema: undefined when valid, else `path: expected X, got Y`. */
export type Validate = (payload: unknown) => string | undefined;

/** One hook inside a bundle, in declared order. */
export interface BundledHook {
  name: string;
  hook: HookDefinition;
}

/** How a bundle turns its hooks' evaluations of one payload into the one outcome it prints. */
export type Combine = (event: string, payload: Record<string, unknown>, evaluations: Evaluation[]) => Outcome;

export interface Bundle {
  event: string;
  hooks: BundledHook[];
  /** Generated at build time from lib/schemas for the event. */
  validate: Validate;
  /** Merges answers by Claude Code's rules (event bundles), or passes one hook's answer through as rendered. */
  combine: Combine;
  /**
   * A hook's own bundle: a payload its matcher does not select is recorded (`unmatched`: the
   * process still started), and telemetry records the exit code the process ended with.
   */
  single: boolean;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Validates a payload for `event`: an object, of that event, matching its schema. Throws HookError. */
export function checkPayload(
  event: string,
  payload: unknown,
  validate: Validate,
): asserts payload is Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new HookError('E_PAYLOAD_SHAPE', `stdin holds ${describe(payload)}, but Claude Code sends one JSON object`);
  }
  const got = (payload as { hook_event_name?: unknown }).hook_event_name;
  if (typeof got !== 'string') {
    throw new HookError(
      'E_PAYLOAD_SCHEMA',
      `hook_event_name: expected string, got ${got === undefined ? 'nothing' : describe(got).replace(/^an? /, '')}`,
    );
  }
  if (got !== event) {
    throw new HookError(
      'E_PAYLOAD_EVENT',
      `this hook handles ${event} but received a ${oneLine(got, 60)} payload; wire it under "${event}" in settings.json`,
    );
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
  return new HookError(
    'E_HANDLER_EXIT',
    `the handler called process.exit(${code ?? ''}) before answering; return an answer instead`,
  );
}

/** Runs one bundle's hooks on the payload on stdin, prints the one answer and exits. */
export function runBundle(bundle: Bundle): void {
  const { event, hooks, validate, combine, single } = bundle;
  // 1. Loaded by `hookpack adopt`'s runner: its process runs these hooks with the adopted ones.
  if (handOver({ event, hooks, validate })) return;

  // 2. A project's Claude Code settings can set hook env vars: fail-open hooks may be switched
  // off by them, guards ignore them (and the directories they set) from here on.
  const env = process.env;
  const guarded = hooks.some(({ hook }) => hook.onError === 'block');
  const off = hooks.filter(({ name, hook }) => hook.onError !== 'block' && isSkipped(name, false, env, event));
  if (guarded) ignoreProjectSwitches(env);
  const active = hooks.filter((entry) =>
    entry.hook.onError === 'block' ? !isSkipped(entry.name, true, env, event) : !off.includes(entry),
  );
  if (active.length === 0) process.exit(0);
  const debug = isDebug(env);
  // 3.
  protectStdout();

  // 4. What each running hook has settled to so far: a stray error later fails only the others.
  let running: BundledHook[] = active;
  const settled = new Map<string, Evaluation>();
  let payload: Record<string, unknown> = {};
  let finished = false;
  const conclude = (error: unknown) =>
    running.map(({ name, hook }) => settled.get(name) ?? failed(hook, name, error, debug));
  const answer = (evaluations: Evaluation[]): Outcome => {
    const combined = combine(event, payload, evaluations);
    // Installed with `|| exit 2` when it holds a guard: then it never exits 1 on purpose.
    const outcome = guarded ? forGuardedCommand(combined) : combined;
    // A blocking answer that could not be written turns into exit 2 (printOutcome).
    const exitCode = printOutcome(outcome);
    recordRuns(
      evaluations.map((e) => ({
        hook: e.name,
        event,
        exit: single ? exitCode : e.outcome.exitCode,
        decision: e.decision,
        error: e.error,
        ms: e.ms,
      })),
      env,
    );
    return { ...outcome, exitCode };
  };
  const finish = (evaluations: Evaluation[]): void => {
    if (finished) return;
    finished = true;
    const outcome = answer(evaluations);
    exitNow(
      outcome.exitCode,
      evaluations.some((e) => e.timedOut === true),
      outcome.json !== undefined,
    );
  };
  // An error nobody can attribute (a stray rejection, a throwing timer) fails the hooks still
  // pending by their own policies; answers already given stand.
  const failPending = (error: unknown) => finish(conclude(error));
  process.on('uncaughtException', failPending);
  process.on('unhandledRejection', failPending);
  disarmStartupGuard();
  // A handler (or a library) calling process.exit must not skip the answer or the policy.
  process.on('exit', (code) => {
    if (finished) return;
    finished = true;
    process.exitCode = answer(conclude(exitedEarly(code))).exitCode;
  });

  // 5.
  const deadlines = new Map(active.map(({ name, hook }) => [name, hookDeadline(hook.timeout, env)]));
  try {
    const read = readPayload(Math.max(...deadlines.values()));
    checkPayload(event, read, validate);
    payload = read;
  } catch (error) {
    return failPending(error);
  }

  // 6.
  running = active
    .filter(({ hook }) => payloadMatches(event, hook.matcher, payload))
    .map((entry) => ({ ...entry, hook: effectivePolicy(entry.hook, payload) }));
  if (single && running.length === 0)
    return finish(
      active.map(({ name }) => ({ name, outcome: { exitCode: 0 }, decision: 'unmatched', ms: sinceStartMs() })),
    );
  const results = running.map(({ name, hook }) => {
    const result = evaluateHook(hook, name, payload, deadlines.get(name) as number, debug);
    if (result instanceof Promise) void result.then((done) => settled.set(name, done));
    else settled.set(name, result);
    return result;
  });
  // 7. A synchronous answer needs no event-loop turn (the common guard path).
  if (results.every((r) => !(r instanceof Promise))) return finish(results as Evaluation[]);
  Promise.all(results).then(finish, failPending);
}
