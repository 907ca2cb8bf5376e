/**
 * The lifecycle's steps that touch no process: which hooks are on, whether the payload is one of
 * the event's, which hooks it selects, their evaluations, the one outcome and its telemetry lines.
 * A bundle's process runs them between stdin and exit (lifecycle.ts); the warm daemon
 * (lib/daemon/answer.ts) and the Agent SDK adapter (lib/sdk/) run the same steps in-process with
 * a session's world, and answer without printing or exiting. The adopted-hooks runner
 * (lib/adopt/runner.ts) switches, fails, combines and records its settings-file commands with
 * them too, beside the project's own hooks.
 */
import type { HookDefinition, HookWorld } from '../define.ts';
import { sinceStartMs } from './clock.ts';
import { HookError, oneLine } from './errors.ts';
import { evaluateHook, failed } from './evaluate.ts';
import { payloadMatches } from './matcher.ts';
import type { Evaluation, Outcome } from './outcome.ts';
import { effectivePolicy } from './policy.ts';
import { forGuardedCommand } from './protocol.ts';
import { isSkipped } from './switches.ts';
import type { RunFields } from './telemetry.ts';

/** Checks a payload against the hook's event schema: undefined when valid, else `path: expected X, got Y`. */
export type Validate = (payload: unknown) => string | undefined;

/** One hook inside a bundle, in declared order. */
export interface BundledHook {
  name: string;
  hook: HookDefinition;
}

/**
 * What the steps that switch hooks off or fail them read of a hook: its name, its event and its
 * policy (a guard fails closed). The adopted-hooks runner (lib/adopt/) passes its settings-file
 * commands through those steps this way: they have no handler to evaluate.
 */
export interface NamedPolicy {
  name: string;
  hook: Pick<HookDefinition, 'event' | 'onError'>;
}

/** How a bundle turns its hooks' evaluations of one payload into the one outcome it prints. */
export type Combine = (event: string, payload: Record<string, unknown>, evaluations: Evaluation[]) => Outcome;

/** A hook's own bundle passes its one answer through as rendered: nothing to merge it with. */
export const passThrough: Combine = (_event, _payload, [only]) => only?.outcome ?? { exitCode: 0 };

/** Whether the hooks hold a guard (a fail-closed hook): then project-set switches are ignored, and exit 1 never leaves. */
export const holdsGuard = (hooks: NamedPolicy[]): boolean => hooks.some(({ hook }) => hook.onError === 'block');

/**
 * The hooks still on (switches.ts). A fail-open hook is off as `env` has it; a guard only by the
 * switches left after `dropProjectSwitches` removed from `env` those a project's settings set
 * (project-env.ts): a cloned repository must not switch a guard off.
 */
export function activeHooks<H extends NamedPolicy>(
  event: string,
  hooks: H[],
  env: NodeJS.ProcessEnv,
  dropProjectSwitches: (env: NodeJS.ProcessEnv) => void,
): H[] {
  const off = hooks.filter(({ name, hook }) => hook.onError !== 'block' && isSkipped(name, false, env, event));
  if (holdsGuard(hooks)) dropProjectSwitches(env);
  return hooks.filter((entry) =>
    entry.hook.onError === 'block' ? !isSkipped(entry.name, true, env, event) : !off.includes(entry),
  );
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

/** Every hook failed by its own policy: the payload could not be read or checked. */
export const failEvery = (hooks: NamedPolicy[], error: unknown, debug: boolean): Evaluation[] =>
  hooks.map(({ name, hook }) => failed(hook, name, error, debug));

/** The hooks whose matcher selects the payload (matcher.ts), each under its policy for it (policy.ts). */
export const hooksToRun = (event: string, hooks: BundledHook[], payload: Record<string, unknown>): BundledHook[] =>
  hooks
    .filter(({ hook }) => payloadMatches(event, hook.matcher, payload))
    .map((entry) => ({ ...entry, hook: effectivePolicy(entry.hook, payload) }));

/** A hook's own bundle whose matcher skips the payload still ran: its telemetry says `unmatched`. */
export const unmatched = (hooks: BundledHook[]): Evaluation[] =>
  hooks.map(({ name }) => ({ name, outcome: { exitCode: 0 }, decision: 'unmatched', ms: sinceStartMs() }));

export interface EvaluateOptions {
  /** When this hook must have answered, as epoch ms (deadline.ts). */
  deadline: (entry: BundledHook) => number;
  debug: boolean;
  /** What the handlers' contexts give of cwd, env and home; default: this process's (evaluate.ts). */
  world?: HookWorld;
  /** Called on each evaluation as it settles, in place of it: a record of it, or its timing. */
  settle?: (evaluation: Evaluation) => Evaluation;
}

/**
 * Runs the hooks on a checked payload concurrently, each under its own deadline and policy
 * (evaluate.ts). All synchronous answers come back synchronously: the common guard path needs no
 * event-loop turn.
 */
export function evaluateHooks(
  running: BundledHook[],
  payload: Record<string, unknown>,
  { deadline, debug, world, settle = (evaluation) => evaluation }: EvaluateOptions,
): Evaluation[] | Promise<Evaluation[]> {
  const results = running.map((entry) => {
    const result = evaluateHook(entry.hook, entry.name, payload, deadline(entry), debug, world);
    return result instanceof Promise ? result.then(settle) : settle(result);
  });
  return results.every((r) => !(r instanceof Promise)) ? (results as Evaluation[]) : Promise.all(results);
}

/** The one outcome of a run: the answers combined, and for a guard's command (`|| exit 2`) never exit 1 (protocol.ts). */
export function outcomeOf(
  combine: Combine,
  event: string,
  payload: Record<string, unknown>,
  evaluations: Evaluation[],
  guarded: boolean,
): Outcome {
  const combined = combine(event, payload, evaluations);
  return guarded ? forGuardedCommand(combined) : combined;
}

/**
 * One telemetry line per hook that ran (telemetry.ts). A hook's own bundle records the exit code
 * its run ended with (`exit`), an event bundle each hook's own.
 */
export const runLines = (
  event: string,
  evaluations: Evaluation[],
  exit?: number,
  fields?: Pick<RunFields, 'transport' | 'project' | 'stats'>,
): RunFields[] =>
  evaluations.map((e) => ({
    hook: e.name,
    event,
    exit: exit ?? e.outcome.exitCode,
    decision: e.decision,
    error: e.error,
    ms: e.ms,
    ...fields,
  }));
