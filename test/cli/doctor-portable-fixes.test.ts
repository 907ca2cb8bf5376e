// doctor never suggests a path of this machine for a settings file meant to be committed (the
// project's .claude/settings.json): a pyenv interpreter's absolute path works on one machine only.
// It still suggests one for the user's own files, and it warns about such paths already written.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { hookHints } from '../../cli/profile/hints.ts';
import type { ProfileTarget } from '../../cli/profile/targets.ts';
import { readHookProgram } from '../../cli/doctor/hook-program.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-portable');
afterAll(cleanup);
const home = join(dir, 'home');
const shims = join(home, '.pyenv', 'shims');
const pyenvPython = join(home, '.pyenv', 'versions', '3.11.7', 'bin', 'python3');
writeFile(join(shims, 'python3'), '#!/bin/sh\nexit 0\n', 0o755);
writeFile(pyenvPython, '#!/bin/sh\nexit 0\n', 0o755);
const env = cleanEnv(dir, { PATH: `${shims}:/usr/bin:/bin` });
const handler = (command: string) => ({ hooks: [{ type: 'command', command, timeout: 5 }] });

/** doctor's findings for one hook command in one settings file (project, local, user, or --settings). */
async function findingsFor(
  where: 'project' | 'local' | 'user' | 'settings-project' | 'settings-user',
  command: string,
  project: string,
): Promise<Finding[]> {
  writeFile(join(project, '.claude', 'hooks', 'check.py'), 'print("")\n');
  const files = {
    project: join(project, '.claude', 'settings.json'),
    local: join(project, '.claude', 'settings.local.json'),
    user: join(home, '.claude', 'settings.json'),
    'settings-project': join(project, '.claude', 'settings.json'),
    'settings-user': join(home, '.claude', 'settings.json'),
  };
  writeFile(files[where], JSON.stringify({ hooks: { Stop: [handler(command)] } }));
  const args = where.startsWith('settings-') ? ['--settings', files[where]] : [];
  const run = await runCli([doctor], ['doctor', '--json', ...args], { cwd: project, env });
  writeFile(files[where], '{}');
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
}

describe("doctor's fixes for a committed settings file", () => {
  it.each([
    ['project', true],
    ['settings-project', true],
    ['local', false],
    ['user', false],
    ['settings-user', false],
  ] as const)('a python3 pyenv shim in %s: committed = %s', async (where, committed) => {
    const project = join(dir, `shim-${where}`);
    const shim = (await findingsFor(where, 'python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/check.py', project)).find(
      (f) => f.code === 'slow-shim',
    );
    expect(shim).toBeDefined();
    if (committed) {
      expect(shim?.fix).toBe(
        'keep the bare `python3` in this committed file (the absolute path `pyenv which python3` prints exists on this machine only); to skip the shim, run it from a virtualenv in the project (`"$CLAUDE_PROJECT_DIR"/.venv/bin/python3`; each clone makes its own .venv), or start Claude Code with a PATH where python3 is not a pyenv shim',
      );
      expect(shim?.fix).not.toContain(home);
    } else {
      expect(shim?.fix).toBe("write the interpreter's absolute path instead (`pyenv which python3` prints it)");
    }
  });

  it('a command not on PATH: no absolute path suggested for a committed file', async () => {
    const project = join(dir, 'missing');
    const [committed] = (await findingsFor('project', 'ruff-hook --fix', project)).filter(
      (f) => f.code === 'command-not-found',
    );
    expect(committed?.fix).toMatch(
      /^install ruff-hook on every machine that uses this project .* "\$CLAUDE_PROJECT_DIR"\/<path>/,
    );
    const [user] = (await findingsFor('user', 'ruff-hook --fix', project)).filter(
      (f) => f.code === 'command-not-found',
    );
    expect(user?.fix).toContain('or write its absolute path');
  });

  it.each([
    [
      'a pyenv interpreter',
      () => `${pyenvPython} "$CLAUDE_PROJECT_DIR"/.claude/hooks/check.py`,
      () => pyenvPython,
      /^write the bare interpreter name/,
    ],
    [
      "a script by this clone's absolute path",
      (p: string) => `python3 ${join(p, '.claude', 'hooks', 'check.py')}`,
      (p: string) => join(p, '.claude', 'hooks', 'check.py'),
      /^write it as "\$CLAUDE_PROJECT_DIR"\/\.claude\/hooks\/check\.py$/,
    ],
  ])('warns about %s already written in a committed file', async (_name, command, path, fix) => {
    const project = join(dir, `written-${_name.length}`);
    const found = (await findingsFor('project', command(project), project)).filter((f) => f.code === 'machine-path');
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        layer: 'project',
        message: expect.stringContaining(`\`${path(project)}\` is a path on this machine`),
      }),
    ]);
    expect(found[0]?.fix).toMatch(fix);
    // The same line in the user's own settings is fine.
    expect((await findingsFor('user', command(project), project)).filter((f) => f.code === 'machine-path')).toEqual([]);
  });

  it('leaves system paths and "$CLAUDE_PROJECT_DIR" paths alone', async () => {
    const project = join(dir, 'clean');
    expect(
      (
        await findingsFor('project', '/usr/bin/env python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/check.py', project)
      ).filter((f) => f.code === 'machine-path'),
    ).toEqual([]);
  });
});

describe("profile's shim hint", () => {
  const target = (layer: 'project' | 'user'): ProfileTarget => {
    const hook = {
      layer,
      path: join(dir, 'p', '.claude', 'settings.json'),
      where: 'hooks.Stop[0].hooks[0]',
      event: 'Stop',
      matcher: undefined,
      command: 'python3 x.py',
      async: false,
    };
    return {
      hook,
      program: readHookProgram(hook, { ...env, CLAUDE_PROJECT_DIR: join(dir, 'p') }, join(dir, 'p'), home),
      label: 'python3 x.py',
      fixture: { payload: {} },
      launch: { command: 'true', env, cwd: dir },
    } as unknown as ProfileTarget;
  };
  const facts = {
    ratio: 0.5,
    timeouts: 0,
    runs: 1,
    timeoutMs: 1000,
    maxOutputChars: 0,
    failures: [],
    env,
    nodeVersion: process.version,
  };

  it("keeps the interpreter bare for a committed file, absolute for the user's", () => {
    expect(hookHints(target('project'), facts).join('\n')).toContain('keep the bare `python3` in this committed file');
    expect(hookHints(target('user'), facts).join('\n')).toContain(
      "write the interpreter's absolute path (`pyenv which python3`)",
    );
  });
});
