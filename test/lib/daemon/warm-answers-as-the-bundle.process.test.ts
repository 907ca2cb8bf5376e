// The warm path answers exactly as today's command does, from a daemon that runs the bundle's
// hooks in its process with each call's own world, and survives handlers that throw or exit.
import { copyFileSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { askDaemon } from '../../../cli/daemon-client.ts';
import { alive, call, callPlain, freshHome, payload, setUpWarm, telemetry, warmUp, type Warm } from './_warm.ts';

let warm: Warm;
const daemons: number[] = [];

beforeAll(() => {
  warm = setUpWarm();
});
afterEach(() => {
  for (const pid of daemons.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});
afterAll(() => rmSync(warm.dist, { recursive: true, force: true }));

async function running(env: NodeJS.ProcessEnv) {
  const status = await warmUp(warm, env);
  daemons.push(Number(status.pid));
  return status;
}

const warmLines = (state: string) => telemetry(state).filter((line) => line.transport === 'warm');

describe('the warm path', () => {
  it.each(['deny', 'throw', 'exit', 'allowed'])(
    'answers %s exactly as node on-PreToolUse.cjs does, from the daemon',
    async (command) => {
      const { state, env } = freshHome();
      await running(env);
      const before = warmLines(state).length;
      const viaDaemon = await call(warm, payload(command), env);
      const plain = callPlain(warm, payload(command), env);
      expect(viaDaemon).toEqual(plain);
      expect(warmLines(state).length).toBe(before + 1);
    },
  );

  it('fails a handler that calls process.exit by its policy and keeps serving', async () => {
    const { state, env } = freshHome();
    const { pid } = await running(env);
    const exited = await call(warm, payload('exit'), env);
    expect(exited.code).toBe(2);
    expect(exited.stdout).toContain('E_HANDLER_EXIT');
    const next = await call(warm, payload('deny'), env);
    expect(next.stdout).toContain('warm-guard says no');
    expect(alive(Number(pid))).toBe(true);
    expect(
      warmLines(state)
        .map((l) => l.error ?? l.decision)
        .slice(-2),
    ).toEqual(['E_HANDLER_EXIT', 'deny']);
  });

  it('sends a call back to its client when an error nobody can attribute happens, and keeps serving', async () => {
    const { state, env } = freshHome();
    const { pid } = await running(env);
    const before = warmLines(state).length;
    const stray = await call(warm, payload('stray'), env);
    expect(stray).toEqual(callPlain(warm, payload('stray'), env));
    expect(stray.code).toBe(2);
    expect(warmLines(state).length).toBe(before);
    expect((await call(warm, payload('deny'), env)).stdout).toContain('warm-guard says no');
    expect(warmLines(state).length).toBe(before + 1);
    expect(alive(Number(pid))).toBe(true);
  });

  it("reads skip switches and the user's toggle file on every call", async () => {
    const { state, env } = freshHome();
    await running(env);
    const skipped = await call(warm, payload('deny'), { ...env, HOOKPACK_SKIP: 'warm-guard' });
    expect(skipped).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await call(warm, payload('deny'), env)).stdout).toContain('warm-guard says no');
    writeFileSync(join(state, 'disabled.json'), JSON.stringify({ hooks: ['warm-guard'] }), { mode: 0o600 });
    expect(await call(warm, payload('deny'), env)).toEqual({ code: 0, stdout: '', stderr: '' });
    rmSync(join(state, 'disabled.json'));
    expect((await call(warm, payload('deny'), env)).stdout).toContain('warm-guard says no');
  });

  it('gives two overlapping calls each its own env, cwd and home', async () => {
    const { env, home } = freshHome();
    await running(env);
    const [a, b] = await Promise.all([
      call(warm, payload('world'), { ...env, WARM_MARK: 'alpha' }, { cwd: home }),
      call(warm, payload('world'), { ...env, WARM_MARK: 'beta', HOME: '/nonexistent-home-b' }, { cwd: '/' }),
    ]);
    expect(a.stdout).toContain(`mark=alpha cwd=${home} home=${home}`);
    expect(b.stdout).toContain('mark=beta cwd=/ home=/nonexistent-home-b');
    const status = await askDaemon('status', env);
    expect(Number(status?.answered)).toBeGreaterThanOrEqual(3);
  });

  it('serves the default state directory, however HOME is spelt (a trailing slash)', async () => {
    const { home } = freshHome();
    mkdirSync(join(home, '.cache', 'hookpack'), { recursive: true, mode: 0o700 });
    const env = { PATH: process.env.PATH, HOME: `${home}/`, HOOKPACK_DAEMON_IDLE_MS: '20000' };
    await running(env);
    expect((await call(warm, payload('deny'), env)).stdout).toContain('warm-guard says no');
    expect(warmLines(join(home, '.cache', 'hookpack')).length).toBeGreaterThanOrEqual(2);
  });

  it('skips the daemon with HOOKPACK_DAEMON=0 and answers the same', async () => {
    const { state, env } = freshHome();
    const off = { ...env, HOOKPACK_DAEMON: '0' };
    const ran = await call(warm, payload('deny'), off);
    expect(ran).toEqual(callPlain(warm, payload('deny'), off));
    expect(await askDaemon('status', env, 500)).toBeUndefined();
    expect(warmLines(state)).toEqual([]);
  });

  it('answers with the bundle now on disk after it was rebuilt', async () => {
    const { env } = freshHome();
    await running(env);
    const bundle = join(warm.dist, 'copy', 'on-PreToolUse.cjs');
    mkdirSync(join(warm.dist, 'copy'), { recursive: true });
    copyFileSync(warm.bundle, bundle);
    expect((await call(warm, payload('deny'), env, { bundle })).stdout).toContain('warm-guard says no');
    // The same path now holds a hook's own bundle whose matcher never selects Bash (warm-note).
    copyFileSync(join(warm.dist, 'warm-note.cjs'), bundle);
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    const after = await call(warm, payload('deny'), env, { bundle });
    expect(after).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
