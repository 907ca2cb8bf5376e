import { existsSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../lib/run.ts';
import { killTracked, logged, pidLog, tempDir } from './_processes.ts';

const dir = tempDir();
afterEach(killTracked);
afterAll(() => dir.remove());

describe("run honours the caller's AbortSignal", () => {
  it('returns at once without spawning when the signal is already aborted', async () => {
    const marker = dir.file('spawned');
    const result = await run('sh', ['-c', 'touch "$1"', 'sh', marker], { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ aborted: true, timedOut: false, exitCode: null, signal: null, stdout: '' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(marker)).toBe(false);
  });

  it('stops the child when the signal aborts during the run', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await run(...logged(pidLog(dir), 'sh', ['-c', 'echo before; sleep 30']), {
      signal: controller.signal,
      timeoutMs: 20_000,
    });
    expect([result.aborted, result.timedOut, result.signal, result.stdout]).toEqual([
      true,
      false,
      'SIGTERM',
      'before\n',
    ]);
    expect(result.durationMs).toBeLessThan(5000);
  });

  it('tells a timeout from an abort when both are set', async () => {
    const controller = new AbortController();
    const result = await run(...logged(pidLog(dir), 'sleep', ['30']), { signal: controller.signal, timeoutMs: 200 });
    expect([result.timedOut, result.aborted]).toEqual([true, false]);
    controller.abort();
  });

  it('ignores an abort after the child has finished', async () => {
    const controller = new AbortController();
    const result = await run('sh', ['-c', 'exit 4'], { signal: controller.signal });
    controller.abort();
    expect([result.exitCode, result.aborted]).toEqual([4, false]);
  });

  it('can share one long-lived signal across many runs', async () => {
    const controller = new AbortController();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => run('sh', ['-c', `exit ${i}`], { signal: controller.signal })),
    );
    expect(results.map((r) => r.exitCode)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
