// Which installed plugins apply here, enabled or not, and where their hooks are: as Claude Code
// 2.1.329 keeps them (cli/plugins/installed.ts says which files and what was observed).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installedPlugins } from '../../cli/plugins/installed.ts';
import { cleanEnv, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('plugins-installed');
afterAll(cleanup);
const env = cleanEnv(dir);
const project = join(dir, 'project');
const plugins = join(dir, 'home', '.claude', 'plugins');
const cache = (market: string, name: string) => join(plugins, 'cache', market, name, '1.0.0');
const market = join(dir, 'team-market');

writeFile(
  join(plugins, 'installed_plugins.json'),
  JSON.stringify({
    version: 2,
    plugins: {
      'guards@hookpack': [{ scope: 'user', installPath: cache('hookpack', 'guards'), version: '1.0.0' }],
      'team-hooks@team-market': [{ scope: 'user', installPath: cache('team-market', 'team-hooks') }],
      'elsewhere@x': [{ scope: 'project', installPath: cache('x', 'elsewhere'), projectPath: join(dir, 'another') }],
      'here@x': [{ scope: 'local', installPath: cache('x', 'here'), projectPath: project }],
      'broken@x': 'not a list',
    },
  }),
);
writeFile(
  join(plugins, 'known_marketplaces.json'),
  JSON.stringify({ 'team-market': { source: { source: 'directory', path: market }, installLocation: market } }),
);
writeFile(
  join(market, '.claude-plugin', 'marketplace.json'),
  JSON.stringify({
    name: 'team-market',
    owner: { name: 't' },
    plugins: [{ name: 'team-hooks', source: './plugins/team-hooks' }],
  }),
);
writeFile(
  join(dir, 'home', '.claude', 'settings.json'),
  JSON.stringify({ enabledPlugins: { 'guards@hookpack': true, 'team-hooks@team-market': true, 'here@x': true } }),
);
writeFile(
  join(project, '.claude', 'settings.local.json'),
  JSON.stringify({ enabledPlugins: { 'guards@hookpack': false } }),
);

describe('installed plugins', () => {
  const found = installedPlugins({ env }, project);
  const byId = new Map(found.map((p) => [p.id, p]));

  it("lists the user installs and this project's, not another project's or a malformed entry", () => {
    expect(found.map((p) => p.id).sort()).toEqual(['guards@hookpack', 'here@x', 'team-hooks@team-market']);
  });

  it.each([
    ['guards@hookpack', false, 'local'],
    ['team-hooks@team-market', true, 'user'],
    ['here@x', true, 'user'],
  ])('%s is enabled: %s (decided by the %s settings; local over project over user)', (id, enabled, by) => {
    expect(byId.get(id)).toMatchObject({ enabled, enabledBy: by });
  });

  it('reads a plugin of a local-directory marketplace from that directory, others from their installed copy', () => {
    expect(byId.get('team-hooks@team-market')?.root).toBe(join(market, 'plugins', 'team-hooks'));
    expect(byId.get('guards@hookpack')?.root).toBe(cache('hookpack', 'guards'));
  });

  it('finds nothing without installed_plugins.json', () => {
    expect(installedPlugins({ env: { ...env, HOME: join(dir, 'nobody') } }, project)).toEqual([]);
  });
});
