import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkAdoptedPayload, prepareAdoptedEvent, type AdoptedWorld } from '../adopt/adopted-event.ts';
import type { LoadedOwn } from '../adopt/own-hooks.ts';
import { RUNNER_FILE, type OwnBundle } from '../adopt/table.ts';
import { homeDir } from '../runtime/home-dir.ts';
import type { Evaluation } from '../runtime/outcome.ts';
import { projectSetSwitchesAt } from '../runtime/project-env.ts';
import { takeBreakerNotes } from '../runtime/stats.ts';
import type { Answered } from './answer.ts';
import { type Bundles, stampOf } from './bundles.ts';
import { otherStateDir, parsePayload, replyOf, silent, timedFrom } from './reply.ts';
import type { Call } from './wire.ts';

/**
 * Whether the runner a call names is byte for byte this daemon's own (dist/adopt.cjs beside
 * dist/daemon.cjs): the daemon runs its own copy of the runner's code (lib/adopt/adopted-event.ts),
 * so a runner of another hookpack version (adopted before an upgrade) is the client's to run.
 * Remembered per version of the file, as the client stamps it.
 */
export class RunnerCheck {
  private readonly known = new Map<string, boolean>();
  private own: Buffer | undefined;

  constructor(private readonly ownRunner: string) {}

  sameAsOurs(path: string, stamp: string): boolean {
    const key = `${path}\0${stamp}`;
    const cached = this.known.get(key);
    if (cached !== undefined) return cached;
    let same = false;
    try {
      this.own ??= readFileSync(this.ownRunner);
      same = stampOf(path) === stamp && readFileSync(path).equals(this.own);
    } catch {
      same = false;
    }
    if (this.known.size > 256) this.known.clear();
    this.known.set(key, same);
    return same;
  }
}

/** The daemon's own runner: dist/adopt.cjs next to the daemon's script (dist/daemon.cjs). */
export function ownRunnerPath(daemonScript: string): string {
  return join(dirname(daemonScript), RUNNER_FILE);
}

/**
 * The project's own bundles folded into an adopted-hooks entry, from the daemon's cache of
 * loaded bundles (bundles.ts) instead of a `require` per call: each keeps its module state
 * between calls until its file changes, as a bundle served warm does.
 */
function loadOwnFrom(bundles: Bundles) {
  return (own: OwnBundle[], runnerDir: string, event: string): LoadedOwn => {
    const loaded: LoadedOwn = { hooks: [], broken: [] };
    for (const bundle of own) {
      const path = resolve(runnerDir, bundle.path);
      const got = bundles.get(path, stampOf(path) ?? '');
      if (typeof got === 'string' || got.event !== event) {
        const why =
          typeof got === 'string'
            ? got
            : 'it ran instead of handing its hooks over: not a hookpack bundle of this event (run hookpack build)';
        loaded.broken.push({ bundle, error: new Error(why) });
        continue;
      }
      for (const { name, hook } of got.hooks) loaded.hooks.push({ name, hook, validate: got.validate });
    }
    return loaded;
  };
}

/**
 * One adopted-hooks call (`hookpack adopt`'s runner entry, `hookpack adopt --warm`), answered in
 * the daemon by the runner's own steps (lib/adopt/adopted-event.ts) with the call's world: the
 * adopted commands start with the client's environment, working directory and umask, in sessions
 * of their own, under the same timeouts, caps and breakers; the project's own hooks get the call's
 * cwd, env and home through their context. What the runner's process would refuse or can't be done
 * the same way here goes back to the client (`fallback`), which then runs the runner itself.
 */
export function answerAdoptedCall(
  call: RunnerCall,
  servedHome: string,
  bundles: Bundles,
  signal?: AbortSignal,
): Answered | Promise<Answered> {
  const env: NodeJS.ProcessEnv = { ...call.env };
  // Toggles, breakers and telemetry live in one state directory: this daemon's.
  const elsewhere = otherStateDir(env, servedHome);
  if (elsewhere !== undefined) return elsewhere;
  // What the runner's process refuses or cannot read, it says so itself, word for word.
  const parsed = parsePayload(call);
  if ('fallback' in parsed) return parsed;
  const { read } = parsed;
  let switches: Map<string, string> | undefined;
  const world: AdoptedWorld = {
    env,
    startMs: call.startMs,
    // The same object as `env`: the switches a guard ignores are gone for the children too, as in the process.
    spawn: { env, extendEnv: false, cwd: call.cwd, umask: call.adopted.umask, ...(signal ? { signal } : {}) },
    hookWorld: { cwd: () => call.cwd, env, home: () => homeDir(env) },
    loadOwn: loadOwnFrom(bundles),
    projectSwitches: (of) => (switches ??= projectSetSwitchesAt(of, call.cwd)),
    telemetry: { transport: 'warm' },
    timed: timedFrom(call.startMs),
  };
  const entry = prepareAdoptedEvent(call.adopted.args, dirname(call.bundle), world);
  // The runner's one line and exit 1 (a guard's `|| exit 2` blocks) are its own to print.
  if ('refused' in entry) return { fallback: entry.refused };
  if ('nothing' in entry) return silent(call.stamp);
  // A state directory a project's settings chose is dropped for the project's own guards
  // (project-env.ts): breakers and telemetry then belong in the default one, which the process
  // would use, and which may not be the one this daemon serves.
  const movedByProject = otherStateDir(env, servedHome);
  if (movedByProject !== undefined) return movedByProject;

  const finish = (evaluations: Evaluation[]): Answered => {
    const outcome = entry.outcome(evaluations);
    // The breakers this call consulted, taken out of this process's notes (which serve every call).
    entry.record(evaluations, { cacheHits: 0, cacheMisses: 0, breakers: takeBreakerNotes(entry.breakerNames()) });
    return { reply: replyOf(outcome, call.stamp) };
  };
  let payload: Record<string, unknown>;
  try {
    payload = checkAdoptedPayload(entry.event, read);
  } catch (error) {
    return finish(entry.failAll(error));
  }
  try {
    entry.select(payload);
  } catch (error) {
    // A matcher of a hand-edited table that does not compile: the runner's process says so and exits 1.
    return { fallback: `the table cannot be used: ${(error as Error).message}` };
  }
  const settled = entry.start();
  if (settled === undefined) return silent(call.stamp);
  return new Promise<Answered>((done) => {
    let answered = false;
    const once = (evaluations: () => Evaluation[]) => {
      if (answered) return;
      answered = true;
      done(finish(evaluations()));
    };
    // The last resort, as in the runner's process: what still runs at the deadline counts as timed out.
    const timer = setTimeout(() => once(entry.late), Math.max(0, entry.deadline - Date.now()));
    void settled.then((evaluations) => {
      clearTimeout(timer);
      once(() => evaluations);
    });
  });
}

/** A call for an adopted-hooks runner: `…/hookpack/adopt.cjs` with its arguments. */
export type RunnerCall = Call & { adopted: NonNullable<Call['adopted']> };

/** Whether a call is for an adopted-hooks runner. */
export const isRunnerCall = (call: Call): call is RunnerCall =>
  call.adopted !== undefined && basename(call.bundle) === RUNNER_FILE;
