// A backup of .claude/settings.local.json holds the same personal env tokens as the file, but
// nothing keeps `settings.local.json.bak` out of git. When install or uninstall writes a backup
// inside a project's .claude/, it makes sure .claude/.gitignore has `*.bak` and `*.hookpack-tmp`
// (the temp files and lock of an interrupted edit); never in ~/.claude.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const local = () => join(project.dir, '.claude', 'settings.local.json');
const gitignore = () => join(project.dir, '.claude', '.gitignore');
const WITH_TOKEN = '{\n  "env": { "GITHUB_TOKEN": "ghp_personal" }\n}\n';

describe('hookpack install backups and .gitignore', () => {
  it('creates .claude/.gitignore with *.bak and *.hookpack-tmp when it backs up settings.local.json', async () => {
    project = makeProject('bak-gitignore');
    project.write(WITH_TOKEN, local());
    const run = await project.run('install', '--scope', 'local');
    expect(run.code).toBe(0);
    expect(readFileSync(`${local()}.bak`, 'utf8')).toBe(WITH_TOKEN);
    expect(readFileSync(gitignore(), 'utf8')).toBe('*.bak\n*.hookpack-tmp\n');
    expect(run.stdout).toContain(
      "\ncreated .claude/.gitignore with *.bak and *.hookpack-tmp, so the backup (it may hold tokens from the settings' env) and the temp files of an interrupted edit stay out of git\n",
    );
    // Once is enough.
    const again = await project.run('uninstall', '--scope', 'local');
    expect(again.stdout).not.toContain('.gitignore');
    expect(readFileSync(gitignore(), 'utf8')).toBe('*.bak\n*.hookpack-tmp\n');
  });

  it('appends to an existing .gitignore (adding the missing newline) and keeps its lines', async () => {
    project = makeProject('bak-gitignore-append');
    project.write('settings.local.json', gitignore());
    project.write(WITH_TOKEN);
    const run = await project.run('install');
    expect(run.stdout).toContain('\nadded *.bak and *.hookpack-tmp to .claude/.gitignore, so the backup');
    expect(readFileSync(gitignore(), 'utf8')).toBe('settings.local.json\n*.bak\n*.hookpack-tmp\n');
  });

  it('leaves a .gitignore that already ignores backups and temp files alone', async () => {
    project = makeProject('bak-gitignore-present');
    project.write('# ours\n/settings.json.bak\n*.hookpack-tmp\n', gitignore());
    project.write(WITH_TOKEN);
    await project.run('install');
    expect(readFileSync(gitignore(), 'utf8')).toBe('# ours\n/settings.json.bak\n*.hookpack-tmp\n');
  });

  it('writes no .gitignore when there is no backup (install created the file)', async () => {
    project = makeProject('bak-gitignore-created');
    await project.run('install');
    expect(existsSync(gitignore())).toBe(false);
  });

  it('never touches ~/.claude (user scope)', async () => {
    project = makeProject('bak-gitignore-user');
    const user = join(project.root, 'home', '.claude', 'settings.json');
    project.write(WITH_TOKEN, user);
    const run = await project.run('install', '--scope', 'user', '--dist', 'dist');
    expect(run.code).toBe(0);
    expect(existsSync(`${user}.bak`)).toBe(true);
    expect(existsSync(join(project.root, 'home', '.claude', '.gitignore'))).toBe(false);
  });
});
