// `hookpack adopt --breaker-failures N --breaker-cool-down SECONDS`: written into every adopted
// hook's table entry, checked with a one-line error naming the flag, the default when absent.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adoptCommand } from '../../cli/commands/adopt.ts';
import { readTable } from '../../lib/adopt/table.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('adopt-breaker');
afterAll(cleanup);
let n = 0;

async function adopt(...args: string[]) {
  const root = join(dir, `p${n++}`);
  writeFile(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  const command = (script: string) => ({ type: 'command', command: `python3 .claude/hooks/${script}` });
  writeFile(
    join(root, '.claude', 'settings.json'),
    JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [command('guard.py'), command('notes.py')] }] } }),
  );
  const run = await runCli([adoptCommand], ['adopt', ...args], { cwd: root, env: cleanEnv(dir) });
  const table = () => readTable(join(root, '.claude', 'hookpack', 'adopted.settings.json'));
  return { run, table };
}

describe('hookpack adopt sets the adopted hooks circuit breakers', () => {
  it('writes both settings into every adopted hook', async () => {
    const { run, table } = await adopt('--breaker-failures', '5', '--breaker-cool-down', '300');
    expect(run.code).toBe(0);
    expect(table().hooks.map((h) => h.breaker)).toEqual([
      { failures: 5, coolDownSeconds: 300 },
      { failures: 5, coolDownSeconds: 300 },
    ]);
  });

  it('fills the one not given with its default', async () => {
    const { table } = await adopt('--breaker-cool-down', '10');
    expect(table().hooks[0]?.breaker).toEqual({ failures: 3, coolDownSeconds: 10 });
  });

  it('leaves the default to the runner when neither is given', async () => {
    const { table } = await adopt();
    expect(table().hooks.every((h) => h.breaker === undefined)).toBe(true);
  });

  it.each([
    [['--breaker-failures', '0'], /--breaker-failures must be a whole number of failures from 1 to 1000, got `0`/],
    [['--breaker-failures', '2.5'], /--breaker-failures must be a whole number/],
    [['--breaker-failures=-1'], /--breaker-failures must be a whole number/],
    [
      ['--breaker-cool-down', '1e3'],
      /--breaker-cool-down must be a whole number of seconds from 1 to 86400, got `1e3`/,
    ],
    [['--breaker-cool-down', '86401'], /--breaker-cool-down must be a whole number of seconds/],
    [['--breaker-cool-down', `9${'9'.repeat(400)}`], /--breaker-cool-down must be a whole number of seconds/],
  ])('refuses %j with one line and writes nothing', async (args, says) => {
    const { run, table } = await adopt(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(says);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(() => table()).toThrow(/is missing/);
  });
});
