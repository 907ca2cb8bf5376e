// Hooks for every project: the project flow with --scope user works in ~/.claude/hooks and
// ~/.claude/settings.json, from any directory, with absolute paths (nothing there is committed).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addCommand } from '../../cli/commands/add.ts';
import { buildCommand } from '../../cli/commands/build.ts';
import { initCommand } from '../../cli/commands/init.ts';
import { installCommand } from '../../cli/commands/install.ts';
import { uninstallCommand } from '../../cli/commands/uninstall.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const COMMANDS = [initCommand, addCommand, buildCommand, installCommand, uninstallCommand];
const temp = tempDir('user-scope-flow');
afterAll(() => temp.cleanup());

describe('the project flow with --scope user', () => {
  it('init, add, build and install work in ~/.claude, and uninstall removes what install made', async () => {
    const env = cleanEnv(temp.dir);
    const home = env.HOME as string;
    const cwd = join(temp.dir, 'somewhere');
    writeFile(join(cwd, 'package.json'), '{}\n');
    const run = (...argv: string[]) => runCli(COMMANDS, argv, { cwd, env });
    const init = await run('init', '--scope', 'user');
    expect(init.stdout).toContain('npx hookpack build --scope user');
    expect(existsSync(join(home, '.claude', 'hooks', 'no-publish.ts'))).toBe(true);
    expect(existsSync(join(cwd, '.claude'))).toBe(false);
    expect((await run('add', '--scope', 'user', 'file-guard')).stdout).toContain(
      'next: npx hookpack build --scope user, then npx hookpack install --scope user',
    );
    const build = await run('build', '--scope', 'user', '--no-typecheck');
    expect(build.code).toBe(0);
    expect(build.stderr).toContain('next: hookpack install --scope user (once)');
    expect((await run('install', '--scope', 'user')).code).toBe(0);
    const settings = JSON.parse(readFileSync(join(home, '.claude', 'settings.json'), 'utf8'));
    expect(settings.hooks.PreToolUse[0].hooks[0].command).toBe(
      `env -u NODE_EXTRA_CA_CERTS node '${join(home, '.claude', 'hooks', 'dist', 'on-PreToolUse.cjs')}' || exit 2`,
    );
    expect((await run('uninstall', '--scope', 'user')).code).toBe(0);
    expect(existsSync(join(home, '.claude', 'settings.json'))).toBe(false);
  });
});
