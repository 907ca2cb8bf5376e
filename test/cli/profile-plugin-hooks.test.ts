// profile runs an installed plugin's hooks as Claude Code does: with ${CLAUDE_PLUGIN_ROOT} set
// to the plugin's directory (the guards plugin's command reaches its bundle through it).
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profile } from '../../cli/commands/profile.ts';
import { ROOT, cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-plugin');
afterAll(cleanup);
const project = join(dir, 'project');
const installPath = join(dir, 'home', '.claude', 'plugins', 'cache', 'hookpack', 'hookpack-guards', '0.2.0');
cpSync(join(ROOT, 'plugins', 'hookpack-guards'), installPath, { recursive: true });
writeFile(
  join(dir, 'home', '.claude', 'plugins', 'installed_plugins.json'),
  JSON.stringify({
    version: 2,
    plugins: { 'hookpack-guards@hookpack': [{ scope: 'user', installPath, version: '0.2.0' }] },
  }),
);
writeFile(
  join(dir, 'home', '.claude', 'settings.json'),
  JSON.stringify({ enabledPlugins: { 'hookpack-guards@hookpack': true } }),
);
writeFile(join(project, '.claude', 'settings.json'), '{}\n');

describe('hookpack profile with the guards plugin installed', () => {
  it('runs the plugin bundle through its ${CLAUDE_PLUGIN_ROOT} command, and it exits 0 on the fixture', async () => {
    const run = await runCli([profile], ['profile', '--runs', '2', '--json'], { cwd: project, env: cleanEnv(dir) });
    const report = JSON.parse(run.stdout) as { hooks: Array<Record<string, unknown>> };
    expect(report.hooks).toEqual([
      expect.objectContaining({
        layer: 'plugin',
        event: 'PreToolUse',
        command: expect.stringContaining('"${CLAUDE_PLUGIN_ROOT}"/dist/on-PreToolUse.cjs'),
        exits: { 0: 2 },
      }),
    ]);
  });
});
