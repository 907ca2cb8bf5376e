import type { HookDefinition } from '../define.ts';
import { isDebug } from './debug.ts';
import { hookDeadline } from './deadline.ts';
import { evaluateHook, failed, type Evaluation } from './evaluate.ts';
import { checkPayload, type Validate } from './main.ts';
import { payloadMatches } from './matcher.ts';
import { mergeEvaluations } from './merge.ts';
import { writeAll } from './output.ts';
import { readPayload } from './stdin.ts';
import { skipReason } from './switches.ts';
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
 * rules, prints one JSON object or nothing, and records one telemetry line per hook.
 */
export function runEvent(event: string, hooks: BundledHook[], meta: { validate: Validate }): void {
  const env = process.env;
  const active = hooks.filter(({ name, hook }) => skipReason(name, hook.onError === 'block', env) === undefined);
  if (active.length === 0) process.exit(0);
  const debug = isDebug(env);
  console.log = console.info = console.debug = console.error;

  let done = false;
  const finish = (evaluations: Evaluation[], payload: Record<string, unknown>) => {
    if (done) return;
    done = true;
    const outcome = mergeEvaluations(event, payload, evaluations);
    if (outcome.json !== undefined) writeAll(1, `${JSON.stringify(outcome.json)}\n`);
    if (outcome.stderr !== undefined) writeAll(2, `${outcome.stderr}\n`);
    recordRuns(
      evaluations.map((e) => ({ hook: e.name, event, exit: e.outcome.exitCode, decision: e.decision, error: e.error, ms: e.ms })),
      env,
    );
    process.exit(outcome.exitCode);
  };
  // A failure nobody can attribute (a bad payload, a stray exception) fails every hook by its own policy.
  const failAll = (error: unknown) => finish(active.map(({ name, hook }) => failed(hook, name, error, debug)), {});
  process.on('uncaughtException', failAll);
  process.on('unhandledRejection', failAll);

  const deadlines = new Map(active.map(({ name, hook }) => [name, hookDeadline(hook.timeout, env)]));
  let payload: unknown;
  try {
    payload = readPayload(Math.max(...deadlines.values()));
    checkPayload(event, payload, meta.validate);
  } catch (error) {
    return failAll(error);
  }
  const checked = payload;
  const results = active
    .filter(({ hook }) => payloadMatches(event, hook.matcher, checked))
    .map(({ name, hook }) => evaluateHook(hook, name, checked, deadlines.get(name) as number, debug));
  if (results.every((r) => !(r instanceof Promise))) return finish(results as Evaluation[], checked);
  Promise.all(results).then((evaluations) => finish(evaluations, checked), failAll);
}
