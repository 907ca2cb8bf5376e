// The daemon's life: started by the first call, visible to `hookpack daemon status`, gone after its
// idle period, past its memory cap, or on `stop`; the calls after that still get their answer.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { askDaemon } from '../../../cli/daemon-client.ts';
import { alive, call, freshHome, payload, setUpWarm, telemetry, until, warmUp, type Warm } from './_warm.ts';

let warm: Warm;
const daemons: number[] = [];

beforeAll(() => {
  warm = setUpWarm();
});
afterEach(() => {
  for (const pid of daemons.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});
afterAll(() => rmSync(warm.dist, { recursive: true, force: true }));

describe('the warm daemon', () => {
  it('reports its pid, requests, memory and bundles', async () => {
    const { env } = freshHome();
    const status = await warmUp(warm, env);
    daemons.push(Number(status.pid));
    expect(status).toMatchObject({
      pid: expect.any(Number),
      requests: expect.any(Number),
      memory: { rssBytes: expect.any(Number) },
      bundles: [{ path: warm.bundle, event: 'PreToolUse', hooks: ['warm-guard', 'warm-note'] }],
    });
  });

  it('leaves after its idle period and removes its socket', async () => {
    const { state, env } = freshHome();
    const quick = { ...env, HOOKPACK_DAEMON_IDLE_MS: '700' };
    const { pid } = await warmUp(warm, quick);
    daemons.push(Number(pid));
    await until(() => !alive(Number(pid)) && !existsSync(join(state, 'daemon', 'sock')), 'the idle daemon to leave');
    expect((await call(warm, payload('deny'), quick)).stdout).toContain('warm-guard says no');
  });

  it('answers the call that takes it past its memory cap, then leaves', async () => {
    const { state, env } = freshHome();
    const capped = { ...env, HOOKPACK_DAEMON_MAX_MB: '1' };
    await call(warm, payload('deny'), capped); // falls back, starts the daemon
    await until(() => existsSync(join(state, 'daemon', 'sock')), 'the daemon to listen');
    const answered = await call(warm, payload('deny'), capped);
    expect(answered.stdout).toContain('warm-guard says no');
    expect(telemetry(state).filter((l) => l.transport === 'warm')).toHaveLength(1);
    await until(() => !existsSync(join(state, 'daemon', 'sock')), 'the capped daemon to leave');
  });

  it('stops on request; the next call is answered by the bundle and starts a new one', async () => {
    const { state, env } = freshHome();
    const { pid } = await warmUp(warm, env);
    daemons.push(Number(pid));
    expect(await askDaemon('stop', env)).toMatchObject({ stopping: true, pid });
    await until(() => !alive(Number(pid)), 'the daemon to stop');
    expect(existsSync(join(state, 'daemon', 'sock'))).toBe(false);
    expect((await call(warm, payload('deny'), env)).stdout).toContain('warm-guard says no');
    const next = await warmUp(warm, env);
    daemons.push(Number(next.pid));
    expect(next.pid).not.toBe(pid);
  });
});
