import { resolve } from 'node:path';
import { hookpackHomePath } from '../home.ts';
import type { Evaluation, Outcome } from '../runtime/outcome.ts';
import { MAX_PAYLOAD_BYTES } from '../runtime/stdin.ts';
import { blockingReason } from '../runtime/undelivered.ts';
import type { Answered } from './answer.ts';
import type { Call, Reply } from './wire.ts';

/**
 * The pieces every call the daemon answers shares (a bundle's, answer.ts; an adopted-hooks
 * entry's, adopted.ts): the checks that send a call back, its payload read as the process would
 * read it, its timing, and the reply its client prints.
 */

/**
 * A call for another state directory than the one this daemon serves (its toggles, caches,
 * breakers and telemetry live there): the process's to answer. Compared resolved: the client
 * spells it as it found it (`$HOME/` with a trailing slash…).
 */
export function otherStateDir(env: NodeJS.ProcessEnv, servedHome: string): Answered | undefined {
  if (resolve(hookpackHomePath(env)) === resolve(servedHome)) return undefined;
  return { fallback: `the call's state directory is ${hookpackHomePath(env)}, this daemon serves ${servedHome}` };
}

/**
 * The call's payload parsed, or the fallback for one the process must judge: what
 * lib/runtime/stdin.ts refuses (over 8 MiB, not UTF-8: the wire decoded it to U+FFFD) and text
 * that is not JSON. Parsed here, a guard would check a payload its own process never accepts, and
 * the process's reader decides what an unreadable stdin means, word for word.
 */
export function parsePayload(call: Call): { read: unknown } | { fallback: string } {
  if (call.payload.includes('\uFFFD') || Buffer.byteLength(call.payload) > MAX_PAYLOAD_BYTES)
    return { fallback: 'the payload is one the process refuses' };
  try {
    return { read: JSON.parse(call.payload) };
  } catch {
    return { fallback: 'the payload is not JSON' };
  }
}

/** An evaluation timed from the client's start, as the process times from its own. */
export const timedFrom =
  (startMs: number) =>
  (e: Evaluation): Evaluation => ({ ...e, ms: Math.round((Date.now() - startMs) * 100) / 100 });

/** Nothing to say: exit 0, no output. */
export const silent = (stamp: string): Answered => ({
  reply: { exitCode: 0, stamp, blockReason: '', stdout: '', stderr: '' },
});

/** The reply for an outcome: what the process would print, and the reason a blocking answer gives when stdout leads nowhere. */
export function replyOf(outcome: Outcome, stamp: string): Reply {
  return {
    exitCode: outcome.exitCode,
    stamp,
    blockReason: outcome.json === undefined ? '' : (blockingReason(outcome.json)?.replace(/\s*[\r\n]+\s*/g, ' ') ?? ''),
    stdout: outcome.json === undefined ? '' : `${JSON.stringify(outcome.json)}\n`,
    stderr: outcome.stderr === undefined ? '' : `${outcome.stderr}\n`,
  };
}
