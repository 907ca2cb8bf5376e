// `hookpack plugin <dir>`: a project's built hooks as a Claude Code plugin directory (the real
// client accepting it is test/e2e/plugin.e2e.test.ts); bad names, occupied or hostile
// directories, a missing or stale build refused with one line, nothing written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCommand } from '../../cli/commands/add.ts';
import { buildCommand } from '../../cli/commands/build.ts';
import { pluginCommand } from '../../cli/commands/plugin.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const COMMANDS = [buildCommand, addCommand, pluginCommand];
const temp = tempDir('plugin-command');
const root = join(temp.dir, 'My_App');
const hooks = join(root, '.claude', 'hooks');
const market = join(temp.dir, 'team-market');
const run = (...argv: string[]) => runCli(COMMANDS, argv, { cwd: root, env: cleanEnv(temp.dir) });

const OWN = `import { defineHook, deny } from 'hookpack';
export default defineHook({ event: 'PreToolUse', matcher: 'Bash', timeout: 4, run: ({ tool_input }) => (/npm publish/.test(tool_input.command) ? deny('CI publishes') : undefined) });
`;

beforeAll(async () => {
  writeFile(
    join(root, 'package.json'),
    '{ "name": "my-app", "version": "2.3.4", "author": "Team Ops <ops@example.com>" }\n',
  );
  writeFile(join(hooks, 'no-publish.ts'), OWN);
  await run('add', 'file-guard');
  const built = await run('build', '--no-typecheck');
  if (built.code !== 0) throw new Error(built.stderr);
}, 120_000);
afterAll(() => temp.cleanup());

const pluginDir = join(market, 'plugins', 'team-hooks');

describe('hookpack plugin', () => {
  it('writes plugin.json, hooks.json with install-shaped commands, the event bundle and a README', async () => {
    const result = await run('plugin', pluginDir, '--name', 'team-hooks');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^wrote plugin team-hooks 2\.3\.4\+[0-9a-f]{8} to .*team-hooks \(4 files, \d+ B\)\n {2}PreToolUse {9}file-guard, no-publish \(.*Bash.*\), fails closed, timeout 5 s\n/,
    );
    expect(readdirSync(pluginDir).sort()).toEqual(['.claude-plugin', 'README.md', 'dist', 'hooks']);
    expect(JSON.parse(readFileSync(join(pluginDir, '.claude-plugin', 'plugin.json'), 'utf8'))).toMatchObject({
      name: 'team-hooks',
      version: expect.stringMatching(/^2\.3\.4\+[0-9a-f]{8}$/),
      author: { name: 'Team Ops' },
    });
    const hooksJson = JSON.parse(readFileSync(join(pluginDir, 'hooks', 'hooks.json'), 'utf8'));
    expect(hooksJson.hooks.PreToolUse[0].hooks).toEqual([
      {
        type: 'command',
        command: 'env -u NODE_EXTRA_CA_CERTS node "${CLAUDE_PLUGIN_ROOT}"/dist/on-PreToolUse.cjs || exit 2',
        timeout: 5,
      },
    ]);
    expect(
      readFileSync(join(pluginDir, 'dist', 'on-PreToolUse.cjs')).equals(
        readFileSync(join(hooks, 'dist', 'on-PreToolUse.cjs')),
      ),
    ).toBe(true);
    expect(existsSync(join(market, '.claude-plugin'))).toBe(false);
  });

  it('runs a bundle from the plugin that blocks as it does in the project', () => {
    const payload = JSON.stringify({
      session_id: 's',
      transcript_path: '/t',
      cwd: root,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'npm publish' },
      tool_use_id: 't1',
    });
    const hook = spawnSync(process.execPath, [join(pluginDir, 'dist', 'on-PreToolUse.cjs')], {
      input: payload,
      encoding: 'utf8',
      env: { ...cleanEnv(temp.dir), CLAUDE_PLUGIN_ROOT: pluginDir, CLAUDE_PROJECT_DIR: root },
    });
    expect(JSON.parse(hook.stdout).hookSpecificOutput).toMatchObject({
      permissionDecision: 'deny',
      permissionDecisionReason: expect.stringContaining('CI publishes'),
    });
  });

  it('--marketplace lists it in the marketplace root above plugins/, and again keeps other plugins', async () => {
    const first = await run('plugin', pluginDir, '--name', 'team-hooks', '--marketplace', '--version', '2.3.5');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('claude plugin install team-hooks@team-market');
    const file = join(market, '.claude-plugin', 'marketplace.json');
    const listed = JSON.parse(readFileSync(file, 'utf8'));
    expect(listed).toMatchObject({
      name: 'team-market',
      owner: { name: 'Team Ops' },
      plugins: [{ name: 'team-hooks', source: './plugins/team-hooks' }],
    });
    writeFileSync(
      file,
      JSON.stringify({ ...listed, plugins: [{ name: 'other', source: './plugins/other' }, ...listed.plugins] }),
    );
    expect((await run('plugin', pluginDir, '--name', 'team-hooks', '--marketplace')).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).plugins.map((p: { name: string }) => p.name)).toEqual([
      'other',
      'team-hooks',
    ]);
  });

  it('quotes a marketplace path the shell would split in the line to paste', async () => {
    const spaced = join(temp.dir, 'our market', 'plugins', 'team-hooks');
    const result = await run('plugin', spaced, '--name', 'team-hooks', '--marketplace');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`claude plugin marketplace add '${join(temp.dir, 'our market')}'`);
  });

  it('keeps a README the team wrote when it writes the plugin again', async () => {
    writeFileSync(join(pluginDir, 'README.md'), '# Our hooks\n');
    expect((await run('plugin', pluginDir, '--name', 'team-hooks')).code).toBe(0);
    expect(readFileSync(join(pluginDir, 'README.md'), 'utf8')).toBe('# Our hooks\n');
  });

  it('names the plugin after the project directory, kebab-cased, when --name is not given', async () => {
    const dir = join(temp.dir, 'default-name');
    expect((await run('plugin', dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.claude-plugin', 'plugin.json'), 'utf8')).name).toBe('my-app-hooks');
  });
});

describe('hookpack plugin refuses, with one line and nothing written', () => {
  const occupied = join(temp.dir, 'occupied');
  const fileTarget = join(temp.dir, 'a-file');
  const linkTarget = join(temp.dir, 'a-link');
  beforeAll(() => {
    writeFile(join(occupied, 'notes.md'), 'ours\n');
    writeFile(fileTarget, 'x');
    mkdirSync(join(temp.dir, 'elsewhere'));
    symlinkSync(join(temp.dir, 'elsewhere'), linkTarget);
  });

  it.each([
    ['no directory', [], 2, /needs one directory/],
    ['two directories', ['a', 'b'], 2, /needs one directory/],
    [
      'a name Claude Code refuses',
      [join(temp.dir, 'x'), '--name', 'Team_Hooks'],
      2,
      /plugin name "Team_Hooks" is not kebab-case/,
    ],
    [
      'a name with a path in it',
      [join(temp.dir, 'x'), '--name', '../evil'],
      2,
      /plugin name "\.\.\/evil" is not kebab-case/,
    ],
    [
      'a version that is not semver',
      [join(temp.dir, 'x'), '--version', '1.0'],
      2,
      /version "1\.0" is not a semantic version/,
    ],
    ['a non-empty directory it did not write', [occupied], 2, /is not empty and holds no plugin hookpack made/],
    ['a file', [fileTarget], 3, /exists and is not a directory/],
    ['a symbolic link', [linkTarget], 3, /exists and is not a directory \(a symbolic link\)/],
    ['the project itself', ['.'], 2, /holds the project itself/],
    ['a directory above the project', [temp.dir], 2, /holds the project itself/],
    ['the build output', [join(hooks, 'dist', 'plugin')], 2, /which the build owns/],
  ])('%s', async (_what, args, code, message) => {
    const before = readdirSync(temp.dir).sort();
    const result = await run('plugin', ...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(readdirSync(temp.dir).sort()).toEqual(before);
    expect(readdirSync(occupied)).toEqual(['notes.md']);
  });

  it('a project without a build', async () => {
    const bare = join(temp.dir, 'bare');
    writeFile(join(bare, '.claude', 'hooks', 'x.ts'), OWN);
    const result = await runCli(COMMANDS, ['plugin', join(temp.dir, 'bare-plugin')], {
      cwd: bare,
      env: cleanEnv(temp.dir),
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/no build found .*run `hookpack build` first/);
    expect(existsSync(join(temp.dir, 'bare-plugin'))).toBe(false);
  });

  it('a build older than its hooks', async () => {
    const hook = join(hooks, 'no-publish.ts');
    writeFileSync(hook, `${OWN}// changed\n`);
    try {
      const result = await run('plugin', join(temp.dir, 'stale-plugin'));
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        /the build in \.claude\/hooks\/dist is stale \(.*no-publish\.ts changed.*\): run hookpack build first/,
      );
      expect(existsSync(join(temp.dir, 'stale-plugin'))).toBe(false);
    } finally {
      writeFileSync(hook, OWN);
    }
  });

  it('a manifest whose bundle names point outside the build', async () => {
    const manifestFile = join(hooks, 'dist', 'manifest.json');
    const original = readFileSync(manifestFile, 'utf8');
    const manifest = JSON.parse(original);
    manifest.events[0].file = 'no-publish.cjs'; // exists, but is not the event's bundle
    writeFileSync(manifestFile, JSON.stringify(manifest));
    try {
      const result = await run('plugin', join(temp.dir, 'hostile-plugin'));
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        /manifest\.json events\[0\]\.file is not on-PreToolUse\.cjs: run hookpack build again/,
      );
      expect(existsSync(join(temp.dir, 'hostile-plugin'))).toBe(false);
    } finally {
      writeFileSync(manifestFile, original);
    }
  });

  it('keeps the bundles it writes executable', () => {
    expect(statSync(join(pluginDir, 'dist', 'on-PreToolUse.cjs')).mode & 0o111).not.toBe(0);
  });
});
