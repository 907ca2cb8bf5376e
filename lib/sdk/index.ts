/**
 * `hookpack/sdk`: the same hooks as Agent SDK callbacks. `toAgentSdkHooks([...])` returns the
 * `hooks` option of `@anthropic-ai/claude-agent-sdk`'s `query()`, so one hook file serves the
 * Claude Code CLI (as a bundle) and an SDK-hosted agent (in-process) with the same validation,
 * matcher, failure policy, merge and answers: each event's callback runs what an event bundle
 * runs (the steps of lib/runtime/lifecycle.ts, in lib/runtime/lifecycle-steps.ts), with the
 * session's world instead of the process's.
 */
import type { HookDefinition, HookWorld } from '../define.ts';
import { isHookDefinition } from '../define.ts';
import { sinceStartMs } from '../runtime/clock.ts';
import { hookDeadline } from '../runtime/deadline.ts';
import { isDebug } from '../runtime/debug.ts';
import { homeDir } from '../runtime/home-dir.ts';
import {
  checkPayload,
  evaluateHooks,
  failEvery,
  hooksToRun,
  outcomeOf,
  passThrough,
  runLines,
} from '../runtime/lifecycle-steps.ts';
import { unionMatcher } from '../runtime/matcher.ts';
import { mergeEvaluations } from '../runtime/merge.ts';
import type { Evaluation } from '../runtime/outcome.ts';
import { recordRuns } from '../runtime/telemetry.ts';
import { parsePayload } from '../schemas/parse.ts';
import { abortableBy } from './abort.ts';
import { toSdkOutput } from './output.ts';
import type { AgentSdkHookCallback, AgentSdkHookCallbackMatcher, AgentSdkHookInput, AgentSdkHooks } from './types.ts';

export type {
  AgentSdkHookCallback,
  AgentSdkHookCallbackMatcher,
  AgentSdkHookInput,
  AgentSdkHookOutput,
  AgentSdkHooks,
  AgentSdkHookSpecificOutput,
  AgentSdkPermissionUpdate,
} from './types.ts';
export { toSdkOutput } from './output.ts';

/** A hook and the name its failures, merged answers and telemetry go by (a bundle names it after its file). */
export interface NamedHook {
  name: string;
  hook: HookDefinition;
}

/** What `toAgentSdkHooks` takes: `defineHook` results, named or not (unnamed ones are `hook-1`, `hook-2`… by position). */
export type AgentSdkHookEntry = HookDefinition | NamedHook;

/** The session the callbacks serve: what handlers get as `ctx.cwd`, `ctx.env` and `ctx.home`. */
export interface AgentSdkHookOptions {
  /** The project directory (pass `query()`'s `cwd`). Default: each payload's `cwd`. Handlers read it as `ctx.cwd` and `ctx.env.CLAUDE_PROJECT_DIR`. */
  cwd?: string;
  /** The environment handlers read as `ctx.env` (pass `query()`'s `env`). Default: a copy of `process.env` taken now. */
  env?: Readonly<Record<string, string | undefined>>;
  /** `ctx.home`. Default: `HOME` of `env`, else the passwd entry. */
  home?: string;
}

function named(entries: readonly AgentSdkHookEntry[]): NamedHook[] {
  if (!Array.isArray(entries))
    throw new TypeError(
      'toAgentSdkHooks takes an array of hooks: toAgentSdkHooks([bashGuard, { name: "my-hook", hook }])',
    );
  const list = entries.map((entry, index): NamedHook => {
    if (isHookDefinition(entry)) return { name: `hook-${index + 1}`, hook: entry };
    const candidate = entry as Partial<NamedHook> | undefined;
    if (typeof candidate?.name === 'string' && candidate.name !== '' && isHookDefinition(candidate.hook))
      return { name: candidate.name, hook: candidate.hook };
    throw new TypeError(`toAgentSdkHooks: entry ${index + 1} is neither a defineHook() result nor { name, hook }`);
  });
  const seen = new Set<string>();
  for (const { name } of list) {
    if (seen.has(name))
      throw new TypeError(
        `toAgentSdkHooks: two hooks are named '${name}'; names label merged answers and telemetry, so they must differ`,
      );
    seen.add(name);
  }
  return list;
}

/** The payload check a bundle runs, with the zod schemas the generated validators are made from (lib/schemas). */
function validate(payload: unknown): string | undefined {
  const result = parsePayload(payload);
  return result.ok ? undefined : result.error;
}

function worldFor(
  input: AgentSdkHookInput,
  options: AgentSdkHookOptions,
  baseEnv: Readonly<Record<string, string | undefined>>,
): HookWorld {
  const project = options.cwd ?? (typeof input.cwd === 'string' ? input.cwd : '');
  // Claude Code sets CLAUDE_PROJECT_DIR for every hook it runs; an in-process callback gets it here.
  const env = project === '' ? baseEnv : { ...baseEnv, CLAUDE_PROJECT_DIR: project };
  let home = options.home;
  return { cwd: () => project, env, home: () => (home ??= homeDir(env as NodeJS.ProcessEnv)) };
}

/** One event's callback: what an event bundle does with one payload, answering in JSON. */
function eventCallback(
  event: string,
  hooks: NamedHook[],
  options: AgentSdkHookOptions,
  baseEnv: Readonly<Record<string, string | undefined>>,
): AgentSdkHookCallback {
  const single = hooks.length === 1;
  return async (input, _toolUseID, sdk) => {
    const started = sinceStartMs();
    const world = worldFor(input, options, baseEnv);
    const env = world.env as NodeJS.ProcessEnv;
    const debug = isDebug(env);
    let evaluations: Evaluation[];
    let payload: Record<string, unknown> = {};
    try {
      checkPayload(event, input, validate);
      payload = input as Record<string, unknown>;
      // The SDK's signal reaches each handler; the budget counts from now: the callback starts when the client asks.
      const running = hooksToRun(event, hooks, payload).map((entry) => ({
        ...entry,
        hook: abortableBy(entry.hook, sdk?.signal),
      }));
      evaluations = await evaluateHooks(running, payload, {
        deadline: ({ hook }) => hookDeadline(hook.timeout, env, Date.now()),
        debug,
        world,
      });
    } catch (error) {
      // A payload the event's schema rejects fails every hook of the event by its own policy, as in a bundle.
      evaluations = failEvery(hooks, error, debug);
    }
    if (evaluations.length === 0) return {};
    // No `|| exit 2` command to answer for here (outcomeOf's `guarded`): the callback's result is the answer.
    const outcome = outcomeOf(single ? passThrough : mergeEvaluations, event, payload, evaluations, false);
    const project = world.cwd() || undefined;
    const shifted = evaluations.map((e) => ({ ...e, ms: Math.max(0, e.ms - started) }));
    recordRuns(runLines(event, shifted, undefined, { transport: 'sdk', project }), env);
    return toSdkOutput(event, outcome);
  };
}

/**
 * The `hooks` option of the Agent SDK's `query()` for these hooks: one matcher per event, whose
 * callback runs the event's hooks as an event bundle does. The client's matcher is the union of
 * the hooks' matchers (each hook re-applies its own); its timeout the longest hook's; and an
 * event with a fail-closed hook asks the client to block if the callback itself ever fails
 * (`onFailure: 'block'`), so a guard never fails open, even on a bug of ours.
 *
 *     import { query } from '@anthropic-ai/claude-agent-sdk';
 *     import bashGuard from 'hookpack/hooks/bash-guard';
 *     import { toAgentSdkHooks } from 'hookpack/sdk';
 *     query({ prompt, options: { cwd, hooks: toAgentSdkHooks([{ name: 'bash-guard', hook: bashGuard }], { cwd }) } });
 */
export function toAgentSdkHooks(
  entries: readonly AgentSdkHookEntry[],
  options: AgentSdkHookOptions = {},
): AgentSdkHooks {
  const hooks = named(entries);
  const baseEnv = Object.freeze({ ...(options.env ?? process.env) });
  const byEvent = new Map<string, NamedHook[]>();
  // Declared order within an event is `order`, then the name: the order updatedInput rewrites apply in, as in a bundle.
  const sorted = [...hooks].sort(
    (a, b) => a.hook.order - b.hook.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  for (const entry of sorted) byEvent.set(entry.hook.event, [...(byEvent.get(entry.hook.event) ?? []), entry]);
  const result: Record<string, AgentSdkHookCallbackMatcher[]> = {};
  for (const [event, eventHooks] of byEvent) {
    const matcher = unionMatcher(eventHooks.map(({ hook }) => hook.matcher));
    const guarded = eventHooks.some(({ hook }) => hook.onError === 'block');
    result[event] = [
      {
        ...(matcher === null ? {} : { matcher }),
        hooks: [eventCallback(event, eventHooks, options, baseEnv)],
        timeout: Math.max(...eventHooks.map(({ hook }) => hook.timeout)),
        ...(guarded ? { onFailure: 'block' as const } : {}),
      },
    ];
  }
  return result as AgentSdkHooks;
}
