import { join } from 'node:path';
import { isKnownEvent } from '../events.ts';
import { processStartMs } from '../runtime/clock.ts';
import { isDebug } from '../runtime/debug.ts';
import { HookError, oneLine } from '../runtime/errors.ts';
import { failed } from '../runtime/evaluate.ts';
import { exitedEarly } from '../runtime/lifecycle.ts';
import {
  activeHooks,
  failEvery,
  holdsGuard,
  outcomeOf,
  type NamedPolicy,
  runLines,
} from '../runtime/lifecycle-steps.ts';
import { payloadMatches } from '../runtime/matcher.ts';
import { mergeEvaluations } from '../runtime/merge.ts';
import type { Evaluation } from '../runtime/outcome.ts';
import { effectivePolicy } from '../runtime/policy.ts';
import { ignoreProjectSwitches, projectSetSwitches } from '../runtime/project-env.ts';
import { exitNow, printOutcome, protectStdout } from '../runtime/protocol.ts';
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

/**
 * An adopted command as the lifecycle's steps see a hook (lifecycle-steps.ts): its name and its
 * policy (a guard fails closed). It has no handler: spawn.ts runs it.
 */
interface Adopted extends NamedPolicy {
  adopted: AdoptedHook;
}

const asStep =
  (event: string) =>
  (adopted: AdoptedHook): Adopted => ({
    name: adopted.name,
    hook: { event, onError: adopted.guard ? 'block' : 'allow' },
    adopted,
  });

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
  const adopted = hooks.map(asStep(event));
  const guarded = holdsGuard(adopted) || bundles.some((b) => b.failClosed) || holdsGuard(own.hooks);
  // A project's settings env may not switch a guard off (project-env.ts), but the children still
  // get the full env: the switches are read from a copy without those, made only when there are any.
  const switches = guarded && projectSetSwitches(env).size > 0 ? { ...env } : env;
  const dropProjectSwitches = (copy: NodeJS.ProcessEnv) => {
    for (const name of projectSetSwitches(env).keys()) delete copy[name];
  };
  const active = activeHooks(event, adopted, switches, dropProjectSwitches);
  const activeOwn = activeHooks(event, own.hooks, switches, dropProjectSwitches);
  if (active.length === 0 && activeOwn.length === 0 && own.broken.length === 0) process.exit(0);
  // As an event bundle does: a guard of ours reads no directory a project's settings pointed it at.
  if (holdsGuard(activeOwn)) ignoreProjectSwitches(env);
  const debug = isDebug(env);

  const entrySeconds = Math.max(0, ...hooks.map((h) => Math.ceil(h.timeout) + 2), ...bundles.map((b) => b.timeout));
  const deadline = processStartMs() + entrySeconds * 1000 - EXIT_MARGIN_MS;
  let payload: Record<string, unknown> = {};
  let finished = false;
  const answer = (evaluations: Evaluation[]) => {
    finished = true;
    // Installed with `|| exit 2` when it holds a guard: then it never exits 1 on purpose.
    const outcome = outcomeOf(mergeEvaluations, event, payload, evaluations, guarded);
    const exitCode = printOutcome(outcome);
    recordRuns(runLines(event, evaluations), env);
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
  // Each hook runs under its policy for the payload (policy.ts), as hooksToRun applies it; not
  // through hooksToRun, whose copy of each entry cost the runner's start 0.1 % of its instructions.
  const policyOf = ({ hook }: Adopted) => effectivePolicy(hook, payload);
  const reading = (entry: Adopted): Reading => ({
    name: entry.name,
    event,
    guard: policyOf(entry).onError === 'block',
    timeout: entry.adopted.timeout,
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
    return finish([...broken, ...failEvery(activeOwn, error, debug), ...failEvery(active, error, debug)]);
  }

  // Claude Code runs one command string once, however many matching groups hold it (hooks-protocol §8).
  const seen = new Set<string>();
  const running = active.filter(({ adopted }) => {
    const key = JSON.stringify([adopted.command, adopted.args ?? null]);
    if (seen.has(key) || !payloadMatches(event, adopted.matcher, payload)) return false;
    seen.add(key);
    return true;
  });
  const settled = new Map<string, Evaluation>();
  // As an event bundle does (lifecycle.ts): an own hook calling process.exit, or an error nobody
  // can attribute, fails the hooks still pending by their own policies, so an adopted guard still
  // running then blocks instead of the process ending with no answer (which lets the call through).
  let ownResults: ReturnType<typeof evaluateOwnHooks> | undefined;
  let ownNow: Array<Evaluation | undefined> = [];
  const pendingNow = (error: unknown): Evaluation[] => [
    ...broken,
    ...(ownResults === undefined ? activeOwn.map((own) => ({ own, result: undefined })) : ownResults).map(
      ({ own: { name, hook } }, i) => ownNow[i] ?? failed(effectivePolicy(hook, payload), name, error, debug),
    ),
    ...running.map((entry) => settled.get(entry.name) ?? failed(policyOf(entry), entry.name, error, debug)),
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
  const timedOut = (entry: Adopted) =>
    readResult(reading(entry), {
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
  setTimeout(
    () => {
      // Made only if the deadline comes: an Error captures a stack, which every start would pay for.
      const late = new HookError('E_HANDLER_TIMEOUT', 'still running when the adopted-hooks entry had to answer');
      finish([
        ...broken,
        ...(ownResults ?? []).map(
          ({ own: { name, hook } }, i) => ownNow[i] ?? failed(effectivePolicy(hook, payload), name, late, debug),
        ),
        ...running.map((h) => settled.get(h.name) ?? timedOut(h)),
      ]);
    },
    Math.max(0, deadline - Date.now()),
  ).unref();
  const adoptedResults = running.map(async (entry) => {
    const evaluation = readResult(reading(entry), await runAdoptedHook(entry.adopted, input, tablePath, children));
    settled.set(entry.name, evaluation);
    return evaluation;
  });
  void Promise.all([Promise.all(ownResults.map(({ result }) => result)), Promise.all(adoptedResults)]).then(
    ([mine, adopted]) => finish([...broken, ...mine, ...adopted]),
  );
}
