// doctor and list read the hooks of installed, enabled plugins the way Claude Code 2.1.329 keeps
// them (~/.claude/plugins/installed_plugins.json, enabledPlugins in the settings; see
// cli/plugins/installed.ts) and say when a guard runs twice: from the plugin and from the
// project's settings.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import { listCommand } from '../../cli/commands/list.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { ROOT, cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-plugin');
afterAll(cleanup);
const project = join(dir, 'project');
const env = cleanEnv(dir);
const installPath = join(dir, 'home', '.claude', 'plugins', 'cache', 'hookpack', 'hookpack-guards', '0.2.0');
cpSync(join(ROOT, 'plugins', 'hookpack-guards'), installPath, { recursive: true });
writeFile(
  join(dir, 'home', '.claude', 'plugins', 'installed_plugins.json'),
  JSON.stringify({
    version: 2,
    plugins: {
      'hookpack-guards@hookpack': [{ scope: 'user', installPath, version: '0.2.0' }],
      'other@elsewhere': [
        { scope: 'project', installPath: join(dir, 'nowhere'), projectPath: join(dir, 'another-project') },
      ],
    },
  }),
);
// The project's own install of bash-guard, as `hookpack install --per-hook` writes it.
const projectDist = join(project, '.claude', 'hooks', 'dist');
writeFile(join(projectDist, 'bash-guard.cjs'), readFileSync(join(ROOT, 'dist', 'bash-guard.cjs'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.json'), 'utf8'));
writeFile(
  join(projectDist, 'manifest.json'),
  JSON.stringify({
    ...manifest,
    hooks: manifest.hooks.filter((h: { name: string }) => h.name === 'bash-guard'),
    events: [],
  }),
);
const PROJECT_HOOKS = {
  PreToolUse: [
    {
      matcher: 'Bash',
      hooks: [
        {
          type: 'command',
          command: 'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/.claude/hooks/dist/bash-guard.cjs || exit 2',
          timeout: 5,
        },
      ],
    },
  ],
};

const doctorWith = async (userEnabled: boolean | undefined, projectEnabled?: boolean) => {
  writeFile(
    join(dir, 'home', '.claude', 'settings.json'),
    JSON.stringify(userEnabled === undefined ? {} : { enabledPlugins: { 'hookpack-guards@hookpack': userEnabled } }),
  );
  writeFile(
    join(project, '.claude', 'settings.json'),
    JSON.stringify({
      hooks: PROJECT_HOOKS,
      ...(projectEnabled === undefined ? {} : { enabledPlugins: { 'hookpack-guards@hookpack': projectEnabled } }),
    }),
  );
  const run = await runCli([doctor], ['doctor', '--json'], { cwd: project, env });
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
};

describe('hookpack doctor with the guards plugin installed', () => {
  it('warns that bash-guard runs twice, from the plugin and the project, with how to keep one', async () => {
    const twice = (await doctorWith(true)).filter((f) => f.code === 'hook-twice-plugin');
    expect(twice).toEqual([
      expect.objectContaining({ severity: 'warning', layer: 'project', where: 'hooks.PreToolUse[0].hooks[0]' }),
    ]);
    expect(twice[0]?.message).toBe(
      `bash-guard runs 2 times on every PreToolUse: from project ${join(project, '.claude', 'settings.json')} and from plugin hookpack-guards@hookpack (Claude Code keeps a plugin's hooks apart from the settings files', so both run)`,
    );
    expect(twice[0]?.fix).toContain('hookpack uninstall --scope project');
  });

  it('finds nothing else wrong with the plugin hook (its bundle, timeout and command are read through ${CLAUDE_PLUGIN_ROOT})', async () => {
    const findings = await doctorWith(true);
    expect(findings.filter((f) => f.layer === 'plugin')).toEqual([]);
    expect(findings.map((f) => f.code)).not.toContain('missing-file');
  });

  it.each([
    ['disabled for the user', false, undefined],
    ['disabled by the project', true, false],
    ['installed but named in no settings', undefined, undefined],
  ])('says nothing of the plugin when it is %s', async (_what, user, projectValue) => {
    expect((await doctorWith(user, projectValue)).map((f) => f.code)).not.toContain('hook-twice-plugin');
  });
});

describe('hookpack list with the guards plugin installed', () => {
  it('shows the plugin hook, the guards in its bundle, and that bash-guard also runs from the project', async () => {
    await doctorWith(true);
    const run = await runCli([listCommand], ['list'], { cwd: project, env });
    expect(run.stdout).toMatch(/^PLUGIN +EVENT +TIMEOUT +TWICE +HOOK$/m);
    expect(run.stdout).toMatch(/^hookpack-guards@hookpack +PreToolUse +5 s +yes +bash-guard$/m);
    expect(run.stdout).toMatch(/^hookpack-guards@hookpack +PreToolUse +5 s +- +file-guard$/m);
    expect(run.stdout).toContain('TWICE: a settings file runs this hook too');
    const json = JSON.parse((await runCli([listCommand], ['list', '--json'], { cwd: project, env })).stdout);
    expect(json.plugins.hooks).toEqual([
      expect.objectContaining({
        plugin: 'hookpack-guards@hookpack',
        event: 'PreToolUse',
        hooks: ['bash-guard', 'file-guard'],
        twice: ['bash-guard'],
      }),
    ]);
  });

  it('shows a plugin switched off, and no table without plugins', async () => {
    await doctorWith(false);
    expect((await runCli([listCommand], ['list'], { cwd: project, env })).stdout).toMatch(
      /^hookpack-guards@hookpack +- +- +- +off: disabled in user settings$/m,
    );
    const bare = await runCli([listCommand], ['list'], {
      cwd: project,
      env: { ...env, HOME: join(dir, 'other-home') },
    });
    expect(bare.stdout).not.toContain('PLUGIN');
  });
});
