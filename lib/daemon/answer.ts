import { resolve } from 'node:path';
import type { HookWorld } from '../define.ts';
import { hookpackHomePath } from '../home.ts';
import { isDebug } from '../runtime/debug.ts';
import { evaluateHook, failed } from '../runtime/evaluate.ts';
import { homeDir } from '../runtime/home-dir.ts';
import { checkPayload, isSkipped } from '../runtime/lifecycle.ts';
import { payloadMatches } from '../runtime/matcher.ts';
import { mergeEvaluations } from '../runtime/merge.ts';
import type { Evaluation, Outcome } from '../runtime/outcome.ts';
import { effectivePolicy } from '../runtime/policy.ts';
import { projectSetSwitchesAt } from '../runtime/project-env.ts';
import { forGuardedCommand } from '../runtime/protocol.ts';
import { MAX_PAYLOAD_BYTES } from '../runtime/stdin.ts';
import { recordRuns } from '../runtime/telemetry.ts';
import { blockingReason } from '../runtime/undelivered.ts';
import type { Loaded } from './bundles.ts';
import type { Call, Reply } from './wire.ts';

/** The answer to send, or why the client should run the bundle itself (it then answers exactly as today). */
export type Answered = { reply: Reply } | { fallback: string };

/** lib/runtime/deadline.ts for a call: the budget counts from the client's start, when Claude Code's timer started. */
function deadlineOf(timeoutSeconds: number, env: NodeJS.ProcessEnv, startMs: number): number {
  const override = Number(env.HOOKPACK_DEADLINE_MS);
  const timeoutMs = timeoutSeconds * 1000;
  const margin = Math.min(1000, Math.max(200, timeoutMs / 10));
  const budget = Number.isFinite(override) && override > 0 ? override : Math.max(100, timeoutMs - margin);
  return startMs + budget;
}

/** One hook's answer as a hook's own bundle prints it: nothing to merge with. */
const own = (_event: string, _payload: Record<string, unknown>, [only]: Evaluation[]): Outcome =>
  only?.outcome ?? { exitCode: 0 };

/**
 * One call, as lib/runtime/lifecycle.ts runs it in a process of its own, with this call's world:
 * the client's environment, working directory and home reach the handlers through their context
 * (never process.env or process.cwd(), which are the daemon's), switches and toggles are read now,
 * each hook runs under its own deadline and policy. Where the process would do something this
 * process can't do the same way, the call goes back to the client (`fallback`).
 */
export function answerCall(call: Call, bundle: Loaded, servedHome: string): Answered | Promise<Answered> {
  const { event, hooks, validate, single } = bundle;
  const env: NodeJS.ProcessEnv = { ...call.env };
  const guarded = hooks.some(({ hook }) => hook.onError === 'block');
  const off = hooks.filter(({ name, hook }) => hook.onError !== 'block' && isSkipped(name, false, env, event));
  // A project's settings may not switch a guard off or move its state (project-env.ts).
  if (guarded) for (const name of projectSetSwitchesAt(env, call.cwd).keys()) delete env[name];
  // Toggles, caches, breakers and telemetry live in one state directory: this daemon's. A call
  // that means another one is the bundle's to answer.
  // Compared resolved: the client spells it as it found it (`$HOME/` with a trailing slash…).
  if (resolve(hookpackHomePath(env)) !== resolve(servedHome))
    return { fallback: `the call's state directory is ${hookpackHomePath(env)}, this daemon serves ${servedHome}` };
  const active = hooks.filter((entry) =>
    entry.hook.onError === 'block' ? !isSkipped(entry.name, true, env, event) : !off.includes(entry),
  );
  const stamp = bundle.stamp;
  if (active.length === 0) return { reply: { exitCode: 0, stamp, blockReason: '', stdout: '', stderr: '' } };
  const debug = isDebug(env);
  const world: HookWorld = { cwd: () => call.cwd, env, home: () => homeDir(env) };
  const startMs = call.startMs;
  const elapsed = () => Math.round((Date.now() - startMs) * 100) / 100;

  let payload: Record<string, unknown> = {};
  const finish = (evaluations: Evaluation[]): Answered => {
    const combined = (single ? own : mergeEvaluations)(event, payload, evaluations);
    const outcome = guarded ? forGuardedCommand(combined) : combined;
    const stdout = outcome.json === undefined ? '' : `${JSON.stringify(outcome.json)}\n`;
    const blockReason =
      outcome.json === undefined ? '' : (blockingReason(outcome.json)?.replace(/\s*[\r\n]+\s*/g, ' ') ?? '');
    recordRuns(
      evaluations.map((e) => ({
        hook: e.name,
        event,
        exit: single ? outcome.exitCode : e.outcome.exitCode,
        decision: e.decision,
        error: e.error,
        ms: e.ms,
        transport: 'warm' as const,
      })),
      env,
    );
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

  const deadlines = new Map(active.map(({ name, hook }) => [name, deadlineOf(hook.timeout, env, startMs)]));
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
    return finish(active.map(({ name, hook }) => ({ ...failed(hook, name, error, debug), ms: elapsed() })));
  }
  const running = active
    .filter(({ hook }) => payloadMatches(event, hook.matcher, payload))
    .map((entry) => ({ ...entry, hook: effectivePolicy(entry.hook, payload) }));
  if (single && running.length === 0)
    return finish(active.map(({ name }) => ({ name, outcome: { exitCode: 0 }, decision: 'unmatched', ms: elapsed() })));
  const timed = (e: Evaluation): Evaluation => ({ ...e, ms: elapsed() });
  const results = running.map(({ name, hook }) => {
    try {
      const result = evaluateHook(hook, name, payload, deadlines.get(name) as number, debug, world);
      return result instanceof Promise ? result.then(timed) : timed(result);
    } catch (error) {
      return timed(failed(hook, name, error, debug));
    }
  });
  if (results.every((r) => !(r instanceof Promise))) return finish(results as Evaluation[]);
  return Promise.all(results).then(finish);
}
