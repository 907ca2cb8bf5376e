// `hookpack profile` runs the hooks for real, so it says which before it starts, and `--list`
// only lists them: nothing runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profile } from '../../cli/commands/profile.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-list');
afterAll(cleanup);
const env = cleanEnv(dir);
const marker = join(dir, 'committed');
const TOUCH = 'touch "$CLAUDE_PROJECT_DIR"/committed';
const settings = writeFile(
  join(dir, 'settings.json'),
  JSON.stringify({
    hooks: {
      Stop: [{ hooks: [{ type: 'command', command: TOUCH, timeout: 5 }] }],
      PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'true', timeout: 5 }] }],
    },
  }),
);

describe('hookpack profile --list', () => {
  it('lists the hooks it would run on stdout and runs none of them', async () => {
    const run = await runCli([profile], ['profile', '--settings', settings, '--runs', '5', '--list'], {
      cwd: dir,
      env,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('hookpack profile would run 2 hooks, 5 times each:');
    expect(lines[1]).toMatch(/^EVENT +MATCHER +HOOK +IN$/);
    expect(lines[2]).toMatch(/^Stop +touch "\$CLAUDE_PROJECT_DIR"\/committed +settings$/);
    expect(lines[3]).toMatch(/^PreToolUse +Bash +true +settings$/);
    expect(lines.slice(4)).toEqual(['']);
    expect(existsSync(marker)).toBe(false);
  });

  it('prints the list as JSON with --json', async () => {
    const run = await runCli([profile], ['profile', '--settings', settings, '--list', '--json'], { cwd: dir, env });
    expect(JSON.parse(run.stdout)).toEqual({
      runs: 10,
      hooks: [
        {
          label: TOUCH,
          event: 'Stop',
          matcher: null,
          command: TOUCH,
          layer: 'settings',
          path: settings,
          where: 'hooks.Stop[0].hooks[0]',
          payload: 'Stop fixture',
        },
        {
          label: 'true',
          event: 'PreToolUse',
          matcher: 'Bash',
          command: 'true',
          layer: 'settings',
          path: settings,
          where: 'hooks.PreToolUse[0].hooks[0]',
          payload: 'PreToolUse fixture, tool Bash',
        },
      ],
    });
    expect(existsSync(marker)).toBe(false);
  });

  it('names the hooks on stderr before running them for real', async () => {
    const run = await runCli([profile], ['profile', '--settings', settings, '--runs', '1', '--json'], {
      cwd: dir,
      env,
    });
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').slice(0, 3)).toEqual([
      'hookpack profile: running 2 hooks 1 time each, for real (side effects too;',
      '  --list shows this list without running):',
      expect.stringMatching(/^EVENT +MATCHER +HOOK +IN$/),
    ]);
    expect(run.stderr).toContain(TOUCH);
    expect(existsSync(marker)).toBe(true); // it really ran
  });

  it('documents that the hooks really run', async () => {
    const run = await runCli([profile], ['profile', '--help'], { cwd: dir, env });
    expect(run.stdout).toContain('a Stop hook that commits\ncommits N times');
    expect(run.stdout).toContain('--list            only list the hooks it would run (stdout), run nothing');
  });
});
