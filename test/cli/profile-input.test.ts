// `hookpack profile --input FILE` and `--prompt TEXT`: the user's payload reaches the hooks of its
// event (so their real work path runs), and every bad input is one line with a defined exit code.
import { spawnSync } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profile } from '../../cli/commands/profile.ts';
import type { ProfileReport } from '../../cli/profile/summarize.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-input');
afterAll(cleanup);
const env = cleanEnv(dir);
const project = join(dir, 'project');
const record = (name: string) => `cat > "$CLAUDE_PROJECT_DIR/seen-${name}.json"`;
const settings = writeFile(
  join(project, '.claude', 'settings.json'),
  JSON.stringify({
    hooks: {
      PreToolUse: [
        { matcher: 'Bash', hooks: [{ type: 'command', command: record('bash') }] },
        { matcher: 'Write|Edit', hooks: [{ type: 'command', command: record('write') }] },
      ],
      UserPromptSubmit: [{ hooks: [{ type: 'command', command: record('prompt') }] }],
    },
  }),
);
const seen = (name: string) =>
  JSON.parse(readFileSync(join(project, `seen-${name}.json`), 'utf8')) as Record<string, unknown>;
const payload = {
  session_id: 's',
  transcript_path: '/t',
  cwd: project,
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'git push --force origin main' },
};
const input = writeFile(join(dir, 'pre.json'), JSON.stringify(payload));
const profileRun = (args: string[]) => runCli([profile], ['profile', '--runs', '1', ...args], { cwd: project, env });

describe('hookpack profile --input and --prompt', () => {
  it("feeds the --input payload to its event's hooks, skips those whose matcher doesn't select it, and keeps fixtures for the rest", async () => {
    const run = await profileRun(['--input', input, '--json']);
    expect(run.code).toBe(0);
    expect(seen('bash')).toEqual(payload);
    expect(run.stderr).toContain(
      `hookpack: skipping hooks.PreToolUse[1].hooks[0] in ${settings}: its matcher "Write|Edit" does not select tool_name "Bash" of --input ${input}, so Claude Code would not run it\n`,
    );
    const report = JSON.parse(run.stdout) as ProfileReport;
    expect(report.hooks.map((h) => [h.event, h.payload])).toEqual([
      ['PreToolUse', `--input ${input}`],
      ['UserPromptSubmit', 'UserPromptSubmit fixture'],
    ]);
  });

  it('puts the --prompt text in the UserPromptSubmit payload', async () => {
    const run = await profileRun(['--prompt', 'tidy the scratch notes', '--event', 'UserPromptSubmit', '--json']);
    expect(run.code).toBe(0);
    expect(seen('prompt')).toMatchObject({ hook_event_name: 'UserPromptSubmit', prompt: 'tidy the scratch notes' });
    expect((JSON.parse(run.stdout) as ProfileReport).hooks.map((h) => h.payload)).toEqual(['--prompt']);
  });

  const fifo = join(dir, 'fifo');
  spawnSync('mkfifo', [fifo]);
  const huge = join(dir, 'huge.json');
  writeFileSync(huge, '');
  truncateSync(huge, 5 * 1024 * 1024);
  const file = (name: string, content: string | Buffer) =>
    writeFile(join(dir, name), typeof content === 'string' ? content : (content as unknown as string));

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), 3, /: no such file; pass a JSON payload file/],
    ['a directory', () => dir, 3, /: it is a directory$/],
    ['a FIFO (no hang)', () => fifo, 3, /: it is a FIFO \(named pipe\), not a regular file$/],
    ['a file over 4 MiB', () => huge, 3, /: it is more than 4 MiB; a hook payload is smaller$/],
    [
      'bytes that are not UTF-8',
      () => file('latin1.json', Buffer.from([0x7b, 0xe9, 0x7d])),
      3,
      /: not UTF-8 text; a payload is JSON$/,
    ],
    ['text that is not JSON', () => file('text.json', 'tool_name: Bash'), 3, /: not valid JSON \(.+\)$/],
    [
      'a truncated payload',
      () => file('torn.json', JSON.stringify(payload).slice(0, 40)),
      3,
      /: not valid JSON \(.+\)$/,
    ],
    ['a JSON array', () => file('array.json', '[1]'), 3, /: a payload is one JSON object, this is an array$/],
    [
      'no hook_event_name',
      () => file('noevent.json', '{"tool_name":"Bash"}'),
      3,
      /: no "hook_event_name": it names the event/,
    ],
    [
      'an unknown event',
      () => file('unknown.json', '{"hook_event_name":"<b>PreTool</b>"}'),
      3,
      /: "hook_event_name" is "<b>PreTool<\/b>", which is not an event; valid events: SessionStart/,
    ],
  ])('refuses %s with one line and exit %i', async (_, path, code, message) => {
    const target = path();
    const run = await profileRun(['--input', target]);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr.startsWith(`hookpack: \`--input\` ${target}: `)).toBe(true);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it.each([
    [['--prompt', '  '], 'hookpack: `--prompt` needs the text of a prompt (Claude Code sends no empty one)\n'],
    [
      ['--input', 'PROMPT', '--prompt', 'x'],
      'hookpack: `--input` is a UserPromptSubmit payload and `--prompt` replaces its prompt too; pass one of them\n',
    ],
    [
      ['--input', 'PRE', '--event', 'Stop'],
      'hookpack: `--input` gives a PreToolUse payload, but `--event Stop` runs only Stop hooks; drop one\n',
    ],
  ])('rejects %j as usage (exit 2)', async (args, message) => {
    const prompt = file('prompt.json', JSON.stringify({ hook_event_name: 'UserPromptSubmit', prompt: 'p' }));
    const run = await profileRun(args.map((a) => (a === 'PROMPT' ? prompt : a === 'PRE' ? input : a)));
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: message });
  });
});
