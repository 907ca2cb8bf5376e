// `hookpack profile` must not leave processes behind: whatever of a hook's process group still
// runs after the hook exited (a `cmd &` with its output redirected) is SIGKILLed after each run,
// and the groups of hooks still running are killed when profile itself gets SIGTERM or SIGINT.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profile } from '../../cli/commands/profile.ts';
import type { ProfileReport } from '../../cli/profile/summarize.ts';
import { trackedGroupCount } from '../../lib/run/process-groups.ts';
import { alive, buildCli, cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-groups');
afterAll(cleanup);

const pids = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map(Number);
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('hookpack profile and the processes hooks leave behind', () => {
  it('kills what a hook left running after each run, and says so in the report', async () => {
    const pidFile = join(dir, 'left.pids');
    const settings = writeFile(
      join(dir, 'left.json'),
      JSON.stringify({
        hooks: {
          Stop: [
            { hooks: [{ type: 'command', command: `sleep 30 >/dev/null 2>&1 & echo $! >> ${pidFile}`, timeout: 5 }] },
          ],
        },
      }),
    );
    const run = await runCli([profile], ['profile', '--settings', settings, '--runs', '3', '--json'], {
      cwd: dir,
      env: cleanEnv(dir),
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ProfileReport;
    expect(report.hooks[0]).toMatchObject({ leftBehind: 3, timeouts: 0, exits: { 0: 3 } });
    expect(report.hooks[0]?.hints[0]).toMatch(
      /^left processes running after it exited in 3 of 3 runs \(profile killed them\)/,
    );
    await settle();
    expect(pids(pidFile)).toHaveLength(3);
    for (const pid of pids(pidFile)) expect(alive(pid)).toBe(false);
    expect(trackedGroupCount()).toBe(0);
  });

  it('reports nothing left behind for a hook that waits for its children', async () => {
    const settings = writeFile(
      join(dir, 'tidy.json'),
      JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'sleep 0.01 & wait', timeout: 5 }] }] } }),
    );
    const run = await runCli([profile], ['profile', '--settings', settings, '--runs', '2', '--json'], {
      cwd: dir,
      env: cleanEnv(dir),
    });
    const hook = (JSON.parse(run.stdout) as ProfileReport).hooks[0];
    expect(hook).toMatchObject({ leftBehind: 0 });
    // Only the hint about left processes: the others are about time, which a loaded machine changes.
    expect(hook?.hints.filter((hint) => /left processes/.test(hint))).toEqual([]);
  });

  it("kills the running hooks' process groups when profile gets SIGTERM", async () => {
    const cli = buildCli(join(dir, 'dist'));
    const pidFile = join(dir, 'hung.pid');
    const settings = writeFile(
      join(dir, 'hung.json'),
      JSON.stringify({
        hooks: {
          Stop: [{ hooks: [{ type: 'command', command: `sleep 30 & echo $! > ${pidFile}; wait`, timeout: 60 }] }],
        },
      }),
    );
    const child = spawn(
      process.execPath,
      [cli, 'profile', '--settings', settings, '--runs', '1', '--timeout-ms', '60000'],
      { cwd: dir, env: cleanEnv(dir), stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error('the hook never started');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(sleeper)).toBe(true);
    child.kill('SIGTERM');
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, sig) => resolve(sig)),
    );
    expect(signal).toBe('SIGTERM');
    await settle();
    expect(alive(sleeper)).toBe(false);
  }, 30_000);
});
