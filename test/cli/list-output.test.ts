// `hookpack list`: every settings scope's hook entries (ours marked) and each built hook's state,
// as tables within 80 columns or one JSON document.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, writeFile } from './_helpers.ts';
import { COMMANDS, makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const userSettings = (p: Project) => join(p.env.HOME ?? '', '.claude', 'settings.json');

describe('hookpack list', () => {
  it('says nothing is installed and shows every hook on, in an empty setup', async () => {
    project = makeProject('list-empty');
    const run = await project.run('list');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'No hooks in any settings file. Run `hookpack install` to add the built ones.',
        'files:    user    ~/.claude/settings.json (absent)',
        '          project .claude/settings.json (absent)',
        '          local   .claude/settings.local.json (absent)',
        '',
        'HOOK            EVENT             STATE  IN  WHY',
        'bash-guard      PreToolUse        on     -',
        'file-guard      PreToolUse        on     -',
        'prompt-context  UserPromptSubmit  on     -',
        `toggles:  user    ${project.env.HOOKPACK_HOME}/disabled.json (absent)`,
        '          project .claude/hookpack/disabled.json (absent)',
        '',
      ].join('\n'),
    );
  });

  it("shows ours and other tools' entries in every scope, and why hooks are off, within 80 columns", async () => {
    project = makeProject('list-full');
    await project.run('install');
    await project.run('install', '--scope', 'user', '--dist', 'dist', '--hooks', 'prompt-context');
    const user = JSON.parse(project.read(userSettings(project)));
    user.hooks.Stop = [
      { hooks: [{ type: 'command', command: 'notify-send "Claude is done" --urgency=low --app-name=claude-code' }] },
    ];
    writeFile(userSettings(project), JSON.stringify(user));
    writeFile(
      join(project.dir, '.claude', 'hookpack', 'disabled.json'),
      '{ "hooks": ["bash-guard", "prompt-context"] }',
    );
    const run = await runCli(COMMANDS, ['list'], {
      cwd: project.dir,
      env: { ...project.env, HOOKPACK_SKIP: 'file-guard' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => line.length > 80 && !line.includes(project.root))).toEqual([]);
    expect(run.stdout).toContain(
      [
        'SCOPE    EVENT             MATCHER         TIMEOUT  COMMAND',
        'user     UserPromptSubmit                      3 s  hookpack prompt-context.cjs',
        'user     Stop                                    -  notify-send "Claude is done…',
        'project  PreToolUse        Bash|Edit|Wri…      5 s  hookpack on-PreToolUse.cjs',
        'project  UserPromptSubmit                      3 s  hookpack prompt-context.cjs',
      ].join('\n'),
    );
    expect(run.stdout).toContain(
      [
        'HOOK            EVENT             STATE  IN            WHY',
        'bash-guard      PreToolUse        on     project       project toggle ignored',
        'file-guard      PreToolUse        off    project       env HOOKPACK_SKIP',
        'prompt-context  UserPromptSubmit  off    user,project  project toggle',
      ].join('\n'),
    );
    expect(run.stdout).toContain(
      `toggles:  user    ${project.env.HOOKPACK_HOME}/disabled.json (absent)\n          project .claude/hookpack/disabled.json: off bash-guard, prompt-context\n`,
    );
    expect(run.stdout).toContain("env:      HOOKPACK_SKIP=file-guard (in this shell; hooks see Claude Code's env)\n");
  });

  it('prints one JSON document with --json', async () => {
    project = makeProject('list-json');
    await project.run('install', '--hooks', 'bash-guard');
    await project.run('disable', 'bash-guard');
    const run = await project.run('list', '--json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.settings.map((s: { scope: string }) => s.scope)).toEqual(['user', 'project', 'local']);
    expect(doc.settings[1].entries).toEqual([
      {
        event: 'PreToolUse',
        matcher: 'Bash',
        type: 'command',
        command: 'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs || exit 2',
        timeout: 5,
        ours: true,
        bundle: 'bash-guard.cjs',
        hooks: ['bash-guard'],
      },
    ]);
    expect(doc.hooks[0]).toEqual({
      name: 'bash-guard',
      event: 'PreToolUse',
      onError: 'block',
      on: false,
      why: 'user toggle',
      installed: ['project'],
    });
    expect(doc.toggles[0]).toMatchObject({ level: 'user', exists: true, all: false, hooks: ['bash-guard'] });
    expect(doc.env).toEqual({ HOOKPACK: null, HOOKPACK_SKIP: null });
  });

  it('reports a settings file it cannot parse, lists the rest, and exits 1', async () => {
    project = makeProject('list-broken');
    project.write('{ "hooks": ');
    await project.run('install', '--scope', 'local');
    const run = await project.run('list');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('local  PreToolUse        Bash|Edit|Wri…      5 s  hookpack on-PreToolUse.cjs\n');
    expect(run.stdout).toContain('error: cannot use .claude/settings.json: line 1, column 12: value expected;');
  });

  it('still lists settings without a build, and says so', async () => {
    project = makeProject('list-no-build');
    rmSync(join(project.dir, 'dist'), { recursive: true });
    const run = await project.run('list');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No build, so no hook states: no build found');
  });
});
