// Whatever goes wrong with the daemon or its socket, the client runs today's command with the same
// payload: the answer is the bundle's, and a guard still denies.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { askDaemon } from '../../../cli/daemon-client.ts';
import { alive, call, callPlain, freshHome, payload, setUpWarm, telemetry, until, warmUp, type Warm } from './_warm.ts';

let warm: Warm;
const daemons: number[] = [];
const servers: Server[] = [];

beforeAll(() => {
  warm = setUpWarm();
});
afterEach(() => {
  for (const pid of daemons.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const server of servers.splice(0)) server.close();
});
afterAll(() => rmSync(warm.dist, { recursive: true, force: true }));

const warmCount = (state: string) => telemetry(state).filter((line) => line.transport === 'warm').length;

/** The call through the client equals today's command, and the guard denied. */
async function deniesAsToday(env: NodeJS.ProcessEnv) {
  const ran = await call(warm, payload('deny'), env);
  expect(ran).toEqual(callPlain(warm, payload('deny'), env));
  expect(ran.stdout).toContain('"permissionDecision":"deny"');
  return ran;
}

describe('the warm client falls back to the bundle', () => {
  it.each([
    ['a daemon directory others may read', (dir: string) => chmodSync(dir, 0o755)],
    [
      'a daemon directory that is a symbolic link',
      (dir: string) => {
        rmSync(dir, { recursive: true });
        mkdirSync(`${dir}-elsewhere`, { mode: 0o700 });
        symlinkSync(`${dir}-elsewhere`, dir);
      },
    ],
    // Another user's: only root can make one here (CI runs as a user: then these two are skipped).
    ...(process.getuid?.() === 0
      ? ([
          ['a daemon directory another user owns', (dir: string) => chownSync(dir, 65534, 65534)],
          [
            'a socket another user owns',
            (dir: string) => {
              // A real socket file, left behind by a process that exits without closing its server.
              spawnSync(process.execPath, [
                '-e',
                `require('net').createServer().listen(${JSON.stringify(join(dir, 'sock'))}, () => process.exit(0))`,
              ]);
              chownSync(join(dir, 'sock'), 65534, 65534);
            },
          ],
        ] as Array<[string, (dir: string) => void]>)
      : []),
  ])('and never connects through %s', async (_, spoil) => {
    const { state, env } = freshHome();
    const dir = join(state, 'daemon');
    mkdirSync(dir, { mode: 0o700 });
    spoil(dir);
    await deniesAsToday(env);
    await deniesAsToday(env);
    expect(warmCount(state)).toBe(0);
    expect(await askDaemon('status', env, 300)).toBeUndefined();
  });

  it("when a project's settings chose the state directory: a guard's call is the bundle's", async () => {
    const { home, env } = freshHome();
    const project = join(home, 'project');
    const chosen = join(project, 'state');
    mkdirSync(join(project, '.claude'), { recursive: true });
    mkdirSync(chosen, { mode: 0o700 });
    writeFileSync(join(project, '.claude', 'settings.json'), JSON.stringify({ env: { HOOKPACK_HOME: chosen } }));
    const projectEnv = { ...env, HOOKPACK_HOME: chosen, CLAUDE_PROJECT_DIR: project };
    for (let i = 0; i < 6; i++) {
      const ran = await call(warm, payload('deny', project), projectEnv, { cwd: project });
      expect(ran).toEqual(callPlain(warm, payload('deny', project), projectEnv, project));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(telemetry(chosen)).toEqual([]);
    // The daemon the client started there got the calls, and sent every one back.
    const status = await askDaemon('status', projectEnv, 500);
    if (status !== undefined) daemons.push(Number(status.pid));
    expect(status).toMatchObject({ answered: 0 });
    expect(Number(status?.fallbacks)).toBeGreaterThan(0);
  });

  it('when the state directory is writable by others', async () => {
    const { state, env } = freshHome();
    chmodSync(state, 0o777);
    await deniesAsToday(env);
    expect(warmCount(state)).toBe(0);
  });

  it('when the socket answers garbage', async () => {
    const { state, env } = freshHome();
    mkdirSync(join(state, 'daemon'), { mode: 0o700 });
    const server = createServer((socket) =>
      socket.end('AHPK1\0' + '0\0wrong-stamp\0\0{"hookSpecificOutput":{"permissionDecision":"allow"}}\0'),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(join(state, 'daemon', 'sock'), resolve));
    await deniesAsToday(env);
  });

  it('when the socket is stale (its daemon was killed), and a new daemon takes over', async () => {
    const { state, env } = freshHome();
    const { pid } = await warmUp(warm, env);
    process.kill(Number(pid), 'SIGKILL');
    await until(() => !alive(Number(pid)), 'the daemon to die');
    await deniesAsToday(env);
    const next = await warmUp(warm, env);
    daemons.push(Number(next.pid));
    expect(next.pid).not.toBe(pid);
    expect(warmCount(state)).toBeGreaterThan(0);
  });

  it('when the daemon is frozen (SIGSTOP), and the frozen daemon is replaced', async () => {
    const { env } = freshHome();
    const { pid } = await warmUp(warm, env);
    daemons.push(Number(pid));
    process.kill(Number(pid), 'SIGSTOP');
    const ran = await deniesAsToday(env);
    expect(ran.code).toBe(0);
    // A daemon that did not ack was killed by the client: the next calls start a new one.
    await until(() => !alive(Number(pid)), 'the frozen daemon to be killed');
    const next = await warmUp(warm, env);
    daemons.push(Number(next.pid));
  });

  it('when the daemon is busy with a slow synchronous handler, and leaves that daemon running', async () => {
    const { state, env } = freshHome();
    const { pid } = await warmUp(warm, env);
    daemons.push(Number(pid));
    const busy = call(warm, payload('busy'), env);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await deniesAsToday(env);
    expect((await busy).stdout).toContain('busy, then no');
    expect(alive(Number(pid))).toBe(true);
    expect(
      telemetry(state)
        .filter((l) => l.transport === 'warm')
        .map((l) => l.decision),
    ).toContain('deny');
  });

  it('when a handler hangs: the daemon answers by the policy at the deadline, and the call after it is warm', async () => {
    const { state, env } = freshHome();
    const { pid } = await warmUp(warm, env);
    daemons.push(Number(pid));
    const hung = await call(warm, payload('hang'), { ...env, HOOKPACK_DEADLINE_MS: '400' });
    expect(hung.code).toBe(2);
    expect(hung.stdout).toContain('E_HANDLER_TIMEOUT');
    const before = warmCount(state);
    await deniesAsToday(env);
    expect(warmCount(state)).toBe(before + 1);
  });

  it('not for a handler that misses a deadline as long as the entry: the daemon answers by the policy in time', async () => {
    const { state, env } = freshHome();
    const { pid } = await warmUp(warm, env);
    daemons.push(Number(pid));
    const hung = await call(warm, payload('hang'), env);
    expect(hung.code).toBe(2);
    expect(hung.stdout).toContain('E_HANDLER_TIMEOUT');
    expect(
      telemetry(state)
        .filter((l) => l.transport === 'warm')
        .map((l) => l.error),
    ).toContain('E_HANDLER_TIMEOUT');
    expect(alive(Number(pid))).toBe(true);
  });

  it('and guards still block when node cannot start either', async () => {
    const { env } = freshHome();
    const ran = await new Promise<{ code: number | null }>((resolve) => {
      const child = spawn('/bin/sh', ['-c', `'${warm.client}' 5 '${warm.bundle}' || exit 2`], {
        env: { ...env, PATH: '/nonexistent', HOOKPACK_DAEMON: '0' },
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      child.on('close', (code) => resolve({ code }));
      child.stdin.end(payload('allowed'));
    });
    expect(ran.code).toBe(2);
  });
});
