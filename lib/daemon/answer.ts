import type { HookWorld } from '../define.ts';
import { hookDeadline } from '../runtime/deadline.ts';
import { isDebug } from '../runtime/debug.ts';
import { homeDir } from '../runtime/home-dir.ts';
import {
  activeHooks,
  checkPayload,
  evaluateHooks,
  failEvery,
  holdsGuard,
  hooksToRun,
  outcomeOf,
  passThrough,
  runLines,
  unmatched,
} from '../runtime/lifecycle-steps.ts';
import { mergeEvaluations } from '../runtime/merge.ts';
import type { Evaluation } from '../runtime/outcome.ts';
import { projectSetSwitchesAt } from '../runtime/project-env.ts';
import { recordRuns } from '../runtime/telemetry.ts';
import type { Loaded } from './bundles.ts';
import { otherStateDir, parsePayload, replyOf, silent, timedFrom } from './reply.ts';
import type { Call, Reply } from './wire.ts';

/** The answer to send, or why the client should run the bundle itself (it then answers exactly as today). */
export type Answered = { reply: Reply } | { fallback: string };

/**
 * One call, through the steps lib/runtime/lifecycle.ts runs in a process of its own
 * (lib/runtime/lifecycle-steps.ts), with this call's world:
 * the client's environment, working directory and home reach the handlers through their context
 * (never process.env or process.cwd(), which are the daemon's), switches and toggles are read now,
 * each hook runs under its own deadline and policy. Where the process would do something this
 * process can't do the same way, the call goes back to the client (`fallback`).
 */
export function answerCall(call: Call, bundle: Loaded, servedHome: string): Answered | Promise<Answered> {
  const { event, hooks, validate, single, stamp } = bundle;
  const env: NodeJS.ProcessEnv = { ...call.env };
  const guarded = holdsGuard(hooks);
  // A project's settings may not switch a guard off or move its state (project-env.ts).
  const active = activeHooks(event, hooks, env, (env) => {
    for (const name of projectSetSwitchesAt(env, call.cwd).keys()) delete env[name];
  });
  // Toggles, caches, breakers and telemetry live in one state directory: this daemon's.
  const elsewhere = otherStateDir(env, servedHome);
  if (elsewhere !== undefined) return elsewhere;
  if (active.length === 0) return silent(stamp);
  const debug = isDebug(env);
  const world: HookWorld = { cwd: () => call.cwd, env, home: () => homeDir(env) };
  const startMs = call.startMs;
  const timed = timedFrom(startMs);

  let payload: Record<string, unknown> = {};
  const finish = (evaluations: Evaluation[]): Answered => {
    const outcome = outcomeOf(single ? passThrough : mergeEvaluations, event, payload, evaluations, guarded);
    recordRuns(runLines(event, evaluations, single ? outcome.exitCode : undefined, { transport: 'warm' }), env);
    return { reply: replyOf(outcome, stamp) };
  };

  const parsed = parsePayload(call);
  if ('fallback' in parsed) return parsed;
  const { read } = parsed;
  try {
    checkPayload(event, read, validate);
    payload = read;
  } catch (error) {
    return finish(failEvery(active, error, debug).map(timed));
  }
  const running = hooksToRun(event, active, payload);
  if (single && running.length === 0) return finish(unmatched(active).map(timed));
  const evaluations = evaluateHooks(running, payload, {
    deadline: ({ hook }) => hookDeadline(hook.timeout, env, startMs),
    debug,
    world,
    settle: timed,
  });
  return evaluations instanceof Promise ? evaluations.then(finish) : finish(evaluations);
}
