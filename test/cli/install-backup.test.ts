// Before changing a settings file, install saves it as <file>.bak; the write is atomic, keeps the
// file's permission bits, and goes through a symlink instead of replacing it.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError } from '../../cli/errors.ts';
import { writeWithBackup } from '../../cli/settings/write.ts';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

describe('hookpack install backups and writes', () => {
  it('saves the previous bytes as <file>.bak and says so; a second change overwrites that backup', async () => {
    project = makeProject('install-backup');
    const original = '{ "model": "opus" }\n';
    project.write(original);
    const first = await project.run('install', '--hooks', 'bash-guard');
    expect(first.stdout).toMatch(
      /\nprevious version saved as \.claude\/settings\.json\.bak\ncreated \.claude\/\.gitignore with \*\.bak and \*\.hookpack-tmp, so the backup \(it may hold tokens from the settings' env\) and the temp files of an interrupted edit stay out of git\n$/,
    );
    expect(readFileSync(`${project.settings}.bak`, 'utf8')).toBe(original);
    const installed = project.read();
    await project.run('install');
    expect(readFileSync(`${project.settings}.bak`, 'utf8')).toBe(installed);
    // No temp files left behind; the backup is kept out of git.
    expect(readdirSync(join(project.dir, '.claude')).sort()).toEqual([
      '.gitignore',
      'settings.json',
      'settings.json.bak',
    ]);
  });

  it('keeps the file mode, and gives the backup the same', async () => {
    project = makeProject('install-mode');
    project.write('{}\n');
    chmodSync(project.settings, 0o640);
    await project.run('install');
    expect(statSync(project.settings).mode & 0o777).toBe(0o640);
    expect(statSync(`${project.settings}.bak`).mode & 0o777).toBe(0o640);
  });

  it('writes through a symlinked settings file (dotfiles setups) and leaves the link in place', async () => {
    project = makeProject('install-symlink');
    const real = join(project.root, 'dotfiles', 'settings.json');
    mkdirSync(join(project.root, 'dotfiles'));
    writeFileSync(real, '{}\n');
    mkdirSync(join(project.dir, '.claude'));
    symlinkSync(real, project.settings);
    expect((await project.run('install')).code).toBe(0);
    expect(lstatSync(project.settings).isSymbolicLink()).toBe(true);
    expect(readlinkSync(project.settings)).toBe(real);
    expect(JSON.parse(readFileSync(real, 'utf8')).hooks.PreToolUse).toHaveLength(1);
    expect(readFileSync(`${real}.bak`, 'utf8')).toBe('{}\n');
  });

  it('never overwrites a change made since it read the file (Claude Code writes settings.local.json too)', () => {
    project = makeProject('install-race');
    project.write('{ "permissions": { "allow": ["Bash(ls)"] } }\n');
    const readEarlier = { bytes: Buffer.from('{}\n'), mode: 0o644 };
    let error: unknown;
    try {
      writeWithBackup(project.settings, '{ "hooks": {} }\n', readEarlier, '.claude/settings.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(3);
    expect((error as CliError).message).toBe(
      '.claude/settings.json changed on disk while hookpack was editing it (Claude Code writes settings when you approve a permission); run the command again; nothing was changed',
    );
    expect(project.read()).toBe('{ "permissions": { "allow": ["Bash(ls)"] } }\n');
  });
});
