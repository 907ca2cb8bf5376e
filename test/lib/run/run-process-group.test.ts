import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../lib/run.ts';
import { trackedGroupCount } from '../../../lib/run/process-groups.ts';
import { hasProc, isGone, killTracked, logged, pidLog, sessionOf, tempDir, track, waitFor } from './_processes.ts';

// A hook's grandchildren that keep its pipes open are what hangs Claude Code (#85250, #77078,
// zilliztech/memsearch#676). Bounds are generous correctness bounds, far below the 30 s sleeps.
// Every fixture appends what it starts to a pid log, so nothing survives even a failed test.
const dir = tempDir();
afterEach(killTracked);
afterAll(() => dir.remove());

describe('run owns the process group of the child it started', () => {
  it('returns promptly with the output when a grandchild keeps stdout open after its parent exits, and the grandchild is dead', async () => {
    const result = await run('sh', ['-c', 'sleep 30 & echo $! >> "$1"; echo $!', 'sh', pidLog(dir)]);
    const grandchild = track(Number(result.stdout.trim()));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\d+\n$/);
    expect(result.durationMs).toBeLessThan(5000);
    expect(await waitFor(() => isGone(grandchild), 2000)).toBe(true);
  });

  it('returns "hi" from `sleep 30 & echo hi` well before the sleep would end', async () => {
    const result = await run('sh', ['-c', 'sleep 30 & echo $! >> "$1"; sleep 0.1; echo hi', 'sh', pidLog(dir)]);
    expect([result.stdout, result.exitCode]).toEqual(['hi\n', 0]);
    expect(result.durationMs).toBeLessThan(5000);
  });

  it('SIGKILLs a leftover that ignores SIGTERM after the grace, without making the caller wait for it', async () => {
    const result = await run(
      'sh',
      ['-c', `(trap '' TERM; exec sleep 30) & echo $! >> "$1"; sleep 0.2; echo $!`, 'sh', pidLog(dir)],
      { killGraceMs: 300 },
    );
    const leftover = track(Number(result.stdout.trim()));
    expect(result.exitCode).toBe(0);
    expect(result.durationMs).toBeLessThan(200 + 300 + 3000);
    expect(await waitFor(() => isGone(leftover), 3000)).toBe(true);
    expect(trackedGroupCount()).toBe(0);
  });

  it('still returns when a grandchild escaped the group with setsid and holds the pipe; that one keeps running', async () => {
    // setsid puts the sleep in a new session and group: no signal to our group reaches it. `run`
    // closes its ends of the pipes shortly after the child exits and returns what it has.
    const result = await run('sh', ['-c', 'setsid sleep 30 & echo $! >> "$1"; sleep 0.2; echo $!', 'sh', pidLog(dir)]);
    const escapee = track(Number(result.stdout.trim()));
    expect([result.stdout.trim(), result.exitCode]).toEqual([String(escapee), 0]);
    expect(result.durationMs).toBeLessThan(200 + 3000);
    expect(isGone(escapee)).toBe(false);
  });

  it.runIf(hasProc)('starts the child as the leader of its own session and process group', async () => {
    const result = await run('sh', ['-c', 'cut -d" " -f5,6 /proc/$$/stat; echo $$']);
    const [groupAndSession, pid] = result.stdout.trim().split('\n');
    expect(groupAndSession).toBe(`${pid} ${pid}`);
    expect(sessionOf(process.pid)).not.toBe(Number(pid));
  });

  it('forgets every group once its runs are over', async () => {
    const log = pidLog(dir);
    await Promise.all([
      run('true', []),
      run('sh', ['-c', 'sleep 30 & echo $! >> "$1"', 'sh', log]),
      run(...logged(log, 'sleep', ['30']), { timeoutMs: 100 }),
    ]);
    expect(await waitFor(() => trackedGroupCount() === 0, 2000)).toBe(true);
  });
});
