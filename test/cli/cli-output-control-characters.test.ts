// What a settings file or a hook wrote reaches the terminal through the CLI: escape sequences in
// it must show, not act (clear the screen, move the cursor over a warning, retitle the window).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adoptCommand } from '../../cli/commands/adopt.ts';
import { paint } from '../../cli/io.ts';
import { terminalText } from '../../cli/terminal-text.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('cli-control');
afterAll(cleanup);

describe('the CLI shows control characters instead of sending them to the terminal', () => {
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it.each([
    ['clear screen', '\u001b[2J', '\\u001b[2J'],
    ['cursor up and erase line', '\u001b[1A\u001b[K', '\\u001b[1A\\u001b[K'],
    ['window title (OSC)', '\u001b]0;pwned\u0007', '\\u001b]0;pwned\\u0007'],
    ['hyperlink (OSC 8)', '\u001b]8;;https://evil.example\u001b\\', '\\u001b]8;;https://evil.example\\u001b\\'],
    ['carriage return over the line', 'ok\rno', 'ok\\u000dno'],
    ['backspace', 'abc\b\b', 'abc\\u0008\\u0008'],
    ['C1 control sequence introducer', '\u009b2J', '\\u009b2J'],
    ['DEL', 'a\u007f', 'a\\u007f'],
    ['NUL', 'a\u0000b', 'a\\u0000b'],
    ['right-to-left override', '\u202egnp.exe', '\\u202egnp.exe'],
    ['conceal (SGR 8), dropped with its text kept', 'warn\u001b[8m hidden', 'warn hidden'],
    ['black on black', '\u001b[30;40msecret', 'secret'],
    ['a colon-form colour', '\u001b[38:5:196mc', 'c'],
  ])('%s', (_what, text, shown) => {
    const out = terminalText(`before ${text} after`);
    expect(out).toBe(`before ${shown} after`);
    expect(out).not.toMatch(RAW);
  });

  it("keeps newlines, tabs, the CLI's own colours, and text in any script", () => {
    const text = `a\tb\n${paint(true, 'red', 'deny')} ${paint(true, 'dim', 'note')} café 日本 🙂\n`;
    expect(terminalText(text)).toBe(text);
  });

  it('turns CRLF line ends into LF', () => {
    expect(terminalText('one\r\ntwo\r\n')).toBe('one\ntwo\n');
  });

  it('leaves JSON output meaning the same: DEL and C1, which JSON.stringify writes raw, become escapes', () => {
    const json = JSON.stringify({ s: 'a\u0085b\u007f\u202e' });
    expect(JSON.parse(terminalText(json))).toEqual(JSON.parse(json));
    expect(terminalText(json)).not.toMatch(RAW);
  });

  it('in a note of hookpack adopt about an event name a settings file made up', async () => {
    const root = join(dir, 'project');
    writeFile(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFile(
      join(root, '.claude', 'settings.json'),
      JSON.stringify({
        hooks: {
          'Evil\u001b[2J\u009b1A': [{ hooks: [{ type: 'command', command: 'python3 x.py' }] }],
          PreToolUse: [{ hooks: [{ type: 'command', command: 'python3 "a\u001b]0;t\u0007.py"' }] }],
        },
      }),
    );
    const run = await runCli([adoptCommand], ['adopt', '--dry-run'], { cwd: root, env: cleanEnv(dir) });
    expect(run.stderr).toContain('Evil\\u001b[2J\\u009b1A');
    expect(run.stderr + run.stdout).not.toMatch(RAW);
  });
});
