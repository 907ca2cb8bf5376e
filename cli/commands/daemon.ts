import { askDaemon, daemonSocket } from '../daemon-client.ts';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import type { Io } from '../io.ts';

const mb = (bytes: unknown) => `${Math.round(Number(bytes) / 1024 / 1024)} MB`;

function describe(status: Record<string, unknown>): string {
  const memory = (status.memory ?? {}) as Record<string, unknown>;
  const bundles = Array.isArray(status.bundles) ? (status.bundles as Array<Record<string, unknown>>) : [];
  return [
    `warm daemon: running, pid ${String(status.pid)}, up ${Math.round(Number(status.uptimeMs) / 1000)} s`,
    `  socket    ${String(status.socket)}`,
    `  requests  ${String(status.requests)} (${String(status.answered)} answered, ${String(status.fallbacks)} sent back to the bundle)`,
    `  memory    ${mb(memory.rssBytes)} resident (cap ${mb(memory.capBytes)}), heap ${mb(memory.heapUsedBytes)}`,
    `  bundles   ${bundles.length === 0 ? 'none loaded yet' : ''}`,
    ...bundles.map((b) => `    ${String(b.path)} (${Array.isArray(b.hooks) ? b.hooks.join(', ') : ''})`),
  ].join('\n');
}

async function run(
  { values, positionals }: { values: Record<string, unknown>; positionals: string[] },
  io: Io,
): Promise<number> {
  const [action, ...rest] = positionals;
  if ((action !== 'status' && action !== 'stop') || rest.length > 0)
    throw new CliError('E_USAGE', 'usage: hookpack daemon status [--json] | hookpack daemon stop');
  const status = await askDaemon(action, io.env);
  if (action === 'stop') {
    io.out(
      status === undefined
        ? `no warm daemon answers at ${daemonSocket(io.env)}; nothing to stop\n`
        : `warm daemon (pid ${String(status.pid)}) stopping: it finishes the calls in flight; the next warm call starts a new one\n`,
    );
    return EXIT.OK;
  }
  if (values.json === true) {
    io.out(
      `${JSON.stringify(status === undefined ? { running: false, socket: daemonSocket(io.env) } : { running: true, ...status })}\n`,
    );
    return EXIT.OK;
  }
  io.out(
    status === undefined
      ? `warm daemon: not running (no answer at ${daemonSocket(io.env)}); the next warm call starts it\n`
      : `${describe(status)}\n`,
  );
  return EXIT.OK;
}

/** `hookpack daemon`: what the warm daemon (docs/warm.md) is doing, and stopping it. */
export const daemonCommand: Command = {
  name: 'daemon',
  summary: 'show or stop the warm daemon (hookpack install --warm)',
  help: [
    'usage: hookpack daemon status [--json]',
    '       hookpack daemon stop',
    '',
    'The warm daemon runs the built hooks of warm-installed commands in one resident process per',
    'user (docs/warm.md). status: its pid, uptime, requests, memory and loaded bundles. stop: it',
    'finishes the calls in flight and exits; the next warm call starts it again.',
    '',
    '  --json    status as one JSON object ({"running": false} when none answers)',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  positionals: true,
  run,
};
