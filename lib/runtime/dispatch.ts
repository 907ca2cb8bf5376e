import type { HookDefinition } from '../define.ts';
import { isDebug } from './debug.ts';
import { handOver } from './embed.ts';
import { hookDeadline } from './deadline.ts';
import { evaluateHook, failed, type Evaluation } from './evaluate.ts';
import { checkPayload, exitedEarly, isSkipped, type Validate } from './main.ts';
import { payloadMatches } from './matcher.ts';
import { mergeEvaluations } from './merge.ts';
import { effectivePolicy } from './policy.ts';
import { ignoreProjectSwitches, withoutProjectSwitches } from './project-env.ts';
import { exitNow, forGuardedCommand, printOutcome, protectStdout } from './protocol.ts';
import { readPayload } from './stdin.ts';
import { disarmStartupGuard } from './startup.ts';
import { recordRuns } from './telemetry.ts';

/** One hook inside an event bundle, in declared order. */
export interface BundledHook {
  name: string;
  hook: HookDefinition;
}

/**
 * The entry of an event bundle (`dist/on-<Event>.cjs`): one process for every hook of an event.
 * Reads and checks the payload once, applies each hook's own matcher and switches, runs the
 * matching handlers concurrently (each under its own deadline and failure policy, so one slow
 * or crashing hook can't take the others' answers down), merges their answers by Claude Code's
 * rules, prints one JSON object or nothing, and records one telemetry line per hook that ran.
 */
export function runEvent(event: string, hooks: BundledHook[], meta: { validate: Validate }): void {
  // Loaded by `hookpack adopt`'s runner: its process runs these hooks with the adopted ones.
  if (handOver({ event, hooks, validate: meta.validate })) return;
  const env = process.env;
  // A project's Claude Code settings can set hook env vars: guards ignore the switches set there
  // (fail-open hooks may still be switched off by them), and the directories too once a guard runs.
  const guardEnv = hooks.some(({ hook }) => hook.onError === 'block') ? withoutProjectSwitches(env) : env;
  const active = hooks.filter(({ name, hook }) => (hook.onError === 'block' ? !isSkipped(name, true, guardEnv, event) : !isSkipped(name, false, env, event)));
  if (active.length === 0) process.exit(0);
  if (active.some(({ hook }) => hook.onError === 'block')) ignoreProjectSwitches(env);
  const debug = isDebug(env);
  protectStdout();

  // What each running hook has settled to so far: a stray error later fails only the others.
  let running: BundledHook[] = active;
  const settled = new Map<string, Evaluation>();
  let payload: Record<string, unknown> = {};
  let finished = false;
  const conclude = (error: unknown) => running.map(({ name, hook }) => settled.get(name) ?? failed(hook, name, error, debug));
  // Installed with `|| exit 2` when it holds a guard: then it never exits 1 on purpose (forGuardedCommand).
  const guarded = hooks.some(({ hook }) => hook.onError === 'block');
  const write = (evaluations: Evaluation[]) => {
    const mergedRaw = mergeEvaluations(event, payload, evaluations);
    const merged = guarded ? forGuardedCommand(mergedRaw) : mergedRaw;
    // A blocking answer that could not be written turns into exit 2 (printOutcome).
    const outcome = { ...merged, exitCode: printOutcome(merged) };
    recordRuns(evaluations.map((e) => ({ hook: e.name, event, exit: e.outcome.exitCode, decision: e.decision, error: e.error, ms: e.ms })), env);
    return outcome;
  };
  const finish = (evaluations: Evaluation[]) => {
    if (finished) return;
    finished = true;
    const outcome = write(evaluations);
    exitNow(outcome.exitCode, evaluations.some((e) => e.timedOut), outcome.json !== undefined);
  };
  // An error nobody can attribute (a stray rejection, a throwing timer) fails the hooks still
  // pending by their own policies; answers already given stand.
  const failPending = (error: unknown) => finish(conclude(error));
  process.on('uncaughtException', failPending);
  process.on('unhandledRejection', failPending);
  disarmStartupGuard();
  process.on('exit', (code) => {
    if (finished) return;
    finished = true;
    process.exitCode = write(conclude(exitedEarly(code))).exitCode;
  });

  const deadlines = new Map(active.map(({ name, hook }) => [name, hookDeadline(hook.timeout, env)]));
  try {
    const read = readPayload(Math.max(...deadlines.values()));
    checkPayload(event, read, meta.validate);
    payload = read;
  } catch (error) {
    return failPending(error);
  }
  running = active.filter(({ hook }) => payloadMatches(event, hook.matcher, payload)).map((entry) => ({ ...entry, hook: effectivePolicy(entry.hook, payload) }));
  const results = running.map(({ name, hook }) => {
    const result = evaluateHook(hook, name, payload, deadlines.get(name) as number, debug);
    if (result instanceof Promise) void result.then((done) => settled.set(name, done));
    else settled.set(name, result);
    return result;
  });
  if (results.every((r) => !(r instanceof Promise))) return finish(results as Evaluation[]);
  Promise.all(results).then(finish, failPending);
}
