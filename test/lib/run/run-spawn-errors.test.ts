import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../lib/run.ts';
import { tempDir, writeScript } from './_processes.ts';

const dir = tempDir();
const notExecutable = writeScript(dir.file('not-executable.sh'), '#!/bin/sh\necho hi\n', 0o644);
const plainFile = writeScript(dir.file('plain.txt'), 'x', 0o644);
afterAll(() => dir.remove());

describe('run reports a child that cannot start as a result, never a throw', () => {
  it.each([
    [
      'a program missing from PATH',
      'hookpack-no-such-program',
      {},
      'ENOENT',
      '`hookpack-no-such-program` not found on PATH; install it or pass its full path',
    ],
    [
      'a command line passed as the file',
      'git status',
      {},
      'ENOENT',
      '`git status` not found on PATH; install it or pass its full path (and pass arguments in `args`, not in the file name)',
    ],
    [
      'a path that does not exist',
      '/nonexistent/hookpack/tool',
      {},
      'ENOENT',
      '`/nonexistent/hookpack/tool` does not exist; check the path',
    ],
    [
      'a file without the execute bit',
      notExecutable,
      {},
      'EACCES',
      `\`${notExecutable}\` cannot be executed (permission denied); make it executable (chmod +x) or run it through its interpreter, e.g. run('sh', [file])`,
    ],
    ['a directory as the file', dir.path, {}, 'EACCES', `\`${dir.path}\` cannot be executed`],
    [
      'a file used as a directory in the path',
      `${plainFile}/tool`,
      {},
      'ENOTDIR',
      `\`${plainFile}/tool\` has a path component that is not a directory; check the path`,
    ],
    [
      'a cwd that is a file',
      'sh',
      { cwd: plainFile },
      'ENOTDIR',
      `\`cwd\` ${plainFile} is not a directory; pass a directory`,
    ],
    [
      'a cwd that does not exist',
      'sh',
      { cwd: dir.file('missing') },
      'ENOENT',
      `\`cwd\` ${dir.file('missing')} does not exist; create it or pass an existing directory`,
    ],
  ])('%s comes back as %s', async (_label, file, options, code, message) => {
    const result = await run(file, ['-c', 'true'], options);
    expect(result.error?.code).toBe(code);
    expect(result.error?.message.startsWith(message)).toBe(true);
    expect(result.error?.message).not.toMatch(/\n/);
    expect(result).toMatchObject({
      exitCode: null,
      signal: null,
      stdout: '',
      stderr: '',
      timedOut: false,
      aborted: false,
      truncated: false,
    });
  });

  it('leaves `error` out of the result when the child started, whatever its exit code', async () => {
    const result = await run('sh', ['-c', 'exit 127']);
    expect(result.exitCode).toBe(127);
    expect('error' in result).toBe(false);
  });
});
