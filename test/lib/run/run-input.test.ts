import { describe, expect, it } from 'vitest';
import { run } from '../../../lib/run.ts';

describe('run feeds `input` to the child and closes its stdin', () => {
  it.each([
    ['a string', 'hello\nworld\n', 'hello\nworld\n'],
    ['a Buffer', Buffer.from([0x68, 0x69]), 'hi'],
    ['an empty string', '', ''],
  ])('passes %s through stdin', async (_label, input, expected) => {
    const result = await run('cat', [], { input });
    expect([result.stdout, result.exitCode]).toEqual([expected, 0]);
  });

  it('passes 8 MiB through stdin while reading stdout', async () => {
    const result = await run('wc', ['-c'], { input: Buffer.alloc(8 * 1024 * 1024, 'x'), timeoutMs: 20_000 });
    expect([result.stdout.trim(), result.exitCode]).toEqual([String(8 * 1024 * 1024), 0]);
  });

  it('ignores the broken pipe when the child exits without reading its input', async () => {
    const result = await run('sh', ['-c', 'exit 0'], { input: Buffer.alloc(4 * 1024 * 1024, 'x') });
    expect([result.exitCode, result.error]).toEqual([0, undefined]);
  });

  it('gives the child an empty stdin (/dev/null) when there is no input, so it never waits on ours', async () => {
    const result = await run('cat', [], { timeoutMs: 5000 });
    expect([result.stdout, result.exitCode, result.timedOut]).toEqual(['', 0, false]);
  });
});
