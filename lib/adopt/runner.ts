import { join } from 'node:path';
import { isKnownEvent } from '../events.ts';
import { processStartMs } from '../runtime/clock.ts';
import { HookError, oneLine } from '../runtime/errors.ts';
import type { Evaluation } from '../runtime/evaluate.ts';
import { isSkipped } from '../runtime/main.ts';
import { payloadMatches } from '../runtime/matcher.ts';
import { mergeEvaluations } from '../runtime/merge.ts';
import { effectivePolicy, failureAnswer } from '../runtime/policy.ts';
import { withoutProjectSwitches } from '../runtime/project-env.ts';
import { exitNow, forGuardedCommand, printOutcome, protectStdout } from '../runtime/protocol.ts';
import { readPayload } from '../runtime/stdin.ts';
import { recordRuns } from '../runtime/telemetry.ts';
import { readResult, type Reading } from './outcome.ts';
import { runAdoptedHook } from './spawn.ts';
import { readTable, tableFileName, type AdoptedHook } from './table.ts';

const USAGE = 'usage: node adopt.cjs <settings file name> <Event> [<hook>] (written by `hookpack adopt`)';
/** What the runner keeps back from the entry's timeout to merge, print and exit before Claude Code kills it. */
const EXIT_MARGIN_MS = 1_000;

/** Leaves with one line on stderr and exit 1: the entry's `|| exit 2` turns it into a block when it holds a guard. */
function giveUp(message: string): never {
  process.stderr.write(`hookpack adopt: ${oneLine(message, 600)}\n`);
  process.exit(1);
}

/** The child's environment: NODE_EXTRA_CA_CERTS as the client had it (the entry's `env -u` only spares node's start). */
function childEnv(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const saved = env.HOOKPACK_EXTRA_CA_CERTS;
  return { HOOKPACK_EXTRA_CA_CERTS: undefined, ...(saved ? { NODE_EXTRA_CA_CERTS: saved } : {}) };
}

/**
 * The adopted runner: one process per event runs that event's adopted settings-file commands
 * concurrently, as Claude Code would, each under its own timeout, output cap and breaker, reads
 * each result by Claude Code's protocol (outcome.ts), merges the answers as an event bundle does
 * (merge.ts) in the settings file's order, prints one JSON object or nothing, records one
 * telemetry line per hook, and exits. `argv`: the settings file's name (its table sits next to
 * this file), the event, and optionally one hook (an entry of its own, for a hook with `if`).
 */
export function runAdopted(argv: string[], runnerDir: string): void {
  const env = process.env;
  const [settingsFile, event, only] = argv;
  if (settingsFile === undefined || event === undefined || !/^[A-Za-z0-9._-]+$/.test(settingsFile) || !isKnownEvent(event)) giveUp(USAGE);
  const tablePath = join(runnerDir, tableFileName(settingsFile));
  let hooks: AdoptedHook[];
  try {
    hooks = readTable(tablePath).hooks.filter((h) => h.event === event && (only === undefined ? h.own !== true : h.name === only));
  } catch (error) {
    return giveUp((error as Error).message);
  }
  const guarded = hooks.some((h) => h.guard);
  // A project's settings env may not switch a guard off (project-env.ts); the children still get the full env.
  const guardEnv = guarded ? withoutProjectSwitches(env) : env;
  const active = hooks.filter((h) => !isSkipped(h.name, h.guard, h.guard ? guardEnv : env, event));
  if (active.length === 0) process.exit(0);
  protectStdout();

  const entryMs = (Math.ceil(Math.max(...hooks.map((h) => h.timeout))) + 2) * 1000;
  const deadline = processStartMs() + entryMs - EXIT_MARGIN_MS;
  let payload: Record<string, unknown> = {};
  let finished = false;
  const finish = (evaluations: Evaluation[]): never | void => {
    if (finished) return;
    finished = true;
    const merged = mergeEvaluations(event, payload, evaluations);
    const outcome = guarded ? forGuardedCommand(merged) : merged;
    const exitCode = printOutcome(outcome);
    recordRuns(evaluations.map((e) => ({ hook: e.name, event, exit: e.outcome.exitCode, decision: e.decision, error: e.error, ms: e.ms })), env);
    exitNow(exitCode, false, outcome.json !== undefined);
  };
  const policyOf = (hook: AdoptedHook) => effectivePolicy({ event, onError: hook.guard ? ('block' as const) : ('allow' as const) }, payload);
  const reading = (hook: AdoptedHook): Reading => ({ name: hook.name, event, guard: policyOf(hook).onError === 'block', timeout: hook.timeout });

  try {
    const read = readPayload(deadline);
    if (typeof read !== 'object' || read === null || Array.isArray(read)) throw new HookError('E_PAYLOAD_SHAPE', 'stdin holds no JSON object, but Claude Code sends one');
    const got = (read as Record<string, unknown>).hook_event_name;
    if (got !== event) throw new HookError('E_PAYLOAD_EVENT', `this entry runs ${event} hooks but received a ${oneLine(String(got), 60)} payload`);
    payload = read as Record<string, unknown>;
  } catch (error) {
    // Every hook of the entry fails by its own policy: guards block, the others are skipped.
    return finish(active.map((h) => ({ name: h.name, outcome: failureAnswer({ event, onError: h.guard ? 'block' : 'allow' }, h.name, error), decision: h.guard ? 'fail-closed' : 'fail-open', error: error instanceof HookError ? error.code : 'E_STDIN_READ', ms: 0 })));
  }

  // Claude Code runs one command string once, however many matching groups hold it (hooks-protocol §8).
  const seen = new Set<string>();
  const running = active.filter((h) => {
    const key = JSON.stringify([h.command, h.args ?? null]);
    if (seen.has(key) || !payloadMatches(event, h.matcher, payload)) return false;
    seen.add(key);
    return true;
  });
  if (running.length === 0) process.exit(0);
  const input = `${JSON.stringify(payload)}\n`;
  const children = childEnv(env);
  const settled = new Map<string, Evaluation>();
  // The last resort if something outlives every child's own timeout: the hooks still pending count as timed out.
  setTimeout(
    () => finish(running.map((h) => settled.get(h.name) ?? readResult(reading(h), { kind: 'ran', result: { stdout: '', stderr: '', exitCode: null, signal: null, timedOut: true, aborted: false, truncated: false, durationMs: Date.now() - processStartMs() } }))),
    Math.max(0, deadline - Date.now()),
  ).unref();
  void Promise.all(
    running.map(async (hook) => {
      const evaluation = readResult(reading(hook), await runAdoptedHook(hook, input, tablePath, children));
      settled.set(hook.name, evaluation);
      return evaluation;
    }),
  ).then(finish);
}
