// `hookpack profile` flag checking and the case of nothing to profile.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profile } from '../../cli/commands/profile.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-usage');
afterAll(cleanup);
const env = cleanEnv(dir);

describe('hookpack profile usage', () => {
  it.each([
    [['--runs', '0'], '`--runs` must be a whole number from 1 to 1000, got `0`'],
    [['--runs', 'many'], '`--runs` must be a whole number from 1 to 1000, got `many`'],
    [['--timeout-ms', '2.5'], '`--timeout-ms` must be a whole number from 1 to 600000, got `2.5`'],
  ])('rejects %j with exit 2', async (args, message) => {
    const run = await runCli([profile], ['profile', ...args], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`hookpack: ${message}\n`);
  });

  it('lists the valid events for an unknown --event', async () => {
    const run = await runCli([profile], ['profile', '--event', 'PreTool'], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^hookpack: `--event` got `PreTool`, which is not an event; valid events: SessionStart, Setup, .*PostModelSwitch\n$/,
    );
  });

  it('says there is nothing to measure when no hook is configured', async () => {
    const run = await runCli([profile], ['profile'], { cwd: dir, env });
    expect(run).toMatchObject({
      code: 0,
      stdout: 'hookpack profile: no command hooks in any settings layer; nothing to measure.\n',
    });
  });

  it('skips hooks on events without a fixture, saying so', async () => {
    const settings = writeFile(
      join(dir, 's.json'),
      JSON.stringify({ hooks: { preToolUse: [{ hooks: [{ type: 'command', command: 'true' }] }] } }),
    );
    const run = await runCli([profile], ['profile', '--settings', settings, '--json'], { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `hookpack: skipping hooks.preToolUse[0].hooks[0] in ${settings}: no payload for event "preToolUse"\n`,
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ hooks: [], events: [] });
  });

  it('prints its help with --help', async () => {
    const run = await runCli([profile], ['profile', '--help'], { cwd: dir, env });
    expect(run.stdout).toMatch(
      /^usage: hookpack profile \[--settings PATH\] \[--event E\] \[--runs N\]\n +\[--input FILE\] \[--prompt TEXT\]\n +\[--timeout-ms T\] \[--list\] \[--json\]\n/,
    );
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});
