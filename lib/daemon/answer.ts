import { resolve } from 'node:path';
import type { HookWorld } from '../define.ts';
import { hookpackHomePath } from '../home.ts';
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
import { MAX_PAYLOAD_BYTES } from '../runtime/stdin.ts';
import { recordRuns } from '../runtime/telemetry.ts';
import { blockingReason } from '../runtime/undelivered.ts';
import type { Loaded } from './bundles.ts';
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
  // Toggles, caches, breakers and telemetry live in one state directory: this daemon's. A call
  // that means another one is the bundle's to answer.
  // Compared resolved: the client spells it as it found it (`$HOME/` with a trailing slash…).
  if (resolve(hookpackHomePath(env)) !== resolve(servedHome))
    return { fallback: `the call's state directory is ${hookpackHomePath(env)}, this daemon serves ${servedHome}` };
  if (active.length === 0) return { reply: { exitCode: 0, stamp, blockReason: '', stdout: '', stderr: '' } };
  const debug = isDebug(env);
  const world: HookWorld = { cwd: () => call.cwd, env, home: () => homeDir(env) };
  const startMs = call.startMs;
  // Timed from the client's start, as the process times from its own.
  const timed = (e: Evaluation): Evaluation => ({ ...e, ms: Math.round((Date.now() - startMs) * 100) / 100 });

  let payload: Record<string, unknown> = {};
  const finish = (evaluations: Evaluation[]): Answered => {
    const outcome = outcomeOf(single ? passThrough : mergeEvaluations, event, payload, evaluations, guarded);
    const stdout = outcome.json === undefined ? '' : `${JSON.stringify(outcome.json)}\n`;
    const blockReason =
      outcome.json === undefined ? '' : (blockingReason(outcome.json)?.replace(/\s*[\r\n]+\s*/g, ' ') ?? '');
    recordRuns(runLines(event, evaluations, single ? outcome.exitCode : undefined, { transport: 'warm' }), env);
    return {
      reply: {
        exitCode: outcome.exitCode,
        stamp,
        blockReason,
        stdout,
        stderr: outcome.stderr === undefined ? '' : `${outcome.stderr}\n`,
      },
    };
  };

  // What lib/runtime/stdin.ts refuses (over 8 MiB, not UTF-8: the wire decoded it to U+FFFD) is the
  // bundle's to refuse: parsed here, a guard would check a payload its own process never accepts.
  if (call.payload.includes('\uFFFD') || Buffer.byteLength(call.payload) > MAX_PAYLOAD_BYTES)
    return { fallback: 'the payload is one the process refuses' };
  let read: unknown;
  try {
    read = JSON.parse(call.payload);
  } catch {
    // The process's reader decides what an unreadable stdin means, word for word.
    return { fallback: 'the payload is not JSON' };
  }
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
