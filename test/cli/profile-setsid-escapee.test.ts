// A hook that starts `setsid … &` leaves a grandchild outside its process group that keeps the
// hook's stdout open: the pipe never closes, and profile used to wait for that forever. Now a run
// ends when the hook exits plus a short grace for its output (Claude Code waits about as long),
// the hook's group is killed as before, and the escapee is found by the pipe it holds and killed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profile } from '../../cli/commands/profile.ts';
import type { ProfileReport } from '../../cli/profile/summarize.ts';
import { trackedGroupCount } from '../../lib/run/process-groups.ts';
import { alive, cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-setsid');
afterAll(cleanup);

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

// The escapee writes its pid, then becomes `sleep 30` holding the hook's stdout and stderr.
const escapee = (pidFile: string) => `setsid sh -c 'echo $$ >> ${pidFile}; exec sleep 30' &`;

describe.skipIf(process.platform !== 'linux')('hookpack profile and a setsid grandchild holding stdout', () => {
  it.each([
    [
      'a hook that exits at once',
      (pidFile: string) => `${escapee(pidFile)} echo '{}'`,
      0,
      { timeouts: 0, exits: { 0: 2 } },
    ],
    ['a hook that hangs past --timeout-ms', (pidFile: string) => `${escapee(pidFile)} sleep 30`, 1, { timeouts: 2 }],
  ] as const)(
    'ends for %s, and kills the escapee',
    async (name, command, exit, expected) => {
      const pidFile = join(dir, `${name.length}.pids`);
      const settings = writeFile(
        join(dir, `${name.length}.json`),
        JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: command(pidFile), timeout: 60 }] }] } }),
      );
      const run = await runCli(
        [profile],
        ['profile', '--settings', settings, '--runs', '2', '--timeout-ms', '1500', '--json'],
        { cwd: dir, env: cleanEnv(dir) },
      );
      expect(run.code).toBe(exit); // 1: a run timed out
      const report = JSON.parse(run.stdout) as ProfileReport;
      expect(report.hooks[0]).toMatchObject(expected);
      if (expected.timeouts === 0) expect(report.hooks[0]?.leftBehind).toBe(2);
      await settle();
      const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
      expect(pids).toHaveLength(2);
      for (const pid of pids) expect(alive(pid)).toBe(false);
      expect(trackedGroupCount()).toBe(0);
    },
    25_000,
  );
});
