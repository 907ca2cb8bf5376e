import { join } from 'node:path';
import { isKnownEvent } from '../events.ts';
import { processStartMs } from '../runtime/clock.ts';
import { isDebug } from '../runtime/debug.ts';
import { HookError, oneLine } from '../runtime/errors.ts';
import { failed, type Evaluation } from '../runtime/evaluate.ts';
import { exitedEarly, isSkipped } from '../runtime/lifecycle.ts';
import { payloadMatches } from '../runtime/matcher.ts';
import { mergeEvaluations } from '../runtime/merge.ts';
import { effectivePolicy, failureAnswer } from '../runtime/policy.ts';
import { ignoreProjectSwitches, withoutProjectSwitches } from '../runtime/project-env.ts';
import { exitNow, forGuardedCommand, printOutcome, protectStdout } from '../runtime/protocol.ts';
import { readPayload } from '../runtime/stdin.ts';
import { recordRuns } from '../runtime/telemetry.ts';
import { readResult, type Reading } from './outcome.ts';
import { brokenBundle, evaluateOwnHooks, loadOwnHooks } from './own-hooks.ts';
import { runAdoptedHook } from './spawn.ts';
import { readTable, tableFileName, type AdoptedHook, type AdoptedTable } from './table.ts';

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
 * each result by Claude Code's protocol (outcome.ts), runs the project's own hookpack hooks of
 * the event beside them (own-hooks.ts), merges all answers as an event bundle does (merge.ts):
 * own hooks in declared order, then adopted ones in the settings file's order; prints one JSON
 * object or nothing, records one telemetry line per hook, and exits. `argv`: the settings file's
 * name (its table sits next to this file), the event, and optionally one hook (an entry of its
 * own, for a hook with `if`).
 */
export function runAdopted(argv: string[], runnerDir: string): void {
  const env = process.env;
  const [settingsFile, event, only] = argv;
  if (
    settingsFile === undefined ||
    event === undefined ||
    !/^[A-Za-z0-9._-]+$/.test(settingsFile) ||
    !isKnownEvent(event)
  )
    giveUp(USAGE);
  const tablePath = join(runnerDir, tableFileName(settingsFile));
  let table: AdoptedTable;
  try {
    table = readTable(tablePath);
  } catch (error) {
    return giveUp((error as Error).message);
  }
  const hooks = table.hooks.filter((h) => h.event === event && (only === undefined ? h.own !== true : h.name === only));
  const bundles = only === undefined ? (table.bundles ?? []).filter((b) => b.event === event) : [];
  // adopt writes an entry only for hooks it put in the table: an entry with none there has a stale
  // table (or one a merge lost rows of), and must fail (a guard's entry then blocks), not pass.
  if (hooks.length === 0 && bundles.length === 0)
    giveUp(
      `${tablePath} lists no ${only ?? event} hook for this entry, so it does not match the settings: run \`hookpack adopt\` again`,
    );
  // Before the bundles load: a hook module printing at its top level must not put text before the answer.
  protectStdout();
  const own = loadOwnHooks(bundles, runnerDir, event);
  const ownGuard = (h: { hook: { onError: string } }) => h.hook.onError === 'block';
  const guarded = hooks.some((h) => h.guard) || bundles.some((b) => b.failClosed) || own.hooks.some(ownGuard);
  // A project's settings env may not switch a guard off (project-env.ts); the children still get the full env.
  const guardEnv = guarded ? withoutProjectSwitches(env) : env;
  const active = hooks.filter((h) => !isSkipped(h.name, h.guard, h.guard ? guardEnv : env, event));
  const activeOwn = own.hooks.filter((h) => !isSkipped(h.name, ownGuard(h), ownGuard(h) ? guardEnv : env, event));
  if (active.length === 0 && activeOwn.length === 0 && own.broken.length === 0) process.exit(0);
  // As an event bundle does: a guard of ours reads no directory a project's settings pointed it at.
  if (activeOwn.some(ownGuard)) ignoreProjectSwitches(env);
  const debug = isDebug(env);

  const entrySeconds = Math.max(0, ...hooks.map((h) => Math.ceil(h.timeout) + 2), ...bundles.map((b) => b.timeout));
  const deadline = processStartMs() + entrySeconds * 1000 - EXIT_MARGIN_MS;
  let payload: Record<string, unknown> = {};
  let finished = false;
  const answer = (evaluations: Evaluation[]) => {
    finished = true;
    const merged = mergeEvaluations(event, payload, evaluations);
    const outcome = guarded ? forGuardedCommand(merged) : merged;
    const exitCode = printOutcome(outcome);
    recordRuns(
      evaluations.map((e) => ({
        hook: e.name,
        event,
        exit: e.outcome.exitCode,
        decision: e.decision,
        error: e.error,
        ms: e.ms,
      })),
      env,
    );
    return { exitCode, outcome };
  };
  const finish = (evaluations: Evaluation[]): never | void => {
    if (finished) return;
    const { exitCode, outcome } = answer(evaluations);
    exitNow(
      exitCode,
      evaluations.some((e) => e.timedOut === true),
      outcome.json !== undefined,
    );
  };
  const policyOf = (hook: AdoptedHook) =>
    effectivePolicy({ event, onError: hook.guard ? ('block' as const) : ('allow' as const) }, payload);
  const reading = (hook: AdoptedHook): Reading => ({
    name: hook.name,
    event,
    guard: policyOf(hook).onError === 'block',
    timeout: hook.timeout,
  });
  const broken = own.broken.map(({ bundle, error }) => brokenBundle(bundle, event, error));

  try {
    const read = readPayload(deadline);
    if (typeof read !== 'object' || read === null || Array.isArray(read))
      throw new HookError('E_PAYLOAD_SHAPE', 'stdin holds no JSON object, but Claude Code sends one');
    const got = (read as Record<string, unknown>).hook_event_name;
    if (got !== event)
      throw new HookError(
        'E_PAYLOAD_EVENT',
        `this entry runs ${event} hooks but received a ${oneLine(String(got), 60)} payload`,
      );
    payload = read as Record<string, unknown>;
  } catch (error) {
    // Every hook of the entry fails by its own policy: guards block, the others are skipped.
    const code = error instanceof HookError ? error.code : 'E_STDIN_READ';
    const adopted = active.map(
      (h): Evaluation => ({
        name: h.name,
        outcome: failureAnswer({ event, onError: h.guard ? 'block' : 'allow' }, h.name, error),
        decision: h.guard ? 'fail-closed' : 'fail-open',
        error: code,
        ms: 0,
      }),
    );
    return finish([...broken, ...activeOwn.map(({ name, hook }) => failed(hook, name, error, debug)), ...adopted]);
  }

  // Claude Code runs one command string once, however many matching groups hold it (hooks-protocol §8).
  const seen = new Set<string>();
  const running = active.filter((h) => {
    const key = JSON.stringify([h.command, h.args ?? null]);
    if (seen.has(key) || !payloadMatches(event, h.matcher, payload)) return false;
    seen.add(key);
    return true;
  });
  const settled = new Map<string, Evaluation>();
  // As an event bundle does (lifecycle.ts): an own hook calling process.exit, or an error nobody
  // can attribute, fails the hooks still pending by their own policies, so an adopted guard still
  // running then blocks instead of the process ending with no answer (which lets the call through).
  let ownResults: ReturnType<typeof evaluateOwnHooks> | undefined;
  let ownNow: Array<Evaluation | undefined> = [];
  const unfinished = (hook: AdoptedHook, error: unknown): Evaluation => {
    const guard = policyOf(hook).onError === 'block';
    return {
      name: hook.name,
      outcome: failureAnswer({ event, onError: guard ? 'block' : 'allow' }, hook.name, error),
      decision: guard ? 'fail-closed' : 'fail-open',
      error: error instanceof HookError ? error.code : 'E_HANDLER_THREW',
      ms: Date.now() - processStartMs(),
    };
  };
  const pendingNow = (error: unknown): Evaluation[] => [
    ...broken,
    ...(ownResults === undefined ? activeOwn.map((own) => ({ own, result: undefined })) : ownResults).map(
      ({ own: { name, hook } }, i) => ownNow[i] ?? failed(effectivePolicy(hook, payload), name, error, debug),
    ),
    ...running.map((h) => settled.get(h.name) ?? unfinished(h, error)),
  ];
  const failPending = (error: unknown) => finish(pendingNow(error));
  process.on('uncaughtException', failPending);
  process.on('unhandledRejection', failPending);
  process.on('exit', (code) => {
    if (finished) return;
    process.exitCode = answer(pendingNow(exitedEarly(code))).exitCode;
  });
  ownResults = evaluateOwnHooks(activeOwn, event, payload, debug, env);
  if (running.length === 0 && ownResults.length === 0 && broken.length === 0) {
    finished = true;
    process.exit(0);
  }
  const input = `${JSON.stringify(payload)}\n`;
  const children = childEnv(env);
  // The last resort if something outlives every child's own timeout: the hooks still pending count as timed out.
  const timedOut = (hook: AdoptedHook) =>
    readResult(reading(hook), {
      kind: 'ran',
      result: {
        stdout: '',
        stderr: '',
        exitCode: null,
        signal: null,
        timedOut: true,
        aborted: false,
        truncated: false,
        durationMs: Date.now() - processStartMs(),
      },
    });
  ownNow = ownResults.map(({ result }) => (result instanceof Promise ? undefined : result));
  ownResults.forEach(({ result }, i) => {
    if (result instanceof Promise) void result.then((done) => (ownNow[i] = done));
  });
  const late = new HookError('E_HANDLER_TIMEOUT', 'still running when the adopted-hooks entry had to answer');
  setTimeout(
    () =>
      finish([
        ...broken,
        ...(ownResults ?? []).map(
          ({ own: { name, hook } }, i) => ownNow[i] ?? failed(effectivePolicy(hook, payload), name, late, debug),
        ),
        ...running.map((h) => settled.get(h.name) ?? timedOut(h)),
      ]),
    Math.max(0, deadline - Date.now()),
  ).unref();
  const adoptedResults = running.map(async (hook) => {
    const evaluation = readResult(reading(hook), await runAdoptedHook(hook, input, tablePath, children));
    settled.set(hook.name, evaluation);
    return evaluation;
  });
  void Promise.all([Promise.all(ownResults.map(({ result }) => result)), Promise.all(adoptedResults)]).then(
    ([mine, adopted]) => finish([...broken, ...mine, ...adopted]),
  );
}
