// A hook that outlives --timeout-ms: its whole process group is killed, and profile exits 1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profile } from '../../cli/commands/profile.ts';
import type { ProfileReport } from '../../cli/profile/summarize.ts';
import { alive, cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-timeout');
afterAll(cleanup);

describe('hookpack profile and hooks that hang', () => {
  it('kills the process group at --timeout-ms, counts the timeout and exits 1', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const settings = writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        hooks: {
          Stop: [{ hooks: [{ type: 'command', command: `sleep 30 & echo $! > ${pidFile}; wait`, timeout: 60 }] }],
        },
      }),
    );
    const run = await runCli(
      [profile],
      ['profile', '--settings', settings, '--runs', '1', '--timeout-ms', '300', '--json'],
      { cwd: dir, env: cleanEnv(dir) },
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ProfileReport;
    expect(report.hooks[0]).toMatchObject({ exits: { timeout: 1 }, timeouts: 1 });
    expect(report.hooks[0]?.hints[0]).toMatch(/^timed out in 1 of 1 runs \(--timeout-ms 300\)/);
    // The backgrounded grandchild went with the group (allow the kernel a moment to reap it).
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive(pid)).toBe(false);
  });
});
