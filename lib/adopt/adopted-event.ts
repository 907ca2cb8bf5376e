import { join } from 'node:path';
import type { HookWorld } from '../define.ts';
import { isKnownEvent } from '../events.ts';
import { isDebug } from '../runtime/debug.ts';
import { HookError, oneLine } from '../runtime/errors.ts';
import { failed } from '../runtime/evaluate.ts';
import {
  activeHooks,
  failEvery,
  holdsGuard,
  outcomeOf,
  type NamedPolicy,
  runLines,
} from '../runtime/lifecycle-steps.ts';
import { timedOutResult } from '../run/run.ts';
import { payloadMatches } from '../runtime/matcher.ts';
import { mergeEvaluations } from '../runtime/merge.ts';
import type { Evaluation, Outcome } from '../runtime/outcome.ts';
import { effectivePolicy } from '../runtime/policy.ts';
import { ignoreSwitches } from '../runtime/project-env.ts';
import { type RunFields, recordRuns } from '../runtime/telemetry.ts';
import { readResult, type Reading } from './outcome.ts';
import { brokenBundle, evaluateOwnHooks, type LoadedOwn } from './own-hooks.ts';
import { breakerName, runAdoptedHook, type SpawnWorld } from './spawn.ts';
import { readTable, tableFileName, type AdoptedHook, type AdoptedTable, type OwnBundle } from './table.ts';

export const USAGE = 'usage: node adopt.cjs <settings file name> <Event> [<hook>] (written by `hookpack adopt`)';
/** What the runner keeps back from the entry's timeout to merge, print and exit before Claude Code kills it. */
const EXIT_MARGIN_MS = 1_000;

/**
 * Where one adopted-hooks call runs: in the runner's own process (runner.ts: process.env, its cwd,
 * its start) or in the warm daemon (lib/daemon/adopted.ts: the client's environment, working
 * directory and start, never the daemon's).
 */
export interface AdoptedWorld {
  /** The call's environment. Switches are read from it; a guard's project-set switches are removed from it. */
  env: NodeJS.ProcessEnv;
  /** When the call started (epoch ms): Claude Code's timer started then. */
  startMs: number;
  /** How the adopted commands are started: their environment and working directory. */
  spawn: SpawnWorld;
  /** What the project's own hooks see of cwd, env and home through their context. */
  hookWorld: HookWorld;
  /** The project's own bundles of this event, loaded (own-hooks.ts loadOwnHooks, or the daemon's cache of them). */
  loadOwn(bundles: OwnBundle[], runnerDir: string, event: string): LoadedOwn;
  /** The guard switches of `env` a project's settings set (lib/runtime/project-env.ts). */
  projectSwitches(env: NodeJS.ProcessEnv): Map<string, string>;
  /** Fields every telemetry line of the call carries (`transport: 'warm'` in the daemon). */
  telemetry?: { transport?: 'warm' };
  /**
   * Sets the `ms` of an answer not timed by its command's own run (an own hook's, a failure's):
   * the runner's process counts from its start (lib/runtime/clock.ts), a process serving many
   * calls from the call's.
   */
  timed?: (evaluation: Evaluation) => Evaluation;
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

/** The children's environment: NODE_EXTRA_CA_CERTS as the client had it (the entry's `env -u` only spares node's start). */
function caCerts(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const saved = env.HOOKPACK_EXTRA_CA_CERTS;
  return { HOOKPACK_EXTRA_CA_CERTS: undefined, ...(saved ? { NODE_EXTRA_CA_CERTS: saved } : {}) };
}

/** One adopted-hooks entry of an event, ready for its payload. */
export interface AdoptedEvent {
  event: string;
  /** When the entry must have answered (epoch ms): its timeout from the call's start, less the exit margin. */
  deadline: number;
  /** Every hook failing by its own policy (a payload that can't be read): guards block, the others are skipped. */
  failAll(error: unknown): Evaluation[];
  /** Picks the hooks that match the payload (throws on a matcher that does not compile). */
  select(payload: Record<string, unknown>): void;
  /**
   * Starts the selected hooks: all of their answers once settled, in the merge order (own hooks
   * in declared order, then adopted ones in the settings file's); undefined when none matches.
   */
  start(): Promise<Evaluation[]> | undefined;
  /** Every hook's answer now: the settled ones as they are, the others failed by their policies with `error`. */
  pending(error: unknown): Evaluation[];
  /** At the deadline: the hooks still running count as timed out, the own ones failed by their policies. */
  late(): Evaluation[];
  /** The merged answer of `evaluations` for the payload selected (none yet: an empty one). */
  outcome(evaluations: Evaluation[]): Outcome;
  /** One telemetry line per hook; `stats`: the call's own counters, where the process serves many calls. */
  record(evaluations: Evaluation[], stats?: RunFields['stats']): void;
  /** The names of the circuit breakers of the adopted commands started (spawn.ts breakerName). */
  breakerNames(): Set<string>;
}

/** Why the entry can't run (the runner says it and exits 1), that nothing is to run, or the entry. */
export type Prepared = { refused: string } | { nothing: true } | AdoptedEvent;

/**
 * Reads one runner entry (`<settings file name> <Event> [<hook>]`) against its table next to the
 * runner: the event's adopted commands (or the one hook of an entry of its own, for a hook with
 * `if`), and the project's own bundles folded into it, with switches and toggles applied.
 */
export function prepareAdoptedEvent(argv: readonly string[], runnerDir: string, world: AdoptedWorld): Prepared {
  const { env } = world;
  const [settingsFile, event, only] = argv;
  if (
    settingsFile === undefined ||
    event === undefined ||
    argv.length > 3 ||
    !/^[A-Za-z0-9._-]+$/.test(settingsFile) ||
    !isKnownEvent(event)
  )
    return { refused: USAGE };
  const tablePath = join(runnerDir, tableFileName(settingsFile));
  let table: AdoptedTable;
  try {
    table = readTable(tablePath);
  } catch (error) {
    return { refused: (error as Error).message };
  }
  const hooks = table.hooks.filter((h) => h.event === event && (only === undefined ? h.own !== true : h.name === only));
  const bundles = only === undefined ? (table.bundles ?? []).filter((b) => b.event === event) : [];
  // adopt writes an entry only for hooks it put in the table: an entry with none there has a stale
  // table (or one a merge lost rows of), and must fail (a guard's entry then blocks), not pass.
  if (hooks.length === 0 && bundles.length === 0)
    return {
      refused: `${tablePath} lists no ${only ?? event} hook for this entry, so it does not match the settings: run \`hookpack adopt\` again`,
    };
  const own = world.loadOwn(bundles, runnerDir, event);
  const adopted = hooks.map(asStep(event));
  const guarded = holdsGuard(adopted) || bundles.some((b) => b.failClosed) || holdsGuard(own.hooks);
  // A project's settings env may not switch a guard off (project-env.ts), but the children still
  // get the full env: the switches are read from a copy without those, made only when there are any.
  const switches = guarded && world.projectSwitches(env).size > 0 ? { ...env } : env;
  const dropProjectSwitches = (copy: NodeJS.ProcessEnv) => {
    for (const name of world.projectSwitches(env).keys()) delete copy[name];
  };
  const active = activeHooks(event, adopted, switches, dropProjectSwitches);
  const activeOwn = activeHooks(event, own.hooks, switches, dropProjectSwitches);
  if (active.length === 0 && activeOwn.length === 0 && own.broken.length === 0) return { nothing: true };
  // As an event bundle does: a guard of ours reads no directory a project's settings pointed it at.
  if (holdsGuard(activeOwn)) ignoreSwitches(env, world.projectSwitches(env));
  const debug = isDebug(env);
  const entrySeconds = Math.max(0, ...hooks.map((h) => Math.ceil(h.timeout) + 2), ...bundles.map((b) => b.timeout));
  // HOOKPACK_DEADLINE_MS (the warm client's fallback after a wait passes on what is left of
  // Claude Code's timeout) can only bring the deadline closer: a guard still running then counts as
  // timed out and blocks before Claude Code gives up on the entry, which would let the call through.
  const budget = Number(env.HOOKPACK_DEADLINE_MS);
  const deadline = Math.min(
    world.startMs + entrySeconds * 1000 - EXIT_MARGIN_MS,
    budget > 0 ? world.startMs + budget : Number.POSITIVE_INFINITY,
  );
  const broken = own.broken.map(({ bundle, error }) => brokenBundle(bundle, event, error));

  const timed = world.timed ?? ((evaluation: Evaluation) => evaluation);
  let payload: Record<string, unknown> = {};
  let running: Adopted[] = [];
  let ownResults: ReturnType<typeof evaluateOwnHooks> | undefined;
  let ownNow: Array<Evaluation | undefined> = [];
  const settled = new Map<string, Evaluation>();
  // Each hook runs under its policy for the payload (policy.ts), as hooksToRun applies it; not
  // through hooksToRun, whose copy of each entry cost the runner's start 0.1 % of its instructions.
  const policyOf = ({ hook }: Adopted) => effectivePolicy(hook, payload);
  const reading = (entry: Adopted): Reading => ({
    name: entry.name,
    event,
    guard: policyOf(entry).onError === 'block',
    timeout: entry.adopted.timeout,
  });
  const ownPending = (error: unknown) =>
    (ownResults ?? activeOwn.map((own) => ({ own }))).map(
      ({ own: { name, hook } }, i) => ownNow[i] ?? timed(failed(effectivePolicy(hook, payload), name, error, debug)),
    );
  // The last resort if something outlives every child's own timeout: the hooks still pending count as timed out.
  const timedOut = (entry: Adopted) =>
    readResult(reading(entry), { kind: 'ran', result: timedOutResult(Date.now() - world.startMs) });

  const select = (read: Record<string, unknown>) => {
    payload = read;
    // Claude Code runs one command string once, however many matching groups hold it (hooks-protocol §8).
    const seen = new Set<string>();
    running = active.filter(({ adopted }) => {
      const key = JSON.stringify([adopted.command, adopted.args ?? null]);
      if (seen.has(key) || !payloadMatches(event, adopted.matcher, payload)) return false;
      seen.add(key);
      return true;
    });
  };
  const start = (): Promise<Evaluation[]> | undefined => {
    const results = evaluateOwnHooks(activeOwn, event, payload, debug, env, world.startMs, world.hookWorld).map(
      ({ own, result }) => ({ own, result: result instanceof Promise ? result.then(timed) : timed(result) }),
    );
    ownResults = results;
    if (running.length === 0 && results.length === 0 && broken.length === 0) return undefined;
    ownNow = results.map(({ result }) => (result instanceof Promise ? undefined : result));
    results.forEach(({ result }, i) => {
      if (result instanceof Promise) void result.then((done) => (ownNow[i] = done));
    });
    const input = `${JSON.stringify(payload)}\n`;
    const spawn: SpawnWorld = { ...world.spawn, env: { ...world.spawn.env, ...caCerts(env) }, deadline };
    const adoptedResults = running.map(async (entry) => {
      const evaluation = readResult(reading(entry), await runAdoptedHook(entry.adopted, input, tablePath, spawn));
      settled.set(entry.name, evaluation);
      return evaluation;
    });
    return Promise.all([Promise.all(results.map(({ result }) => result)), Promise.all(adoptedResults)]).then(
      ([mine, theirs]) => [...broken, ...mine, ...theirs],
    );
  };

  return {
    event,
    deadline,
    failAll: (error) => [
      ...broken,
      ...failEvery(activeOwn, error, debug).map(timed),
      ...failEvery(active, error, debug).map(timed),
    ],
    select,
    start,
    pending: (error) => [
      ...broken,
      ...ownPending(error),
      ...running.map((entry) => settled.get(entry.name) ?? timed(failed(policyOf(entry), entry.name, error, debug))),
    ],
    late: () => {
      // Made only if the deadline comes: an Error captures a stack, which every start would pay for.
      const late = new HookError('E_HANDLER_TIMEOUT', 'still running when the adopted-hooks entry had to answer');
      return [...broken, ...ownPending(late), ...running.map((h) => settled.get(h.name) ?? timedOut(h))];
    },
    // Installed with `|| exit 2` when it holds a guard: then it never exits 1 on purpose.
    outcome: (evaluations) => outcomeOf(mergeEvaluations, event, payload, evaluations, guarded),
    record: (evaluations, stats) =>
      recordRuns(runLines(event, evaluations, undefined, { ...world.telemetry, ...(stats ? { stats } : {}) }), env),
    breakerNames: () => new Set(running.map((entry) => breakerName(entry.adopted, tablePath))),
  };
}

/** The payload checks of the runner beyond JSON: one object, of the entry's event. Throws HookError. */
export function checkAdoptedPayload(event: string, read: unknown): Record<string, unknown> {
  if (typeof read !== 'object' || read === null || Array.isArray(read))
    throw new HookError('E_PAYLOAD_SHAPE', 'stdin holds no JSON object, but Claude Code sends one');
  const got = (read as Record<string, unknown>).hook_event_name;
  if (got !== event)
    throw new HookError(
      'E_PAYLOAD_EVENT',
      `this entry runs ${event} hooks but received a ${oneLine(String(got), 60)} payload`,
    );
  return read as Record<string, unknown>;
}
