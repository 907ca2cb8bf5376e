// install and uninstall in a user's project: bundles from .claude/hooks/dist, commands that work
// on every clone and block when a guard can't start, refusals that keep a guard from being wired
// to nothing, and an uninstall that finds hookpack's entries wherever their bundles were.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installCommand } from '../../cli/commands/install.ts';
import { uninstallCommand } from '../../cli/commands/uninstall.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';
import { MANIFEST } from './install-fixture.ts';

const COMMANDS = [installCommand, uninstallCommand];
let temp: ReturnType<typeof tempDir>;
afterEach(() => temp.cleanup());

/** A project with hand-made bundles in .claude/hooks/dist (the build is tested elsewhere). */
function project(name = 'myapp', built = true) {
  const root = join(temp.dir, name);
  writeFile(join(root, 'package.json'), '{}\n');
  if (built) {
    const dist = join(root, '.claude', 'hooks', 'dist');
    writeFile(join(dist, 'manifest.json'), `${JSON.stringify(MANIFEST, null, 2)}\n`);
    for (const entry of [...MANIFEST.hooks, ...MANIFEST.events])
      writeFile(join(dist, entry.file), '#!/usr/bin/env node\n');
  }
  const settings = join(root, '.claude', 'settings.json');
  const run = (cwd: string, ...argv: string[]) => runCli(COMMANDS, argv, { cwd, env: cleanEnv(temp.dir) });
  return { root, settings, run, read: () => readFileSync(settings, 'utf8') };
}

const commandsOf = (text: string) =>
  Object.fromEntries(
    Object.entries(JSON.parse(text).hooks as Record<string, { hooks: { command: string }[] }[]>).map(
      ([event, groups]) => [event, groups.flatMap((g) => g.hooks.map((h) => h.command))],
    ),
  );

describe('hookpack install in a project', () => {
  it('wires .claude/hooks/dist with $CLAUDE_PROJECT_DIR, and || exit 2 only where a hook fails closed', async () => {
    temp = tempDir('project-install');
    const p = project();
    const run = await p.run(join(p.root, '.claude'), 'install');
    expect(run.code).toBe(0);
    expect(commandsOf(p.read())).toEqual({
      PreToolUse: [
        'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/.claude/hooks/dist/on-PreToolUse.cjs || exit 2',
      ],
      UserPromptSubmit: ['env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/.claude/hooks/dist/prompt-context.cjs'],
    });
  });

  it("refuses (exit 3) another project's settings whose bundles do not exist, writing nothing", async () => {
    temp = tempDir('project-install-other');
    const clone = project('hookpack-clone');
    const app = project('myapp', false);
    writeFile(app.settings, '{ "permissions": {} }\n');
    const run = await clone.run(clone.root, 'install', '--settings', '../myapp/.claude/settings.json');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `hookpack: no build found (${join(app.root, '.claude', 'hooks', 'dist', 'manifest.json')} is missing): run \`hookpack build\` first (it bundles .claude/hooks/*.ts into .claude/hooks/dist), or pass --dist DIR\n`,
    );
    expect(app.read()).toBe('{ "permissions": {} }\n');
  });

  it('refuses (exit 3) an absolute path into the committed settings file, and allows it in local settings', async () => {
    temp = tempDir('project-install-absolute');
    const clone = project('hookpack-clone');
    const app = project('myapp', false);
    const dist = join(clone.root, '.claude', 'hooks', 'dist');
    const refused = await app.run(app.root, 'install', '--dist', dist);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(
      /^hookpack: \.claude\/settings\.json is committed with its project, but the bundles in .* are outside that project .* so the command would hold an absolute path that works on this machine only: run `hookpack build` in the project/,
    );
    expect(existsSync(app.settings)).toBe(false);
    const local = await app.run(app.root, 'install', '--dist', dist, '--scope', 'local');
    expect(local.code).toBe(0);
    expect(readFileSync(join(app.root, '.claude', 'settings.local.json'), 'utf8')).toContain(
      `node '${dist}/on-PreToolUse.cjs' || exit 2`,
    );
  });

  it('upgrades an entry written before || exit 2 existed, in place', async () => {
    temp = tempDir('project-install-upgrade');
    const p = project();
    const old = 'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/.claude/hooks/dist/on-PreToolUse.cjs';
    writeFile(
      p.settings,
      `${JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash|Edit|Write', hooks: [{ type: 'command', command: old, timeout: 5 }] }] } }, null, 2)}\n`,
    );
    await p.run(p.root, 'install');
    expect(commandsOf(p.read()).PreToolUse).toEqual([`${old} || exit 2`]);
  });
});

describe('hookpack uninstall in a project', () => {
  it('finds entries whose bundles moved or vanished (an old clone, the old dist/ layout), and leaves others alone', async () => {
    temp = tempDir('project-uninstall-moved');
    const p = project('myapp', false);
    const other = { type: 'command', command: 'node /opt/tools/dist/notify.cjs' };
    writeFile(
      p.settings,
      `${JSON.stringify(
        {
          hooks: {
            PreToolUse: [
              {
                matcher: 'Bash',
                hooks: [
                  {
                    type: 'command',
                    command: "node '/home/me/gone/hookpack/dist/on-PreToolUse.cjs' || exit 2",
                    timeout: 5,
                  },
                ],
              },
              {
                matcher: 'Bash',
                hooks: [
                  {
                    type: 'command',
                    command: 'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs',
                    timeout: 5,
                  },
                ],
              },
            ],
            Stop: [{ hooks: [other] }],
          },
        },
        null,
        2,
      )}\n`,
    );
    const run = await p.run(p.root, 'uninstall');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^updated \.claude\/settings\.json \(project scope\)\n {2}- PreToolUse +on-PreToolUse\.cjs/,
    );
    expect(JSON.parse(p.read())).toEqual({ hooks: { Stop: [{ hooks: [other] }] } });
  });
});
