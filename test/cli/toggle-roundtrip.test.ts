// `hookpack disable` / `enable` flip the runtime's toggle files: the user's in $HOOKPACK_HOME,
// or the project's with --project. The runtime reads them on every run (mid-session).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { skipReason } from '../../lib/runtime/switches.ts';
import { writeFile } from './_helpers.ts';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const userToggle = (p: Project) => join(p.env.HOOKPACK_HOME ?? '', 'disabled.json');
const projectToggle = (p: Project) => join(p.dir, '.claude', 'hookpack', 'disabled.json');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('hookpack disable and enable', () => {
  it('round-trips a hook through the user toggle file, which the runtime then honours', async () => {
    project = makeProject('toggle-user');
    const run = await project.run('disable', 'bash-guard');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `switched bash-guard off for you (${userToggle(project)}); hooks read this file on every run, so it applies from the next event, no restart needed\n`,
    );
    expect(run.stderr).toBe('');
    expect(json(userToggle(project))).toEqual({ hooks: ['bash-guard'] });
    expect(statSync(project.env.HOOKPACK_HOME ?? '').mode & 0o777).toBe(0o700);
    expect(statSync(userToggle(project)).mode & 0o777).toBe(0o600);
    expect(skipReason('bash-guard', true, { ...project.env, CLAUDE_PROJECT_DIR: project.dir })).toBe(
      userToggle(project),
    );

    const again = await project.run('disable', 'bash-guard');
    expect(again.stdout).toBe(`bash-guard already switched off for you (${userToggle(project)}); nothing changed\n`);

    expect((await project.run('enable', 'bash-guard')).code).toBe(0);
    expect(json(userToggle(project))).toEqual({});
    expect(skipReason('bash-guard', true, { ...project.env, CLAUDE_PROJECT_DIR: project.dir })).toBeUndefined();
  });

  it('keeps other names and keys in the file', async () => {
    project = makeProject('toggle-keep');
    writeFile(userToggle(project), '{ "hooks": ["someone-else"], "note": "mine" }\n');
    await project.run('disable', 'file-guard', 'prompt-context');
    expect(json(userToggle(project))).toEqual({
      hooks: ['someone-else', 'file-guard', 'prompt-context'],
      note: 'mine',
    });
    await project.run('enable', 'file-guard');
    expect(json(userToggle(project))).toEqual({ hooks: ['someone-else', 'prompt-context'], note: 'mine' });
  });

  it('switches everything with all, and enable all clears the level', async () => {
    project = makeProject('toggle-all');
    await project.run('disable', 'all');
    expect(json(userToggle(project))).toEqual({ all: true });
    const partial = await project.run('enable', 'prompt-context');
    expect(partial.code).toBe(1);
    expect(partial.stderr).toBe(
      `hookpack: warning: prompt-context is still off: ${userToggle(project)} switches it off; run hookpack enable all (the file says "all": true)\n`,
    );
    await project.run('enable', 'all');
    expect(json(userToggle(project))).toEqual({});
  });

  it('writes the project file with --project, and warns (exit 1) that it cannot switch off a guard', async () => {
    project = makeProject('toggle-project');
    const plain = await project.run('disable', 'prompt-context', '--project');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('switched prompt-context off in this project (.claude/hookpack/disabled.json)');
    const guard = await project.run('disable', 'bash-guard', '--project');
    expect(guard.code).toBe(1);
    expect(guard.stderr).toBe(
      "hookpack: warning: bash-guard fails closed (onError 'block'), and the runtime ignores project toggles for such guards so that a cloned repository cannot switch them off: it stays on. To switch it off for you: hookpack disable bash-guard\n",
    );
    expect(json(projectToggle(project))).toEqual({ hooks: ['prompt-context', 'bash-guard'] });
    expect(existsSync(userToggle(project))).toBe(false);
  });

  it('says when the other level still keeps a hook off', async () => {
    project = makeProject('toggle-other-level');
    await project.run('disable', 'prompt-context', '--project');
    const run = await project.run('enable', 'prompt-context');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'hookpack: warning: prompt-context is still off: .claude/hookpack/disabled.json switches it off; run hookpack enable prompt-context --project\n',
    );
  });

  it('refuses unknown names and a missing name, listing the built hooks', async () => {
    project = makeProject('toggle-unknown');
    const unknown = await project.run('disable', 'bash_guard');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'hookpack: unknown hook `bash_guard` in `hookpack disable`; built hooks: bash-guard, file-guard, prompt-context, or all (names come from dist/manifest.json: run npm run build after adding a hook)\n',
    );
    const none = await project.run('enable');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'hookpack: `hookpack enable` needs a hook name or --event; hooks: bash-guard, file-guard, prompt-context, or all\n',
    );
  });

  it('refuses a toggle file the runtime would ignore, naming where it breaks, and leaves it', async () => {
    project = makeProject('toggle-broken');
    const broken = '{ "hooks": ["a",] }\n';
    writeFile(userToggle(project), broken);
    const run = await project.run('disable', 'bash-guard');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `hookpack: cannot use ${userToggle(project)}: line 1, column 17: value expected; the runtime ignores such a file: fix or delete it and run again\n`,
    );
    expect(readFileSync(userToggle(project), 'utf8')).toBe(broken);
  });
});
