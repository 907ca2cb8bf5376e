// The built CLI as people run it: `node dist/cli.cjs <command>` (built into a temp dir, never the
// shared dist/), exit codes, stdout for results, stderr for problems.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, tempDir } from './_helpers.ts';
import { makeProject, type Project } from './install-fixture.ts';

const out = tempDir('install-cli-build');
let cli: string;
let project: Project;

beforeAll(() => {
  cli = buildCli(out.dir);
  project = makeProject('install-cli-process');
});
afterAll(() => {
  project.cleanup();
  out.cleanup();
});

const hookpack = (...argv: string[]) =>
  spawnSync(process.execPath, [cli, ...argv], { cwd: project.dir, env: project.env, encoding: 'utf8' });

describe('node dist/cli.cjs (install, uninstall, list, enable, disable)', () => {
  it.each(['install', 'uninstall', 'list', 'enable', 'disable'])(
    '%s --help prints its usage and exits 0',
    (command) => {
      const run = hookpack(command, '--help');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^usage: hookpack ${command} `));
      expect(run.stderr).toBe('');
    },
  );

  it('names a misspelt flag and lists the valid ones (exit 2)', () => {
    const run = hookpack('install', '--scop', 'user');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "hookpack: Unknown option '--scop' for `hookpack install`; valid flags: --scope, --settings, --dist, --hooks, --per-event, --per-hook, --dry-run, --warm, --help\n",
    );
  });

  it('names a misspelt command and lists the valid ones (exit 2)', () => {
    const run = hookpack('instal');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^hookpack: unknown command `instal`; valid commands: init, add, build, install, uninstall, adopt, plugin, list, enable, disable/,
    );
  });

  it('installs, reports, refuses a broken file with exit 3, and uninstalls', () => {
    const install = hookpack('install');
    expect(install.status).toBe(0);
    expect(install.stdout).toBe(
      [
        'created .claude/settings.json (project scope)',
        '  + PreToolUse        on-PreToolUse.cjs  runs bash-guard, file-guard, timeout 5 s',
        '  + UserPromptSubmit  prompt-context.cjs  runs prompt-context, timeout 3 s',
        '',
      ].join('\n'),
    );
    expect(hookpack('install').stdout).toContain('nothing changed');
    expect(
      JSON.parse(hookpack('list', '--json').stdout).hooks.map((h: { installed: string[] }) => h.installed),
    ).toEqual([['project'], ['project'], ['project']]);

    const installed = project.read();
    project.write(`${installed}}`);
    const broken = hookpack('uninstall');
    expect(broken.status).toBe(3);
    expect(broken.stderr).toMatch(
      /^hookpack: cannot use \.claude\/settings\.json: line 28, column 1: end of file expected;/,
    );
    project.write(installed);

    const uninstall = hookpack('uninstall');
    expect(uninstall.status).toBe(0);
    // install created the file (no .bak), so uninstall deletes it again.
    expect(existsSync(project.settings)).toBe(false);
  });
});
