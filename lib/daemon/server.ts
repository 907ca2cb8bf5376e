import { chmodSync, lstatSync, renameSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { basename, join } from 'node:path';
import { RUNNER_FILE } from '../adopt/table.ts';
import { oneLine } from '../runtime/errors.ts';
import { exitedEarly } from '../runtime/lifecycle.ts';
import { answerAdoptedCall, isRunnerCall, ownRunnerPath, RunnerCheck } from './adopted.ts';
import { answerCall, type Answered } from './answer.ts';
import { Bundles, stampOf } from './bundles.ts';
import { ACK, formatReply, parseRequest } from './wire.ts';

/** The most one call may send (native/warm-client.c sends payloads up to 64 MiB, plus its environment). */
const MAX_CALL_BYTES = 65 * 1024 * 1024;
const DEFAULT_IDLE_MS = 15 * 60 * 1000;
const DEFAULT_MAX_MB = 200;

export interface DaemonStatus {
  pid: number;
  uptimeMs: number;
  home: string;
  socket: string;
  requests: number;
  answered: number;
  fallbacks: number;
  inFlight: number;
  memory: { rssBytes: number; heapUsedBytes: number; capBytes: number };
  idleExitMs: number;
  bundles: Array<{ path: string; event: string; hooks: string[]; loadedAt: string }>;
}

const positive = (text: string | undefined, fallback: number) => {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/**
 * The warm daemon (docs/warm.md): one per user and state directory, listening on
 * `<state>/daemon/sock` in a 0700 directory. Each call is acked at once (so a client can tell a
 * frozen daemon within milliseconds), then answered by the bundle's hooks in this process
 * (answer.ts), or closed without an answer, which makes the client run the bundle itself. A
 * handler that throws or calls process.exit fails its own call by its policy; an error nobody can
 * attribute closes the calls in flight unanswered (they fall back) and the daemon goes on. It
 * exits after an idle period, when its memory passes the cap, on `stop`, or when a newer daemon
 * took its socket.
 */
export function serve(home: string, dir: string): void {
  const socketPath = join(dir, 'sock');
  const idleMs = positive(process.env.HOOKPACK_DAEMON_IDLE_MS, DEFAULT_IDLE_MS);
  const capBytes = positive(process.env.HOOKPACK_DAEMON_MAX_MB, DEFAULT_MAX_MB) * 1024 * 1024;
  const bundles = new Bundles();
  const runners = new RunnerCheck(ownRunnerPath(process.argv[1] ?? ''));
  const inFlight = new Set<Socket>();
  const counts = { requests: 0, answered: 0, fallbacks: 0 };
  const exit = process.exit.bind(process);
  let closing = false;
  let ino: bigint | undefined;

  // A handler (or a library) calling process.exit fails its own call (lifecycle.ts's exitedEarly), not the daemon.
  process.exit = ((code?: number) => {
    throw exitedEarly(typeof code === 'number' ? code : undefined);
  }) as typeof process.exit;
  // Nobody to attribute it to: every call in flight goes back to its client, which runs the bundle.
  // An adopted-hooks call's commands are stopped with it: its client runs them again itself.
  const calls = new Map<Socket, AbortController>();
  const dropInFlight = () => {
    for (const socket of inFlight) {
      calls.get(socket)?.abort();
      socket.destroy();
    }
    inFlight.clear();
    calls.clear();
  };
  process.on('uncaughtException', dropInFlight);
  process.on('unhandledRejection', dropInFlight);

  const ours = () => {
    try {
      return lstatSync(socketPath, { bigint: true }).ino === ino;
    } catch {
      return false;
    }
  };
  const shutdown = () => {
    if (closing) return;
    closing = true;
    if (ours()) rmSync(socketPath, { force: true });
    server.close();
    const leave = () => (inFlight.size === 0 ? exit(0) : setTimeout(leave, 50).unref());
    leave();
    // Calls still running past any hook's budget are abandoned: their clients fall back.
    setTimeout(() => exit(0), 120_000).unref();
  };
  let idle = setTimeout(shutdown, idleMs);
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(shutdown, idleMs);
  };

  const status = (): DaemonStatus => {
    const memory = process.memoryUsage();
    return {
      pid: process.pid,
      uptimeMs: Math.round(process.uptime() * 1000),
      home,
      socket: socketPath,
      ...counts,
      inFlight: inFlight.size,
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, capBytes },
      idleExitMs: idleMs,
      bundles: bundles.list().map((b) => ({
        path: b.path,
        event: b.event,
        hooks: b.hooks.map((h) => h.name),
        loadedAt: new Date(b.loadedAt).toISOString(),
      })),
    };
  };

  const handle = (socket: Socket, data: Buffer) => {
    const request = parseRequest(data);
    if (typeof request === 'string') return socket.destroy();
    if (request.kind !== 'call') {
      socket.end(JSON.stringify(request.kind === 'status' ? status() : { stopping: true, pid: process.pid }));
      if (request.kind === 'stop') shutdown();
      return;
    }
    counts.requests++;
    const { call } = request;
    const send = (answered: Answered) => {
      inFlight.delete(socket);
      calls.delete(socket);
      if ('fallback' in answered) {
        counts.fallbacks++;
        // Closed without an answer: the client runs the bundle itself.
        return socket.destroy();
      }
      counts.answered++;
      socket.end(formatReply(answered.reply));
      if (process.memoryUsage.rss() > capBytes) shutdown();
    };
    let answer: () => Answered | Promise<Answered>;
    if (isRunnerCall(call)) {
      // An adopted-hooks entry: answered by this daemon's own copy of the runner, if the call's is the same.
      if (!runners.sameAsOurs(call.bundle, call.stamp))
        return send({ fallback: `${call.bundle} is not this daemon's runner (another hookpack version)` });
      const controller = new AbortController();
      calls.set(socket, controller);
      answer = () => answerAdoptedCall(call, home, bundles, controller.signal);
    } else if (call.adopted !== undefined || basename(call.bundle) === RUNNER_FILE) {
      // A runner is run with its arguments, never loaded as a bundle (it would run in this process).
      return send({ fallback: 'an adopted-hooks runner is answered only with its arguments' });
    } else {
      const bundle = bundles.get(call.bundle, call.stamp);
      if (typeof bundle === 'string') return send({ fallback: bundle });
      answer = () => answerCall(call, bundle, home);
    }
    inFlight.add(socket);
    let answered: Answered | Promise<Answered>;
    try {
      answered = answer();
    } catch (error) {
      return send({ fallback: `the daemon failed: ${oneLine(String(error), 200)}` });
    }
    if (answered instanceof Promise) answered.then(send, () => send({ fallback: 'the daemon failed' }));
    else send(answered);
  };

  const server = createServer({ allowHalfOpen: true }, (socket) => {
    touch();
    socket.on('error', () => socket.destroy());
    if (closing) return socket.destroy();
    socket.write(ACK);
    const chunks: Buffer[] = [];
    let size = 0;
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CALL_BYTES) return socket.destroy();
      chunks.push(chunk);
    });
    socket.on('end', () => handle(socket, Buffer.concat(chunks)));
  });
  // Listen on a name of our own, then take `sock` with one rename: a daemon started alongside
  // (two clients at once) or a stale socket file is replaced, never half-replaced.
  const mine = join(dir, `sock.${process.pid}`);
  rmSync(mine, { force: true });
  server.listen(mine, () => {
    chmodSync(mine, 0o600);
    renameSync(mine, socketPath);
    ino = lstatSync(socketPath, { bigint: true }).ino;
    rmSync(join(dir, 'starting'), { force: true });
  });
  server.on('error', () => exit(1));
  // Replaced by a newer daemon, the socket file removed, or this daemon's own script changed on
  // disk (hookpack upgraded or rebuilt: calls kept resetting the idle timer, so the old code would
  // answer, or send back, every call from then on): stop taking calls, finish, leave.
  const script = process.argv[1];
  const version = script === undefined ? undefined : stampOf(script);
  setInterval(() => {
    if (
      !closing &&
      ((ino !== undefined && !ours()) || (version !== undefined && stampOf(script as string) !== version))
    )
      shutdown();
  }, 2_000).unref();
  process.on('SIGTERM', shutdown);
}
