import { describe, expect, it } from 'vitest';
import { run } from '../../../lib/run.ts';

describe('run rejects arguments a caller got wrong, naming them', () => {
  it.each([
    [
      'a shell command line passed as args',
      'git',
      'status --short',
      /`args` must be an array of strings \(argv, not a shell string\), got "status --short"/,
    ],
    [
      'a file that is not a string',
      42,
      [],
      /`file` must be an executable name or path, its arguments in `args`, got 42/,
    ],
    ['an empty file', '', [], /`file` must be/],
    ['an argument that is not a string', 'echo', ['a', 1], /`args\[1\]` must be a string without NUL bytes, got 1/],
    ['an argument holding a NUL byte', 'echo', ['a\0b'], /`args\[0\]` must be a string without NUL bytes/],
  ])('rejects %s', async (_label, file, args, message) => {
    await expect(run(file as string, args as string[])).rejects.toThrow(message);
    await expect(run(file as string, args as string[])).rejects.toBeInstanceOf(TypeError);
  });

  it.each([
    ['a negative timeout', { timeoutMs: -1 }, /`timeoutMs` must be a number >= 0, got -1/],
    ['a timeout given as a numeric string', { timeoutMs: '5' }, /`timeoutMs` must be a number >= 0, got "5"/],
    ['a timeout that is not a number', { timeoutMs: '5s' }, /`timeoutMs` must be a number >= 0, got "5s"/],
    ['a NaN grace', { killGraceMs: Number.NaN }, /`killGraceMs` must be a number >= 0, got NaN/],
    ['a negative output cap', { maxOutputBytes: -5 }, /`maxOutputBytes` must be a number >= 0, got -5/],
    [
      'input that is neither text nor bytes',
      { input: { text: 'x' } },
      /`input` must be a string or a Buffer, got object/,
    ],
    ['an empty cwd', { cwd: '' }, /`cwd` must be a directory path/],
    ['env that is not an object', { env: 'A=1' }, /`env` must be an object of strings/],
    [
      'an env value that is a number',
      { env: { PORT: 8080 } },
      /`env.PORT` must be a string, or undefined to remove it, got 8080/,
    ],
    ['extendEnv that is not a boolean', { extendEnv: 'no' }, /`extendEnv` must be a boolean/],
    ['a signal that is not an AbortSignal', { signal: 5000 }, /`signal` must be an AbortSignal, got 5000/],
    ['an unknown option such as `timeout`', { timeout: 5000 }, /unknown option `timeout`; valid options: timeoutMs, /],
    ['options that are not an object', 'fast', /`options` must be an object/],
  ])('rejects %s', async (_label, options, message) => {
    await expect(run('true', [], options as never)).rejects.toThrow(message);
  });

  it('accepts Infinity as "no limit" for the timeout, the grace and the cap', async () => {
    const result = await run('sh', ['-c', 'echo ok'], {
      timeoutMs: Infinity,
      killGraceMs: Infinity,
      maxOutputBytes: Infinity,
    });
    expect([result.exitCode, result.stdout, result.timedOut]).toEqual([0, 'ok\n', false]);
  });
});
