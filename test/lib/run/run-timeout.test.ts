import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../lib/run.ts';
import { isGone, killTracked, logged, pidFrom, pidLog, tempDir, waitFor } from './_processes.ts';

// Timing bounds here are correctness bounds (the grace is honoured, nothing waits 30 s), with
// seconds of slack for a loaded two-core machine; they are not benchmarks.
const SLACK_MS = 3000;
const dir = tempDir();
afterEach(killTracked);
afterAll(() => dir.remove());

describe('run stops a child that outlives timeoutMs', () => {
  it('SIGTERMs a child that obeys, at once', async () => {
    const result = await run(...logged(pidLog(dir), 'sleep', ['30']), { timeoutMs: 200, killGraceMs: 5000 });
    expect([result.timedOut, result.aborted, result.exitCode, result.signal]).toEqual([true, false, null, 'SIGTERM']);
    expect(result.durationMs).toBeLessThan(200 + SLACK_MS);
  });

  it('SIGKILLs a child that ignores SIGTERM once the grace has passed', async () => {
    const result = await run(...logged(pidLog(dir), 'sh', ['-c', "trap '' TERM; sleep 30"]), {
      timeoutMs: 300,
      killGraceMs: 300,
    });
    expect([result.timedOut, result.exitCode, result.signal]).toEqual([true, null, 'SIGKILL']);
    expect(result.durationMs).toBeGreaterThanOrEqual(300 + 300 - 20);
    expect(result.durationMs).toBeLessThan(300 + 300 + SLACK_MS);
  });

  it('ends the whole group: a grandchild ignoring SIGTERM dies with its parent', async () => {
    const pidFile = pidLog(dir);
    const grandchildScript = `trap '' TERM; echo $$ > "$1"; exec sleep 30`;
    const result = await run('sh', ['-c', `sh -c "$1" sh "$2" & wait`, 'sh', grandchildScript, pidFile], {
      timeoutMs: 500,
      killGraceMs: 200,
    });
    const grandchild = await pidFrom(pidFile);
    expect(result.timedOut).toBe(true);
    expect(await waitFor(() => isGone(grandchild), 2000)).toBe(true);
  });

  it('keeps what the child wrote before the timeout', async () => {
    const result = await run(...logged(pidLog(dir), 'sh', ['-c', 'echo started; sleep 30']), { timeoutMs: 300 });
    expect([result.stdout, result.timedOut]).toEqual(['started\n', true]);
  });

  it('does not time out a child that finishes in time, and leaves no timer behind', async () => {
    const result = await run('sh', ['-c', 'echo fast'], { timeoutMs: 10_000 });
    expect([result.stdout, result.timedOut, result.exitCode]).toEqual(['fast\n', false, 0]);
  });
});
