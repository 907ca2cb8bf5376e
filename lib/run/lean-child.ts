// Starting a child on libuv's process and pipe handles, the ones node:child_process itself wraps.
// child_process brings net, the stream classes and a socket object per pipe: ~6 ms of CPU to
// load and ~2 ms per child, which a hook starting children pays on every call. Here a child is
// three pipe handles read with `onread` and one process handle with `onexit`, exactly what
// child_process does underneath (lib/internal/child_process.js, stream_base_commons.js).
//
// process.binding is a documented-deprecated door (DEP0111, not runtime-deprecated for these
// modules). Everything it returns is checked before use, and anything missing or different
// (another runtime, a future Node, --pending-deprecation, the permission model) makes
// `leanChildAvailable` false and `run` use child_process instead: never a different result.
import type * as util from 'node:util';
import { builtin } from '../runtime/builtin.ts';
import { cappedCollector, type CappedCollector } from './capped-output.ts';
import type { ChildEvents, ChildSpec, Started } from './child.ts';

interface Handle {
  close(callback?: () => void): void;
}
interface PipeHandle extends Handle {
  /** Must always hold a function: node aborts the process on anything else. */
  onread: (buffer?: ArrayBuffer) => void;
  readStart(): number;
  writeUtf8String(req: WriteRequest, text: string): number;
  writeBuffer(req: WriteRequest, data: Uint8Array): number;
}
interface WriteRequest {
  handle: PipeHandle;
  oncomplete: (status: number) => void;
  async: boolean;
  /** What is being written: libuv writes a Buffer from its memory, so it must live until written. */
  buffer?: string | Uint8Array;
}
interface ProcessHandle extends Handle {
  pid: number;
  unref(): void;
  onexit: (status: number, signal: string) => void;
  spawn(options: unknown): number;
}
interface Bindings {
  Process: new () => ProcessHandle;
  Pipe: new (type: number) => PipeHandle;
  pipeType: number;
  WriteWrap: new () => WriteRequest;
  state: Int32Array;
  readBytes: number;
  bufferOffset: number;
  writeWasAsync: number;
}

let bindings: Bindings | null | undefined;
const MIN_NODE_MAJOR = 20;
const MAX_NODE_MAJOR = 22;

function load(): Bindings | null {
  const binding = (process as { binding?: ((name: string) => Record<string, unknown>) & { name?: string } }).binding;
  // With --pending-deprecation node wraps process.binding to warn on stderr: a hook must not.
  if (typeof binding !== 'function' || binding.name !== 'binding' || process.platform === 'win32') return null;
  // Only on the majors this contract (spawn's options object, onread with streamBaseState,
  // onexit's arguments) was run and compared on: 20 and 22. Node 24's spawn takes other arguments
  // and aborts the process on these (a native assertion, no exception to catch), so any other
  // major uses child_process until it has been checked the same way.
  const major = Number(process.versions.node.split('.')[0]);
  if (!(major >= MIN_NODE_MAJOR && major <= MAX_NODE_MAJOR)) return null;
  try {
    const processWrap = binding('process_wrap');
    // Node 24 (24.21 checked) passes spawn's options positionally, and its binding exports
    // `constants` with that change; an options object there is a native assertion, so a binding
    // with `constants` has the new contract, whatever the version says.
    if ('constants' in processWrap) return null;
    const { Process } = processWrap;
    const { Pipe, constants } = binding('pipe_wrap');
    const stream = binding('stream_wrap');
    const pipeType = (constants as { SOCKET?: unknown } | undefined)?.SOCKET;
    const { WriteWrap, streamBaseState, kReadBytesOrError, kArrayBufferOffset, kLastWriteWasAsync } = stream;
    const ok =
      typeof Process === 'function' &&
      typeof Pipe === 'function' &&
      typeof WriteWrap === 'function' &&
      typeof pipeType === 'number' &&
      streamBaseState instanceof Int32Array &&
      [kReadBytesOrError, kArrayBufferOffset, kLastWriteWasAsync].every(
        (index) => typeof index === 'number' && index >= 0 && index < streamBaseState.length,
      ) &&
      ['spawn', 'close', 'unref'].every(
        (m) => typeof (Process.prototype as Record<string, unknown>)[m] === 'function',
      ) &&
      ['readStart', 'writeUtf8String', 'writeBuffer', 'close'].every(
        (m) => typeof (Pipe.prototype as Record<string, unknown>)[m] === 'function',
      );
    if (!ok) return null;
    return {
      Process: Process as Bindings['Process'],
      Pipe: Pipe as Bindings['Pipe'],
      pipeType,
      WriteWrap: WriteWrap as Bindings['WriteWrap'],
      state: streamBaseState,
      readBytes: kReadBytesOrError as number,
      bufferOffset: kArrayBufferOffset as number,
      writeWasAsync: kLastWriteWasAsync as number,
    };
  } catch {
    // The permission model, or a runtime without these modules.
    return null;
  }
}

/** Whether this runtime offers the handles lean-child.ts needs (checked once). `HOOKPACK_NODE_SPAWN=1` turns it off. */
export function leanChildAvailable(): boolean {
  if (bindings === undefined) bindings = process.env.HOOKPACK_NODE_SPAWN === '1' ? null : load();
  return bindings !== null;
}

/** The environment as `KEY=value` lines, as child_process builds them; undefined when a NUL byte is in one. */
function envPairs(env: Record<string, string | undefined>): string[] | undefined {
  const pairs: string[] = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value === undefined) continue;
    const pair = `${key}=${value}`;
    if (pair.includes('\0')) return undefined;
    pairs.push(pair);
  }
  // As child_process does: a coverage run's children keep writing coverage.
  const coverage = process.env.NODE_V8_COVERAGE;
  if (coverage !== undefined && env.NODE_V8_COVERAGE === undefined) pairs.push(`NODE_V8_COVERAGE=${coverage}`);
  return pairs;
}

const ignore = () => {};

/**
 * Reads `pipe` to its end into `sink`, then closes it and calls `done` (a read error ends it the
 * same way). Returns what closes it early, without calling `done`.
 */
function drain(b: Bindings, pipe: PipeHandle, sink: CappedCollector, done: () => void): () => void {
  let closed = false;
  const close = () => {
    if (closed) return false;
    closed = true;
    pipe.onread = ignore;
    pipe.close();
    return true;
  };
  pipe.onread = (buffer) => {
    const read = b.state[b.readBytes] ?? 0;
    if (read > 0 && buffer !== undefined) {
      sink.add(new Uint8Array(buffer, b.state[b.bufferOffset] ?? 0, read));
      return;
    }
    // End of file (UV_EOF), or a read error: the capture ends either way, as a socket's would.
    if (read < 0 && close()) done();
  };
  if (pipe.readStart() !== 0 && close()) done();
  return close;
}

/**
 * Writes `input` to the child's stdin and closes it once written; EPIPE (the child didn't read)
 * is its choice. Returns what closes it early (when the result is settled before the child read it all).
 */
function feed(b: Bindings, pipe: PipeHandle, input: string | Uint8Array): () => void {
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    pipe.close();
  };
  if (input.length === 0) {
    close();
    return close;
  }
  const req = new b.WriteWrap();
  req.handle = pipe;
  req.async = false;
  req.oncomplete = close;
  // As child_process does (req.buffer): without a reference a Uint8Array can be collected while a
  // slow reader still has part of it to read, and the child gets a cut or foreign input.
  req.buffer = input;
  const error = typeof input === 'string' ? pipe.writeUtf8String(req, input) : pipe.writeBuffer(req, input);
  // Written at once, or failed: close now; else oncomplete closes it once the child has read it all (or died).
  if (error !== 0 || b.state[b.writeWasAsync] === 0) close();
  return close;
}

/** A spawn error as child_process reports it: `code` (ENOENT …) and `spawn <file> <code>`. */
function spawnError(errno: number, file: string): Error & { code: string } {
  let code = `E${-errno}`;
  try {
    code = builtin<typeof util>('node:util').getSystemErrorName(errno);
  } catch {
    // keep the number
  }
  return Object.assign(new Error(`spawn ${file} ${code}`), { code });
}

/**
 * Spawns `file` detached (its own session and process group) with these stdio entries, its
 * `onexit` set first. Returns the process handle, or the spawn error (every handle closed).
 */
function spawnDetached(
  b: Bindings,
  file: string,
  args: readonly string[],
  cwd: string | undefined,
  pairs: string[],
  stdio: { type: string; readable?: boolean; writable?: boolean; handle?: PipeHandle }[],
  onexit: ProcessHandle['onexit'],
): { child: ProcessHandle } | { error: Error & { code: string } } {
  const child = new b.Process();
  child.onexit = onexit;
  const errno = child.spawn({
    file,
    args: [file, ...args],
    cwd,
    envPairs: pairs,
    // Never on Windows (load() returns null there), so no windowsHide.
    detached: true,
    stdio,
  });
  if (errno === 0) return { child };
  child.close();
  for (const entry of stdio) entry.handle?.close();
  return { error: spawnError(errno, file) };
}

/**
 * Starts a child as startNodeChild does, on the raw handles. Returns undefined (start it with
 * child_process instead) when the environment holds a NUL byte: child_process throws the
 * TypeError for that.
 */
export function startLeanChild(spec: ChildSpec, events: ChildEvents): Started | undefined {
  const b = bindings;
  if (!b) return undefined;
  // A NUL byte in the environment: child_process throws the TypeError for it.
  const pairs = envPairs(spec.env ?? process.env);
  if (pairs === undefined) return undefined;
  const pipe = () => new b.Pipe(b.pipeType);
  const stdin = spec.input === undefined ? undefined : pipe();
  const out = pipe();
  const err = pipe();
  let exited = false;
  let open = 2;
  let released = false;
  const maybeClose = () => {
    if (exited && open === 0 && !released) events.close();
  };
  const spawned = spawnDetached(
    b,
    spec.file,
    spec.args,
    spec.cwd,
    pairs,
    [
      stdin === undefined ? { type: 'ignore' } : { type: 'pipe', readable: true, writable: false, handle: stdin },
      { type: 'pipe', readable: false, writable: true, handle: out },
      { type: 'pipe', readable: false, writable: true, handle: err },
    ],
    (status, signal) => {
      child.close();
      exited = true;
      if (released) return;
      events.exit(signal ? null : status, signal ? (signal as NodeJS.Signals) : null);
      maybeClose();
    },
  );
  if ('error' in spawned) return spawned;
  const { child } = spawned;
  const stdout = cappedCollector(spec.maxOutputBytes);
  const stderr = cappedCollector(spec.maxOutputBytes);
  const ended = () => {
    open--;
    maybeClose();
  };
  const closeOut = drain(b, out, stdout, ended);
  const closeErr = drain(b, err, stderr, ended);
  const closeStdin = stdin !== undefined && spec.input !== undefined ? feed(b, stdin, spec.input) : undefined;
  return {
    child: {
      pid: child.pid,
      stdout,
      stderr,
      release() {
        if (released) return;
        released = true;
        closeStdin?.();
        closeOut();
        closeErr();
      },
    },
  };
}

/**
 * Starts a detached child with no stdio that this process does not wait for (runInBackground):
 * its pid, or an error as startLeanChild reports it; undefined to start it with child_process.
 */
export function startLeanDetached(
  file: string,
  args: readonly string[],
  cwd: string | undefined,
  env: Record<string, string> | undefined,
): { pid: number } | { error: Error & { code: string } } | undefined {
  const b = bindings;
  if (!b) return undefined;
  const pairs = envPairs(env ?? process.env);
  if (pairs === undefined) return undefined;
  const ignored = { type: 'ignore' };
  const spawned = spawnDetached(b, file, args, cwd, pairs, [ignored, ignored, ignored], () => child.close());
  if ('error' in spawned) return spawned;
  const { child } = spawned;
  // As child.unref(): the hook exits when it is done, whatever the child still does.
  child.unref();
  return { pid: child.pid };
}
