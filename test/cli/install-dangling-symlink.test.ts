// .claude/settings.json as a symlink into a dotfiles repository, to a file that does not exist
// yet: install writes through the link (creating the target and its directory) instead of
// replacing the link with a regular file.
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

describe('hookpack install on a dangling symlinked settings file', () => {
  it('creates the link target (and its directory) and leaves the link in place', async () => {
    project = makeProject('dangling-link');
    const target = join(project.root, 'dotfiles', 'claude', 'settings.json');
    mkdirSync(join(project.dir, '.claude'));
    symlinkSync(target, project.settings);

    const run = await project.run('install');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      `created .claude/settings.json (project scope), a symbolic link: wrote ${target}`,
    );
    expect(lstatSync(project.settings).isSymbolicLink()).toBe(true);
    expect(readlinkSync(project.settings)).toBe(target);
    expect(Object.keys(JSON.parse(readFileSync(target, 'utf8')).hooks)).toEqual(['PreToolUse', 'UserPromptSubmit']);
    expect(existsSync(`${target}.bak`)).toBe(false);

    // Read back through the link: installed, nothing to change.
    expect((await project.run('install')).stdout).toMatch(/^already installed/);
    // uninstall writes through the link too, and never deletes the user's dotfile.
    expect((await project.run('uninstall')).code).toBe(0);
    expect(lstatSync(project.settings).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('{}\n');
  });

  it('follows a chain of relative links to the end', async () => {
    project = makeProject('dangling-chain');
    mkdirSync(join(project.dir, '.claude'));
    mkdirSync(join(project.root, 'dotfiles'));
    symlinkSync('real/settings.json', join(project.root, 'dotfiles', 'settings.json'));
    symlinkSync('../../dotfiles/settings.json', project.settings);
    expect((await project.run('install')).code).toBe(0);
    expect(lstatSync(project.settings).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(project.root, 'dotfiles', 'settings.json')).isSymbolicLink()).toBe(true);
    expect(
      JSON.parse(readFileSync(join(project.root, 'dotfiles', 'real', 'settings.json'), 'utf8')).hooks,
    ).toBeDefined();
  });

  it('refuses a link that loops, naming it, exit 3', async () => {
    project = makeProject('looping-link');
    mkdirSync(join(project.dir, '.claude'));
    symlinkSync('settings.json', project.settings);
    const run = await project.run('install');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'hookpack: cannot read .claude/settings.json: it is a symbolic link that loops (or goes through more than 40 links); point it at a file and run again; nothing was changed\n',
    );
    expect(readlinkSync(project.settings)).toBe('settings.json');
  });
});
