// install then uninstall leaves the tree as it was: a settings file install created is deleted
// again (no `{}` left behind, no .bak). install never backs up a file holding only its own
// entries, so a `.bak` next to the file is what says it existed before.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const claudeDir = () => readdirSync(join(project.dir, '.claude')).sort();

describe('hookpack uninstall of a settings file install created', () => {
  it('deletes the file and leaves no .bak', async () => {
    project = makeProject('created-file');
    expect((await project.run('install')).stdout).toMatch(/^created \.claude\/settings\.json/);
    const run = await project.run('uninstall');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^deleted \.claude\/settings\.json \(project scope\): it held only hookpack entries and has no \.bak \(install created it\)\n {2}- PreToolUse/,
    );
    expect(claudeDir()).toEqual([]);
  });

  it('still knows after several installs (a file of only our entries is never backed up)', async () => {
    project = makeProject('created-file-twice');
    await project.run('install', '--per-hook', '--hooks', 'bash-guard');
    await project.run('install', '--per-event');
    await project.run('uninstall', '--hooks', 'prompt-context');
    expect(claudeDir()).toEqual(['settings.json']);
    await project.run('uninstall');
    expect(claudeDir()).toEqual([]);
  });

  it('keeps a file that held `{}` before install, byte for byte (its .bak says it existed)', async () => {
    project = makeProject('existing-empty');
    project.write('{}\n');
    await project.run('install');
    await project.run('install', '--per-hook');
    await project.run('uninstall');
    expect(project.read()).toBe('{}\n');
  });

  it('keeps a created file the user has since added to, with only their part left', async () => {
    project = makeProject('created-then-edited');
    await project.run('install');
    const installed = JSON.parse(project.read());
    project.write(`${JSON.stringify({ model: 'opus', ...installed }, null, 2)}\n`);
    await project.run('uninstall');
    expect(JSON.parse(project.read())).toEqual({ model: 'opus' });
  });

  it('shows the deletion as a diff to /dev/null with --dry-run, and deletes nothing', async () => {
    project = makeProject('created-dry-run');
    await project.run('install');
    const before = project.read();
    const run = await project.run('uninstall', '--dry-run');
    expect(run.stdout).toMatch(/^--- a\/\.claude\/settings\.json\n\+\+\+ \/dev\/null\n/);
    expect(run.stderr).toBe('dry run: .claude/settings.json not deleted\n');
    expect(readFileSync(project.settings, 'utf8')).toBe(before);
  });
});
