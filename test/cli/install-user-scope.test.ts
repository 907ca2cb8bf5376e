// --scope user installs the user's own hooks (~/.claude/hooks/dist, built by `hookpack build
// --scope user`) into ~/.claude/settings.json (HOME from the environment, or CLAUDE_CONFIG_DIR),
// with absolute, sh-quoted bundle paths: no project variable there points at them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './_helpers.ts';
import { COMMANDS, makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

describe('hookpack install --scope user', () => {
  it('writes ~/.claude/settings.json with absolute quoted paths, and recognises them on re-run', async () => {
    project = makeProject('install-user');
    const home = project.env.HOME ?? '';
    cpSync(join(project.dir, 'dist'), join(home, '.claude', 'hooks', 'dist'), { recursive: true });
    const run = await project.run('install', '--scope', 'user');
    expect(run.code).toBe(0);
    const path = join(home, '.claude', 'settings.json');
    expect(run.stdout).toMatch(/^created ~\/\.claude\/settings\.json \(user scope\)\n/);
    const hooks = JSON.parse(readFileSync(path, 'utf8')).hooks;
    expect(hooks.PreToolUse[0].hooks[0].command).toBe(
      `env -u NODE_EXTRA_CA_CERTS node '${join(home, '.claude', 'hooks', 'dist', 'on-PreToolUse.cjs')}' || exit 2`,
    );
    expect(existsSync(project.settings)).toBe(false);
    expect((await project.run('install', '--scope', 'user')).stdout).toContain('nothing changed');
  });

  it('quotes a path with spaces and quotes so sh reads it back exactly', async () => {
    project = makeProject('install-user-quote');
    const odd = join(project.root, "it's a dir");
    cpSync(join(project.dir, 'dist'), join(odd, 'dist'), { recursive: true });
    const run = await runCli(COMMANDS, ['install', '--scope', 'user', '--dist', 'dist', '--hooks', 'prompt-context'], {
      cwd: odd,
      env: project.env,
    });
    expect(run.code).toBe(0);
    const command = JSON.parse(readFileSync(join(project.env.HOME ?? '', '.claude', 'settings.json'), 'utf8')).hooks
      .UserPromptSubmit[0].hooks[0].command as string;
    expect(command).toBe(`env -u NODE_EXTRA_CA_CERTS node '${project.root}/it'\\''s a dir/dist/prompt-context.cjs'`);
    expect(
      spawnSync('sh', ['-c', command.replace(/^env -u NODE_EXTRA_CA_CERTS node /, 'printf %s ')], { encoding: 'utf8' })
        .stdout,
    ).toBe(join(odd, 'dist', 'prompt-context.cjs'));
  });

  it('follows CLAUDE_CONFIG_DIR, where Claude Code then reads user settings', async () => {
    project = makeProject('install-config-dir');
    const configDir = join(project.root, 'xdg', 'claude');
    cpSync(join(project.dir, 'dist'), join(configDir, 'hooks', 'dist'), { recursive: true });
    const run = await runCli(COMMANDS, ['install', '--scope', 'user'], {
      cwd: project.dir,
      env: { ...project.env, CLAUDE_CONFIG_DIR: configDir },
    });
    expect(run.code).toBe(0);
    expect(existsSync(join(configDir, 'settings.json'))).toBe(true);
    expect(existsSync(join(project.env.HOME ?? '', '.claude'))).toBe(false);
  });

  it('asks for HOME or --settings when HOME is unset', async () => {
    project = makeProject('install-no-home');
    const run = await runCli(COMMANDS, ['install', '--scope', 'user'], {
      cwd: project.dir,
      env: { PATH: process.env.PATH },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'hookpack: HOME is not set, so the user settings file cannot be found; set HOME or pass --settings PATH\n',
    );
  });
});
