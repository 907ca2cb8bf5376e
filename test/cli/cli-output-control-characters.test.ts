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
  it.each([
    ['clear screen', '\u001b[2J'],
    ['cursor up and erase line', '\u001b[1A\u001b[K'],
    ['window title (OSC)', '\u001b]0;pwned\u0007'],
    ['hyperlink (OSC 8)', '\u001b]8;;https://evil.example\u001b\\'],
    ['carriage return over the line', 'ok\rno'],
    ['backspace', 'abc\b\b'],
    ['C1 control sequence introducer', '\u009b2J'],
    ['DEL', 'a\u007f'],
    ['NUL', 'a\u0000b'],
  ])('%s', (_what, text) => {
    const shown = terminalText(`before ${text} after`);
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(shown).toContain('\ufffd');
    expect(shown.startsWith('before ')).toBe(true);
  });

  it('keeps newlines, tabs, colour, and text in any script', () => {
    const text = `a\tb\n${paint(true, 'red', 'deny')} café 日本 🙂\n`;
    expect(terminalText(text)).toBe(text);
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
    expect(run.stderr).toContain('Evil\ufffd[2J\ufffd1A');
    expect(run.stderr + run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
