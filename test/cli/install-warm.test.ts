// `hookpack install --warm`: the warm client's command for each bundle in local or user settings,
// today's command when no client can be compiled, never in a committed settings file; and the
// command is read back as ours (a second install changes nothing, uninstall removes it).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const local = () => join(project.dir, '.claude', 'settings.local.json');
const commands = () => {
  const hooks = (
    JSON.parse(project.read(local())) as { hooks: Record<string, Array<{ hooks: Array<{ command: string }> }>> }
  ).hooks;
  return Object.fromEntries(
    Object.entries(hooks).map(([event, groups]) => [event, groups.flatMap((g) => g.hooks.map((h) => h.command))]),
  );
};

describe('hookpack install --warm', () => {
  it('writes the warm client with the entry timeout before each bundle, with || exit 2 for guards', async () => {
    project = makeProject('install-warm');
    const run = await project.run('install', '--scope', 'local', '--warm');
    expect(run.code).toBe(0);
    expect(commands()).toEqual({
      PreToolUse: [
        '"$CLAUDE_PROJECT_DIR"/dist/warm/hookpack-warm 5 "$CLAUDE_PROJECT_DIR"/dist/on-PreToolUse.cjs || exit 2',
      ],
      UserPromptSubmit: [
        '"$CLAUDE_PROJECT_DIR"/dist/warm/hookpack-warm 3 "$CLAUDE_PROJECT_DIR"/dist/prompt-context.cjs',
      ],
    });
    expect(existsSync(join(project.dir, 'dist', 'warm', 'hookpack-warm'))).toBe(true);
    expect(project.read(join(project.dir, 'dist', 'warm', '.gitignore'))).toBe('*\n');
  });

  it('reads its own command back: installing again changes nothing, uninstall removes it', async () => {
    project = makeProject('install-warm-again');
    await project.run('install', '--scope', 'local', '--warm');
    const again = await project.run('install', '--scope', 'local', '--warm');
    expect(again.stdout).toContain('already installed');
    const removed = await project.run('uninstall', '--scope', 'local');
    expect(removed.code).toBe(0);
    // The file held only our entries: uninstall gives back what was there before, nothing.
    expect(existsSync(local())).toBe(false);
  });

  it('replaces the plain commands of an earlier install, and a plain install replaces the warm ones', async () => {
    project = makeProject('install-warm-switch');
    await project.run('install', '--scope', 'local');
    await project.run('install', '--scope', 'local', '--warm');
    expect(commands().PreToolUse).toEqual([
      '"$CLAUDE_PROJECT_DIR"/dist/warm/hookpack-warm 5 "$CLAUDE_PROJECT_DIR"/dist/on-PreToolUse.cjs || exit 2',
    ]);
    await project.run('install', '--scope', 'local');
    expect(commands().PreToolUse).toEqual([
      'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/on-PreToolUse.cjs || exit 2',
    ]);
  });

  it('installs the plain commands, and says why, when no C compiler can be found', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'hookpack-no-cc-'));
    project = makeProject('install-warm-no-cc', undefined, { PATH: empty, CC: '' });
    const run = await project.run('install', '--scope', 'local', '--warm');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('hookpack: --warm: no C compiler found');
    expect(commands().PreToolUse).toEqual([
      'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/on-PreToolUse.cjs || exit 2',
    ]);
  });

  it('refuses a committed settings file and changes nothing', async () => {
    project = makeProject('install-warm-project');
    const run = await project.run('install', '--warm');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--warm writes a command that runs a program compiled on this machine');
    expect(existsSync(project.settings)).toBe(false);
  });
});
