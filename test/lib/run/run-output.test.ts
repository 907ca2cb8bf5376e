import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../lib/run.ts';
import { killTracked, logged, pidLog, tempDir } from './_processes.ts';

const dir = tempDir();
afterEach(killTracked);
afterAll(() => dir.remove());

describe('run reports what the child wrote and how it ended', () => {
  it('keeps stdout and stderr apart and exactly as written, trailing newline included', async () => {
    const result = await run('sh', ['-c', 'printf "out\\n"; printf "err\\n" >&2; printf "é"']);
    expect(result).toMatchObject({ stdout: 'out\né', stderr: 'err\n', exitCode: 0, signal: null, truncated: false });
  });

  it('passes each argument through untouched, with no shell to split or expand it', async () => {
    const args = ['a b', '$HOME', '*', '"quoted"', "it's", '; rm -rf /'];
    const result = await run('sh', ['-c', 'for a in "$@"; do printf "[%s]" "$a"; done', 'sh', ...args]);
    expect(result.stdout).toBe(args.map((a) => `[${a}]`).join(''));
  });

  it.each([
    [0, 'exit 0'],
    [1, 'exit 1'],
    [2, 'exit 2'],
    [255, 'exit 255'],
  ])('reports exit code %i', async (code, script) => {
    const result = await run('sh', ['-c', script]);
    expect([result.exitCode, result.signal]).toEqual([code, null]);
  });

  it.each(['SIGTERM', 'SIGKILL', 'SIGINT', 'SIGSEGV'] as const)(
    'reports a child ended by %s as that signal with a null exit code',
    async (name) => {
      const result = await run('sh', ['-c', `kill -s ${name.slice(3)} $$`]);
      expect([result.exitCode, result.signal, result.timedOut, result.aborted]).toEqual([null, name, false, false]);
    },
  );

  it('measures how long the run took', async () => {
    const result = await run('sleep', ['0.2']);
    expect(result.durationMs).toBeGreaterThanOrEqual(150);
    expect(result.durationMs).toBeLessThan(10_000);
  });
});

describe('run caps what it keeps of each stream', () => {
  it('keeps the first maxOutputBytes of 50 MB, drains the rest, and reports the real exit code', async () => {
    const result = await run('head', ['-c', '50000000', '/dev/zero'], { maxOutputBytes: 1000, timeoutMs: 20_000 });
    expect(result.stdout.length).toBe(1000);
    expect([result.truncated, result.exitCode, result.timedOut]).toEqual([true, 0, false]);
  });

  it('keeps 1 MiB by default', async () => {
    const result = await run('head', ['-c', '3000000', '/dev/zero'], { timeoutMs: 20_000 });
    expect(result.stdout.length).toBe(1024 * 1024);
    expect(result.truncated).toBe(true);
  });

  it('caps stderr on its own, and says nothing is truncated when the output fits exactly', async () => {
    const over = await run('sh', ['-c', 'printf 12345 >&2; printf ab'], { maxOutputBytes: 3 });
    expect([over.stdout, over.stderr, over.truncated]).toEqual(['ab', '123', true]);
    const exact = await run('sh', ['-c', 'printf abc'], { maxOutputBytes: 3 });
    expect([exact.stdout, exact.truncated]).toEqual(['abc', false]);
  });

  it('ends a writer that never stops at its timeout, with the cap respected', async () => {
    const result = await run(...logged(pidLog(dir), 'yes', []), { maxOutputBytes: 100, timeoutMs: 300 });
    expect(result.stdout).toBe('y\n'.repeat(50));
    expect([result.truncated, result.timedOut, result.signal]).toEqual([true, true, 'SIGTERM']);
  });
});
