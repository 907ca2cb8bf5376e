// Running `hookpack install` again changes nothing: same bytes, no backup, and it says so.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

describe('hookpack install, run twice', () => {
  it.each([
    ['a new file', undefined],
    ['a file with other settings', '{\n\t"model": "opus",\n\t"hooks": {\n\t\t"Stop": []\n\t}\n}\n'],
  ])('leaves the file byte-identical the second time (%s)', async (_name, original) => {
    project = makeProject('install-twice');
    if (original !== undefined) project.write(original);
    expect((await project.run('install')).code).toBe(0);
    const first = project.read();
    const mtime = statSync(project.settings).mtimeMs;
    const backup = existsSync(`${project.settings}.bak`) ? readFileSync(`${project.settings}.bak`, 'utf8') : undefined;

    const again = await project.run('install');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      'already installed in .claude/settings.json (project scope): on-PreToolUse.cjs (bash-guard, file-guard), prompt-context.cjs (prompt-context); nothing changed\n',
    );
    expect(again.stderr).toBe('');
    expect(project.read()).toBe(first);
    expect(statSync(project.settings).mtimeMs).toBe(mtime);
    expect(existsSync(`${project.settings}.bak`) ? readFileSync(`${project.settings}.bak`, 'utf8') : undefined).toBe(
      backup,
    );
  });

  it('keeps our entry where the user moved it and leaves fields they added to it', async () => {
    project = makeProject('install-twice-moved');
    const command = (file: string) => ({
      type: 'command',
      command: `env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/${file}${file.startsWith('on-Pre') ? ' || exit 2' : ''}`,
      timeout: file.startsWith('on-') ? 5 : 3,
    });
    const edited = `${JSON.stringify(
      {
        hooks: {
          UserPromptSubmit: [{ hooks: [{ ...command('prompt-context.cjs'), statusMessage: 'adding context' }] }],
          PreToolUse: [
            {
              matcher: 'Bash|Edit|Write',
              hooks: [{ type: 'command', command: './mine.sh' }, command('on-PreToolUse.cjs')],
            },
          ],
        },
      },
      null,
      2,
    )}\n`;
    project.write(edited);
    const run = await project.run('install');
    expect(run.stdout).toContain('nothing changed');
    expect(project.read()).toBe(edited);
  });

  it('updates only what changed when the build changed (a new timeout replaces our entry in place)', async () => {
    project = makeProject('install-twice-rebuilt');
    project.write(
      '{\n  "hooks": {\n    "UserPromptSubmit": [\n      { "hooks": [{ "type": "command", "command": "./first.sh" }] },\n      { "hooks": [{ "type": "command", "command": "node \\"$CLAUDE_PROJECT_DIR\\"/dist/prompt-context.cjs", "timeout": 9 }] },\n      { "hooks": [{ "type": "command", "command": "./last.sh" }] }\n    ]\n  }\n}\n',
    );
    const run = await project.run('install');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('- UserPromptSubmit  prompt-context.cjs  runs prompt-context\n');
    expect(run.stdout).toContain('+ UserPromptSubmit  prompt-context.cjs  runs prompt-context, timeout 3 s\n');
    const groups = JSON.parse(project.read()).hooks.UserPromptSubmit as {
      hooks: { command: string; timeout?: number }[];
    }[];
    expect(groups.map((g) => g.hooks[0]?.command)).toEqual([
      './first.sh',
      'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/prompt-context.cjs',
      './last.sh',
    ]);
    expect(groups[1]?.hooks[0]?.timeout).toBe(3);
  });
});
