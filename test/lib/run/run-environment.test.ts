import { realpathSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../lib/run.ts';
import { tempDir } from './_processes.ts';

const dir = tempDir();
afterAll(() => dir.remove());
const printEnv = (name: string) => ['-c', `printf '%s' "\${${name}-unset}"`];

describe('run gives the child an environment and a directory', () => {
  it('extends process.env with `env` by default', async () => {
    process.env.HOOKPACK_RUN_INHERITED = 'from-parent';
    try {
      const inherited = await run('sh', printEnv('HOOKPACK_RUN_INHERITED'), { env: { HOOKPACK_RUN_ADDED: 'x' } });
      expect(inherited.stdout).toBe('from-parent');
      const added = await run('sh', printEnv('HOOKPACK_RUN_ADDED'), { env: { HOOKPACK_RUN_ADDED: 'added' } });
      expect(added.stdout).toBe('added');
    } finally {
      delete process.env.HOOKPACK_RUN_INHERITED;
    }
  });

  it('overrides an inherited variable, and removes one set to undefined', async () => {
    process.env.HOOKPACK_RUN_DOOMED = 'here';
    try {
      expect((await run('sh', printEnv('HOOKPACK_RUN_DOOMED'), { env: { HOOKPACK_RUN_DOOMED: 'over' } })).stdout).toBe(
        'over',
      );
      expect(
        (await run('sh', printEnv('HOOKPACK_RUN_DOOMED'), { env: { HOOKPACK_RUN_DOOMED: undefined } })).stdout,
      ).toBe('unset');
      expect(process.env.HOOKPACK_RUN_DOOMED).toBe('here');
    } finally {
      delete process.env.HOOKPACK_RUN_DOOMED;
    }
  });

  it('starts from nothing but `env` when extendEnv is false', async () => {
    const result = await run('/bin/sh', ['-c', 'env'], { env: { ONLY: '1' }, extendEnv: false });
    expect(result.stdout.split('\n').filter((line) => line !== '' && !/^(PWD|SHLVL|_)=/.test(line))).toEqual([
      'ONLY=1',
    ]);
  });

  it('runs in `cwd`', async () => {
    const result = await run('pwd', [], { cwd: dir.path });
    expect(realpathSync(result.stdout.trim())).toBe(realpathSync(dir.path));
  });
});
