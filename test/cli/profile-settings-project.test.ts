// The built CLI as a process, with its own HOME and state directory: `profile --settings PATH`
// runs the hooks in the project that file belongs to (not the current directory, where every
// "$CLAUDE_PROJECT_DIR"/… script would be missing), names hooks that fail in every run and exits
// 1, and says in one line what is wrong with a bad --input.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileReport } from '../../cli/profile/summarize.ts';
import { buildCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-settings');
afterAll(cleanup);
const env = {
  PATH: process.env.PATH,
  HOME: join(dir, 'home'),
  HOOKPACK_HOME: join(dir, 'state'),
  HOOKPACK_MANAGED_SETTINGS: join(dir, 'managed.json'),
};
const project = join(dir, 'project');
const elsewhere = join(dir, 'elsewhere');
let cli: string;

beforeAll(() => {
  cli = buildCli(join(dir, 'dist'));
  writeFile(join(project, '.claude', 'hooks', 'guard.py'), 'import json, sys\njson.load(sys.stdin)\n');
  writeFile(join(project, '.claude', 'hooks', 'notes.sh'), 'cat > /dev/null\necho notes\n');
  writeFile(
    join(project, '.claude', 'settings.json'),
    JSON.stringify({
      hooks: {
        PreToolUse: [
          {
            matcher: 'Bash',
            hooks: [{ type: 'command', command: 'python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/guard.py' }],
          },
        ],
        SessionStart: [{ hooks: [{ type: 'command', command: 'sh "$CLAUDE_PROJECT_DIR"/.claude/hooks/notes.sh' }] }],
      },
    }),
  );
  writeFile(join(elsewhere, '.claude', 'settings.json'), '{}');
  // Settings whose hooks can't work anywhere: a script that isn't there (python3 exits 2, which
  // reads as a block) and a command that always fails.
  writeFile(
    join(dir, 'broken', '.claude', 'settings.json'),
    JSON.stringify({
      hooks: {
        PreToolUse: [
          {
            matcher: 'Bash',
            hooks: [{ type: 'command', command: 'python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/gone.py' }],
          },
        ],
        Stop: [{ hooks: [{ type: 'command', command: 'echo broken >&2; exit 1' }] }],
      },
    }),
  );
});

const run = (args: string[], cwd = elsewhere) =>
  spawnSync(process.execPath, [cli, 'profile', '--runs', '2', ...args], { cwd, env, encoding: 'utf8' });

describe('hookpack profile --settings (built CLI)', () => {
  it("runs a project's hooks in that project when started from another one", () => {
    const result = run(['--settings', join(project, '.claude', 'settings.json'), '--json']);
    expect(result.status).toBe(0);
    expect(result.stderr.replace(/\n  /g, ' ')).toContain(
      `with CLAUDE_PROJECT_DIR=${project} (the --settings file is in its .claude/)\n`,
    );
    const report = JSON.parse(result.stdout) as ProfileReport;
    expect(report.project).toBe(project);
    expect(report.hooks.map((h) => [h.label, h.exits, h.allFailed])).toEqual([
      ['python3 guard.py', { 0: 2 }, false],
      ['sh notes.sh', { 0: 2 }, false],
    ]);
    expect(report.allFailed).toEqual([]);
  });

  it('names the hooks that failed in every run, on stderr and in the report, and exits 1', () => {
    const result = run(['--settings', join(dir, 'broken', '.claude', 'settings.json')]);
    expect(result.status).toBe(1);
    expect(result.stderr.replace(/\n  /g, ' ')).toMatch(
      /\nhookpack profile: 2 of 2 hooks failed in every run \(python3 gone\.py, echo broken >&2; exit 1\): their times measure the failure, not the hook\n$/,
    );
    const out = result.stdout.replace(/\s+/g, ' ');
    expect(out).toContain(
      '2 of 2 failed in every run: python3 gone.py, echo broken >&2; exit 1. Their times measure the failure, not the hook',
    );
    expect(out).toContain(
      `${join(dir, 'broken', '.claude', 'hooks', 'gone.py')} does not exist (CLAUDE_PROJECT_DIR=${join(dir, 'broken')}), so every run timed a failure to start it`,
    );
    expect(out).toContain('failed in all 2 runs (exit 1: broken): its times are of the failure, not of its work');
    expect(out).not.toContain('measured beside it'); // no start-up split for a failure's times
  });

  it.each([
    [
      ['--input', 'missing.json'],
      3,
      `hookpack: \`--input\` ${join(elsewhere, 'missing.json')}: no such file; pass a JSON payload file (hookpack test --input takes the same)\n`,
    ],
    [
      ['--input', '.claude/settings.json'],
      3,
      `hookpack: \`--input\` ${join(elsewhere, '.claude', 'settings.json')}: no "hook_event_name": it names the event whose hooks get this payload (e.g. "UserPromptSubmit")\n`,
    ],
    [['--runs', 'x'], 2, 'hookpack: `--runs` must be a whole number from 1 to 1000, got `x`\n'],
  ])('%j: one line on stderr, exit %i, no stack', (args, code, message) => {
    const result = run(args);
    expect(result.status).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(message);
  });
});
