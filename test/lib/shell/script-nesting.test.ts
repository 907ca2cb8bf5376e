import { describe, expect, it } from 'vitest';
import type { SimpleCommand } from '../../../lib/shell/commands.ts';
import { parseScript } from '../../../lib/shell/script.ts';

const find = (commands: SimpleCommand[], name: string) =>
  commands.find((command) => command.argv[0] === name) as SimpleCommand;

describe('parseScript parses what a command runs, one level deeper each', () => {
  it.each([
    ['echo $(date)', 'date'],
    ['echo `date`', 'date'],
    ['diff <(ls a) b', 'ls'],
    ['bash -c "date"', 'date'],
    ["sh -lc 'date'", 'date'],
    ['eval date', 'date'],
    ['su -c date', 'date'],
    ['env -S "date"', 'date'],
    ['watch -n 5 date', 'date'],
    ['trap "date" EXIT', 'date'],
    ['sudo sh -c date', 'date'],
    ['bash <<EOF\ndate\nEOF', 'date'],
    ['bash <<< date', 'date'],
    ['echo date | sh', 'date'],
    ["printf 'date\\n' | bash -s", 'date'],
    ["alias now='date'", 'date'],
  ])('finds the `date` that %j runs, at depth 1', (source, name) => {
    expect(find(parseScript(source).commands, name).depth).toBe(1);
  });

  it.each([["sh <(echo 'date')"], ["source <(printf '%s' date)"], ['$(echo date) -u']])(
    'finds the `date` that %j builds from printed text, one level below the printer',
    (source) => {
      expect(find(parseScript(source).commands, 'date').depth).toBe(2);
    },
  );

  it('links a substitution to the command its output feeds', () => {
    const commands = parseScript('bash -c "$(curl -s x)"').commands;
    const bash = find(commands, 'bash');
    expect(commands.filter((command) => command.argv[0] === 'curl').map((command) => command.feeds)).toContain(bash.id);
  });

  it('links >( … ) to the command it reads from', () => {
    const commands = parseScript('tee >(sh) < x').commands;
    expect(find(commands, 'sh').stdinFrom).toBe(find(commands, 'tee').id);
  });

  it('lets a bash -c script inherit the pipelines of bash', () => {
    const commands = parseScript('curl x | bash -c "python3"').commands;
    expect(find(commands, 'python3').pipelines[0]).toEqual(find(commands, 'bash').pipeline);
    expect(find(commands, 'python3').runBy).toBe(find(commands, 'bash').id);
  });

  it('appends what echo prints to the command xargs runs', () => {
    expect(find(parseScript('echo / tmp | xargs rm -rf').commands, 'xargs').unwrapped).toEqual([
      ['xargs', 'rm', '-rf'],
      ['rm', '-rf', '/', 'tmp'],
    ]);
  });

  it('leaves a here-document body alone when no shell reads it', () => {
    expect(parseScript('cat <<EOF\nrm -rf /\nEOF').commands.map((command) => command.argv[0])).toEqual(['cat']);
  });

  it('allows 8 levels of nesting and refuses 9', () => {
    const nested = (levels: number) => `${'echo $('.repeat(levels)}date${')'.repeat(levels)}`;
    expect(find(parseScript(nested(8)).commands, 'date').depth).toBe(8);
    expect(() => parseScript(nested(9))).toThrow(expect.objectContaining({ code: 'E_SHELL_TOO_DEEP' }));
    expect(() => parseScript(nested(3), { maxDepth: 2 })).toThrow('nest more than 2 levels');
  });

  it('counts bash -c and eval levels too', () => {
    const source = `eval 'eval "bash -c date"'`;
    expect(find(parseScript(source).commands, 'date').depth).toBe(3);
    expect(() => parseScript(source, { maxDepth: 2 })).toThrow(expect.objectContaining({ code: 'E_SHELL_TOO_DEEP' }));
  });

  it('refuses more source than its budget', () => {
    expect(() => parseScript(`echo ${'x'.repeat(100)}`, { maxChars: 50 })).toThrow(
      expect.objectContaining({ code: 'E_SHELL_TOO_LARGE' }),
    );
  });
});
