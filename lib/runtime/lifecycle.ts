/**
 * The one lifecycle every bundle runs, top-down: a hook's own bundle (`runHook`, main.ts) is an
 * event bundle of one (`runEvent`, dispatch.ts). The steps that touch no process live in
 * lifecycle-steps.ts, which the warm daemon and the Agent SDK adapter run too; this file is what
 * only a process does around them: stdin, stdout, the ways out, exit. One payload, from start to exit:
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
import { isDebug } from './debug.ts';
import { hookDeadline } from './deadline.ts';
import { handOver } from './embed.ts';
import { HookError } from './errors.ts';
import { failed } from './evaluate.ts';
import {
  activeHooks,
  type BundledHook,
  type Combine,
  checkPayload,
  evaluateHooks,
  holdsGuard,
  hooksToRun,
  outcomeOf,
  runLines,
  unmatched,
  type Validate,
} from './lifecycle-steps.ts';
import type { Evaluation, Outcome } from './outcome.ts';
import { ignoreProjectSwitches } from './project-env.ts';
import { exitNow, printOutcome, protectStdout } from './protocol.ts';
import { readPayload } from './stdin.ts';
import { disarmStartupGuard } from './startup.ts';
import { recordRuns } from './telemetry.ts';

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
  const guarded = holdsGuard(hooks);
  const active = activeHooks(event, hooks, env, ignoreProjectSwitches);
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
    // Installed with `|| exit 2` when it holds a guard: then it never exits 1 on purpose.
    const outcome = outcomeOf(combine, event, payload, evaluations, guarded);
    // A blocking answer that could not be written turns into exit 2 (printOutcome).
    const exitCode = printOutcome(outcome);
    recordRuns(runLines(event, evaluations, single ? exitCode : undefined), env);
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
  running = hooksToRun(event, active, payload);
  if (single && running.length === 0) return finish(unmatched(active));
  const evaluations = evaluateHooks(running, payload, {
    deadline: ({ name }) => deadlines.get(name) as number,
    debug,
    settle: (evaluation) => {
      settled.set(evaluation.name, evaluation);
      return evaluation;
    },
  });
  // 7. A synchronous answer needs no event-loop turn (the common guard path).
  if (!(evaluations instanceof Promise)) return finish(evaluations);
  evaluations.then(finish, failPending);
}
