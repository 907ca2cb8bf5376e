import type * as net from 'node:net';
import { join } from 'node:path';
import { hookpackHomePath } from '../lib/home.ts';
import { builtin } from '../lib/runtime/builtin.ts';

/** The warm daemon's socket for this user's state directory (lib/daemon/server.ts). */
export function daemonSocket(env: NodeJS.ProcessEnv): string {
  return join(hookpackHomePath(env), 'daemon', 'sock');
}

/** Asks the daemon `status` or `stop`: its JSON answer, or undefined when none answers within `timeoutMs`. */
export function askDaemon(
  kind: 'status' | 'stop',
  env: NodeJS.ProcessEnv,
  timeoutMs = 2_000,
): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    // node:net on first use: loading it cost every `hookpack` command ~3 ms.
    const socket = builtin<typeof net>('node:net').connect(daemonSocket(env));
    const done = (value: Record<string, unknown> | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    socket.on('error', () => done(undefined));
    socket.on('connect', () => socket.end(`HPK1-${kind}`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      // The ack comes first (lib/daemon/wire.ts), then one JSON object.
      const text = Buffer.concat(chunks).toString('utf8').replace(/^A/, '');
      try {
        const parsed = JSON.parse(text) as unknown;
        done(typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined);
      } catch {
        done(undefined);
      }
    });
  });
}
