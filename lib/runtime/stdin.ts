import { isUtf8 } from 'node:buffer';
import { fstatSync, readSync } from 'node:fs';
import { builtin } from './builtin.ts';
import { HookError, oneLine } from './errors.ts';

/** Claude Code payloads are a few KB; 8 MiB leaves room for huge tool inputs and stops runaway writers. */
export const MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
const MAX_POLL_MS = 8;

// Kept referenced for the life of the process: a collected handle would close fd 0.
let _nonBlockingHandle: unknown;

/**
 * Puts fd 0 in non-blocking mode so a synchronous read can give up at the deadline. A blocking
 * read of a pipe whose writer never closes cannot be interrupted, and an async `fs.read` blocked
 * in libuv's thread pool keeps even `process.exit()` from returning. libuv's pipe handle sets
 * O_NONBLOCK when it adopts the fd (0.6 ms); `net.Socket` does the same at ~2 ms. (Claude Code
 * 2.1.329 hands hooks a Unix socket as stdin, checked with the real client, so reopening
 * /proc/self/fd/0, which works only for pipes, would not spare this.)
 */
function makeNonBlocking(): void {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: process.binding's handles are internal and untyped
    const binding = (process as unknown as { binding(name: string): any }).binding('pipe_wrap');
    const pipe = new binding.Pipe(binding.constants.SOCKET);
    if (pipe.open(0) === 0) {
      _nonBlockingHandle = pipe;
      return;
    }
  } catch {
    // fall through to the public API
  }
  try {
    const net = builtin<typeof import('node:net')>('node:net');
    _nonBlockingHandle = new net.Socket({ fd: 0, readable: false, writable: false });
  } catch {
    // a blocking read, bounded by Claude Code's own timeout
  }
}

function isTerminal(): boolean {
  return builtin<typeof import('node:tty')>('node:tty').isatty(0);
}

function lastNonSpace(bytes: Buffer, end: number): number {
  for (let i = end - 1; i >= 0; i--) {
    const byte = bytes[i] as number;
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return byte;
  }
  return -1;
}

function decode(bytes: Buffer): string {
  if (!isUtf8(bytes)) {
    throw new HookError(
      'E_PAYLOAD_UTF8',
      'stdin is not valid UTF-8; Claude Code sends a UTF-8 JSON object, so check what pipes into this hook',
    );
  }
  // Buffer's own utf8Slice (Node 20-24): toString would compile its encoding dispatch on first
  // use, at every hook start (measured with the loader's latin1Slice: 0.5 M instructions).
  const utf8Slice = (bytes as { utf8Slice?: (start: number, end: number) => string }).utf8Slice;
  const text = typeof utf8Slice === 'function' ? utf8Slice.call(bytes, 0, bytes.length) : bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses a payload; throws E_PAYLOAD_EMPTY or E_PAYLOAD_JSON with the parser's reason. */
export function parseJson(bytes: Buffer): unknown {
  const text = decode(bytes);
  if (text.trim() === '') {
    throw new HookError(
      'E_PAYLOAD_EMPTY',
      'stdin was empty; Claude Code sends one JSON object: pipe a payload, e.g. `node dist/x.cjs < payload.json`',
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HookError(
      'E_PAYLOAD_JSON',
      `stdin is not valid JSON (${oneLine((error as Error).message, 120)}); expected one JSON object from Claude Code`,
      { cause: error },
    );
  }
}

/**
 * Reads the whole payload from stdin with synchronous fd reads, bounded in size (`maxBytes`) and
 * time (`deadline`, epoch ms), and parses it. Stops early when the writer goes quiet after a
 * complete JSON document, so a client that never closes stdin (upstream #78756, #90585) still
 * gets an answer at once.
 */
export function readPayload(deadline: number, maxBytes = MAX_PAYLOAD_BYTES): unknown {
  let stat;
  try {
    stat = fstatSync(0);
  } catch (error) {
    throw new HookError(
      'E_STDIN_READ',
      `cannot read stdin (${(error as NodeJS.ErrnoException).code ?? 'error'}); run the hook with a payload on stdin`,
      { cause: error },
    );
  }
  if (stat.isCharacterDevice() && isTerminal()) {
    throw new HookError(
      'E_STDIN_TTY',
      'stdin is a terminal; pipe a payload instead, e.g. `node dist/x.cjs < payload.json`',
    );
  }
  if (stat.isFIFO() || stat.isSocket()) makeNonBlocking();

  // One buffer that doubles as it fills: a payload is a few KB, so one read and no copies.
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let sleeper: Int32Array | undefined;
  let total = 0;
  let triedAt = -1;
  let pollMs = 1;
  for (;;) {
    if (total === buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
    let read: number;
    try {
      read = readSync(0, buffer, total, buffer.length - total, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
        if (total > 0 && total !== triedAt && lastNonSpace(buffer, total) === 0x7d /* } */) {
          triedAt = total;
          try {
            return parseJson(buffer.subarray(0, total));
          } catch {
            // not complete yet: keep reading
          }
        }
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new HookError(
            'E_STDIN_TIMEOUT',
            `stdin did not close before the hook's deadline (${total} bytes read); Claude Code closes it after the payload, so check what pipes into this hook`,
          );
        }
        sleeper ??= new Int32Array(new SharedArrayBuffer(4));
        Atomics.wait(sleeper, 0, 0, Math.min(pollMs, left));
        pollMs = Math.min(pollMs * 2, MAX_POLL_MS);
        continue;
      }
      if (code === 'EOF') break; // Windows pipes report EOF as an error
      if (code === 'EINTR') continue;
      throw new HookError('E_STDIN_READ', `cannot read stdin (${code ?? 'error'})`, { cause: error });
    }
    if (read === 0) break;
    total += read;
    if (total > maxBytes) {
      throw new HookError(
        'E_PAYLOAD_TOO_LARGE',
        `stdin is over ${maxBytes} bytes; Claude Code payloads are a few KB, so check what pipes into this hook`,
      );
    }
    pollMs = 1;
  }
  return parseJson(buffer.subarray(0, total));
}
