// `hookpack install --dry-run` prints the change as a unified diff and writes nothing.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './_helpers.ts';
import { COMMANDS, makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

describe('hookpack install --dry-run', () => {
  it('prints a unified diff against the existing file and leaves it alone', async () => {
    project = makeProject('install-dry-run');
    const original = '{\n  "model": "opus"\n}\n';
    project.write(original);
    const run = await project.run('install', '--hooks', 'prompt-context', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '--- a/.claude/settings.json',
        '+++ b/.claude/settings.json',
        '@@ -1,3 +1,16 @@',
        ' {',
        '-  "model": "opus"',
        '+  "model": "opus",',
        '+  "hooks": {',
        '+    "UserPromptSubmit": [',
        '+      {',
        '+        "hooks": [',
        '+          {',
        '+            "type": "command",',
        '+            "command": "env -u NODE_EXTRA_CA_CERTS node \\"$CLAUDE_PROJECT_DIR\\"/dist/prompt-context.cjs",',
        '+            "timeout": 3',
        '+          }',
        '+        ]',
        '+      }',
        '+    ]',
        '+  }',
        ' }',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('dry run: .claude/settings.json not written\n');
    expect(project.read()).toBe(original);
    expect(readdirSync(join(project.dir, '.claude'))).toEqual(['settings.json']);
  });

  it('diffs against /dev/null and creates nothing when the file does not exist', async () => {
    project = makeProject('install-dry-run-new');
    const run = await project.run('install', '--dry-run');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(lines.slice(0, 4)).toEqual([
      '--- /dev/null',
      '+++ b/.claude/settings.json',
      `@@ -0,0 +1,${added.length} @@`,
      '+{',
    ]);
    expect(lines.at(-1)).toBe('+}');
    expect(existsSync(join(project.dir, '.claude'))).toBe(false);
  });

  it('prints no diff when nothing would change', async () => {
    project = makeProject('install-dry-run-same');
    await project.run('install');
    const run = await project.run('install', '--dry-run');
    expect(run.stdout).toContain('nothing changed');
    expect(run.stdout).not.toContain('---');
  });

  it('colours the diff only when the Io allows colour', async () => {
    project = makeProject('install-dry-run-colour');
    const plain = await project.run('install', '--dry-run');
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await runCli(COMMANDS, ['install', '--dry-run'], {
      cwd: project.dir,
      env: project.env,
      color: true,
    });
    expect(coloured.stdout).toContain('\u001b[32m+{\u001b[0m');
  });
});
