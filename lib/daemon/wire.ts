/**
 * The warm client's wire format (native/warm-client.c), NUL-separated because no field can hold a
 * NUL: a path, an environment entry, or a JSON payload (JSON escapes it).
 *
 * call:   HPK1 \0 bundle \0 stamp \0 client start (epoch ms) \0 cwd \0 n \0 NAME=VALUE \0 ×n payload
 * reply:  A (the ack, sent on accept)  then  HPK1 \0 exit \0 stamp \0 block reason \0 stdout \0 stderr \0
 *         (the last NUL tells a whole answer from one cut off by a daemon killed while writing it)
 *         or nothing more (the connection closes): the client runs the bundle itself.
 * The CLI asks `HPK1-status` or `HPK1-stop` instead and gets one JSON object.
 */

export const ACK = 'A';
export const MAGIC = 'HPK1';

/** One hook call as the client sent it. */
export interface Call {
  bundle: string;
  stamp: string;
  startMs: number;
  cwd: string;
  env: Record<string, string>;
  payload: string;
}

export type Request = { kind: 'call'; call: Call } | { kind: 'status' } | { kind: 'stop' };

/** Reads a request, or says why it is not one. */
export function parseRequest(data: Buffer): Request | string {
  const text = data.toString('utf8');
  if (text === `${MAGIC}-status`) return { kind: 'status' };
  if (text === `${MAGIC}-stop`) return { kind: 'stop' };
  const fields = text.split('\0');
  const [magic, bundle, stamp, start, cwd, count] = fields;
  if (
    magic !== MAGIC ||
    bundle === undefined ||
    stamp === undefined ||
    start === undefined ||
    cwd === undefined ||
    count === undefined
  )
    return 'not a hookpack call';
  const n = Number(count);
  const startMs = Number(start);
  if (!Number.isInteger(n) || n < 0 || fields.length < 6 + n || !Number.isFinite(startMs)) return 'malformed call';
  if (!bundle.startsWith('/') || !bundle.endsWith('.cjs')) return 'the bundle is not an absolute .cjs path';
  const env: Record<string, string> = {};
  for (const entry of fields.slice(6, 6 + n)) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  // What follows the last variable is the payload (no NUL inside, so one field at most).
  const payload = fields.slice(6 + n).join('\0');
  return { kind: 'call', call: { bundle, stamp, startMs, cwd, env, payload } };
}

/** What the client prints: an answer reached by the daemon. */
export interface Reply {
  exitCode: 0 | 1 | 2;
  stamp: string;
  /** Set when stdout blocks the call: the client then exits 2 with it when stdout goes nowhere. */
  blockReason: string;
  stdout: string;
  stderr: string;
}

const noNul = (text: string) => text.replaceAll('\0', '\\0');

export function formatReply(reply: Reply): string {
  return [
    MAGIC,
    String(reply.exitCode),
    reply.stamp,
    noNul(reply.blockReason),
    noNul(reply.stdout),
    noNul(reply.stderr),
    '',
  ].join('\0');
}
