/**
 * The warm client's wire format (native/warm-client.c), NUL-separated because no field can hold a
 * NUL: a path, an environment entry, or a JSON payload (JSON escapes it).
 *
 * call:   HPK1 \0 bundle \0 stamp \0 client start (epoch ms) \0 cwd \0 n \0 NAME=VALUE \0 ×n payload
 *    or   HPKA \0 runner \0 stamp \0 client start \0 cwd \0 umask (octal) \0 m \0 ARG \0 ×m n \0 NAME=VALUE \0 ×n payload
 *         (an adopted-hooks entry: `node <runner> ARG…` is the command the client runs itself otherwise;
 *         the umask is the client's, which the adopted commands must get, not the daemon's 077)
 * reply:  A (the ack, sent on accept)  then  HPK1 \0 exit \0 stamp \0 block reason \0 stdout \0 stderr \0
 *         (the last NUL tells a whole answer from one cut off by a daemon killed while writing it)
 *         or nothing more (the connection closes): the client runs the bundle itself.
 * The CLI asks `HPK1-status` or `HPK1-stop` instead and gets one JSON object.
 */

export const ACK = 'A';
export const MAGIC = 'HPK1';
export const ADOPTED_MAGIC = 'HPKA';

/** One hook call as the client sent it. */
export interface Call {
  bundle: string;
  stamp: string;
  startMs: number;
  cwd: string;
  env: Record<string, string>;
  payload: string;
  /** An adopted-hooks call: the runner's arguments and the client's umask (absent: a bundle's call). */
  adopted?: { args: string[]; umask: number };
}

export type Request = { kind: 'call'; call: Call } | { kind: 'status' } | { kind: 'stop' };

/** Reads a request, or says why it is not one. */
export function parseRequest(data: Buffer): Request | string {
  const text = data.toString('utf8');
  if (text === `${MAGIC}-status`) return { kind: 'status' };
  if (text === `${MAGIC}-stop`) return { kind: 'stop' };
  const fields = text.split('\0');
  const [magic, bundle, stamp, start, cwd] = fields;
  let at = 5;
  let adopted: Call['adopted'];
  if (magic === ADOPTED_MAGIC) {
    const umask = /^[0-7]{1,4}$/.test(fields[5] ?? '') ? Number.parseInt(fields[5] as string, 8) : Number.NaN;
    const m = Number(fields[6]);
    if (!Number.isInteger(m) || m < 1 || m > 8 || fields.length < 7 + m || Number.isNaN(umask)) return 'malformed call';
    adopted = { args: fields.slice(7, 7 + m), umask };
    at = 7 + m;
  } else if (magic !== MAGIC) return 'not a hookpack call';
  const count = fields[at];
  if (bundle === undefined || stamp === undefined || start === undefined || cwd === undefined || count === undefined)
    return 'not a hookpack call';
  const n = Number(count);
  const startMs = Number(start);
  if (!Number.isInteger(n) || n < 0 || fields.length < at + 1 + n || !Number.isFinite(startMs)) return 'malformed call';
  if (!bundle.startsWith('/') || !bundle.endsWith('.cjs')) return 'the bundle is not an absolute .cjs path';
  const env: Record<string, string> = {};
  for (const entry of fields.slice(at + 1, at + 1 + n)) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  // What follows the last variable is the payload (no NUL inside, so one field at most).
  const payload = fields.slice(at + 1 + n).join('\0');
  const call: Call = { bundle, stamp, startMs, cwd, env, payload };
  if (adopted !== undefined) call.adopted = adopted;
  return { kind: 'call', call };
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
