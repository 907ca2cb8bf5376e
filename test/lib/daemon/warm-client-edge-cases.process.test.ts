// Edge cases of the warm client's own input: where the daemon can't answer as the bundle would,
// the client falls back, and the answer is today's.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askDaemon } from '../../../cli/daemon-client.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stampOf } from '../../../lib/daemon/bundles.ts';
// @ts-expect-error: build/ is plain ES modules with JSDoc types
import { compileWarmClient } from '../../../build/warm-client.mjs';
import {
  alive,
  call,
  callPlain,
  freshHome,
  outputOf,
  payload,
  setUpWarm,
  until,
  warmUp,
  type Ran,
  type Warm,
} from './_warm.ts';

let warm: Warm;
const daemons: number[] = [];

beforeAll(() => {
  warm = setUpWarm();
});
afterEach(() => {
  for (const pid of daemons.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});
afterAll(() => rmSync(warm.dist, { recursive: true, force: true }));

/** Runs `command` in a directory deleted before it starts. */
function inDeletedDir(command: string, input: string, env: NodeJS.ProcessEnv) {
  const gone = join(mkdtempSync(join(tmpdir(), 'hookpack-warm-cwd-')), 'gone');
  mkdirSync(gone);
  const ran = spawnSync('sh', ['-c', `cd "$1" && rmdir "$1" && exec ${command}`, 'sh', gone], {
    input,
    env,
    encoding: 'utf8',
  });
  return { code: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

/** A call whose stdin never reaches EOF (Claude Code #90585, #78756): the payload, then nothing. */
function callLeavingStdinOpen(input: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  const child = spawn(warm.client, ['5', warm.bundle], { env, cwd: tmpdir(), stdio: ['pipe', 'pipe', 'pipe'] });
  const ran = outputOf(child);
  child.stdin.write(`${input}\n`);
  // Past the entry's timeout Claude Code would have let the call through: no answer by then is a failure.
  setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  return ran;
}

describe('the warm client', () => {
  it.each([
    ['through the daemon', {} as Record<string, string>],
    ['with the daemon off', { HOOKPACK_DAEMON: '0' }],
  ])('answers a payload whose stdin never closes, %s, as the bundle answers it', async (_, extra) => {
    const { env: base } = freshHome();
    const env = { ...base, ...extra };
    if (extra.HOOKPACK_DAEMON === undefined) daemons.push(Number((await warmUp(warm, env)).pid));
    const ran = await callLeavingStdinOpen(payload('deny'), env);
    expect(ran).toEqual(callPlain(warm, payload('deny'), env));
    expect(ran.stdout).toContain('"permissionDecision":"deny"');
    // Through the daemon it was the daemon's answer, not a fallback.
    if (extra.HOOKPACK_DAEMON === undefined) expect((await askDaemon('status', env))?.answered).toBe(2);
  });

  it.each([
    // lib/runtime/stdin.ts refuses these before any hook runs: a guard blocks, wherever it runs.
    [
      'a payload over 8 MiB',
      Buffer.from(JSON.stringify({ ...JSON.parse(payload('ls')), padding: 'x'.repeat(9 * 1024 * 1024) })),
    ],
    [
      'a payload that is not UTF-8',
      Buffer.concat([Buffer.from(payload('ls').slice(0, -2)), Buffer.from([0x20, 0xff, 0x22, 0x7d])]),
    ],
  ])('answers %s as the bundle does', async (_, input) => {
    const { env } = freshHome();
    daemons.push(Number((await warmUp(warm, env)).pid));
    const run = (command: string, args: string[]) => {
      const ran = spawnSync(command, args, {
        input,
        env,
        cwd: tmpdir(),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: ran.status, stdout: ran.stdout, stderr: ran.stderr };
    };
    const plain = run('node', [warm.bundle]);
    expect(plain.code).toBe(2);
    expect(run(warm.client, ['5', warm.bundle])).toEqual(plain);
  });

  it('runs the bundle when the daemon died partway through its answer', async () => {
    const { state, env } = freshHome();
    mkdirSync(join(state, 'daemon'), { mode: 0o700 });
    // A daemon's answer cut off inside its last field (killed while writing): it must not be printed.
    const server = createServer({ allowHalfOpen: true }, (socket) => {
      socket.write('A');
      socket.on('data', () => {});
      socket.on('end', () => socket.end(`HPK1\0${'2'}\0${stampOf(warm.bundle)}\0\0\0hookpack warm-guard: the rea`));
    });
    await new Promise<void>((resolve) => server.listen(join(state, 'daemon', 'sock'), resolve));
    try {
      const ran = await call(warm, payload('deny'), env);
      expect(ran).toEqual(callPlain(warm, payload('deny'), env));
    } finally {
      server.close();
    }
  });

  it('leaves the daemon whose own script changed on disk (an upgrade), and the next daemon is the new one', async () => {
    // A daemon script of this test's own, so changing it disturbs no other test's daemon.
    const script = join(warm.dist, 'daemon-copy.cjs');
    copyFileSync(join(process.env.HOOKPACK_TEST_REPO_DIST as string, 'daemon.cjs'), script);
    const clientDist = mkdtempSync(join(tmpdir(), 'hookpack-warm-client-'));
    const compiled = compileWarmClient(clientDist, { daemonScript: script }) as { path: string };
    const own = { ...warm, client: compiled.path };
    const { env } = freshHome();
    const { pid } = await warmUp(own, env);
    daemons.push(Number(pid));
    appendFileSync(script, '\n// upgraded\n');
    await until(() => !alive(Number(pid)), 'the outdated daemon to leave');
    const next = await warmUp(own, env);
    daemons.push(Number(next.pid));
    expect(next.pid).not.toBe(pid);
    rmSync(clientDist, { recursive: true, force: true });
  });

  it('runs the bundle for a call from a deleted working directory (the daemon would give the handler an empty cwd)', async () => {
    const { env } = freshHome();
    daemons.push(Number((await warmUp(warm, env)).pid));
    const input = payload('world');
    const warmRan = inDeletedDir(`"${warm.client}" 5 "${warm.bundle}"`, input, env);
    const plain = inDeletedDir(`node "${warm.bundle}"`, input, env);
    expect(warmRan).toEqual(plain);
  });
});
