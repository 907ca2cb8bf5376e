// The same dist directory reached through two paths (the project opened through a symlink):
// install and uninstall compare directories by their real path, so an entry written through one
// path is recognised through the other.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listCommand } from '../../cli/commands/list.ts';
import { installCommand } from '../../cli/commands/install.ts';
import { uninstallCommand } from '../../cli/commands/uninstall.ts';
import { runCli } from './_helpers.ts';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const COMMANDS = [installCommand, uninstallCommand, listCommand];

describe('hookpack install through a symlinked project directory', () => {
  it('recognises user-scope entries written through the link when run from the real directory, and back', async () => {
    project = makeProject('symlinked-project');
    const link = join(project.root, 'link');
    symlinkSync(project.dir, link);
    const userSettings = join(project.root, 'home', '.claude', 'settings.json');
    const viaLink = (...argv: string[]) => runCli(COMMANDS, argv, { cwd: link, env: project.env });

    expect((await viaLink('install', '--scope', 'user', '--dist', 'dist')).code).toBe(0);
    const installed = project.read(userSettings);
    expect(installed).toContain(`'${link}/dist/on-PreToolUse.cjs'`);

    // From the real path: already installed, not a second copy.
    const again = await project.run('install', '--scope', 'user', '--dist', 'dist');
    expect(again.stdout).toMatch(/^already installed in ~\/\.claude\/settings\.json \(user scope\)/);
    expect(project.read(userSettings)).toBe(installed);
    const list = JSON.parse((await project.run('list', '--json')).stdout);
    expect(
      list.settings.find((s: { scope: string }) => s.scope === 'user').entries.every((e: { ours: boolean }) => e.ours),
    ).toBe(true);

    const uninstall = await project.run('uninstall', '--scope', 'user', '--dist', 'dist');
    expect(uninstall.code).toBe(0);
    expect(uninstall.stdout).toContain('- PreToolUse        on-PreToolUse.cjs');
    expect(uninstall.stderr).toBe('');
  });
});
