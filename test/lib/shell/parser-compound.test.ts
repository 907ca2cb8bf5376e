import { describe, expect, it } from 'vitest';
import { parseScript } from '../../../lib/shell/script.ts';

const names = (source: string) => parseScript(source).commands.map((command) => command.argv[0] ?? '');

describe('the parser finds the commands inside compound commands', () => {
  it.each([
    ['(a; b)', ['a', 'b']],
    ['{ a; b; }', ['a', 'b']],
    ['if a; then b; elif c; then d; else e; fi', ['a', 'b', 'c', 'd', 'e']],
    ['while a; do b; done', ['a', 'b']],
    ['until a\ndo\n  b\ndone', ['a', 'b']],
    ['for x in 1 2; do a; done', ['a']],
    ['for x; do a; done', ['a']],
    ['for ((i = 0; i < 3; i++)); do a; done', ['a', 'i', 'i', 'i++']],
    ['select x in 1 2; do a; done', ['a']],
    ['case $x in a|b) c;; (d) e;& *) f;;& esac', ['c', 'e', 'f']],
    ['case x in\n  a)\n    b\n    ;;\nesac', ['b']],
    ['[[ -f x && $y == z ]] && a', ['[[', 'a']],
    ['(( x++ )) && a', ['a', 'x++']],
    ['f() { a; }', ['a']],
    ['function f { a; }', ['a']],
    ['function f() ( a )', ['a']],
    ['{ a; } > out', ['a', '']],
    ['while read -r l; do a; done < file', ['read', 'a', '']],
    ['if a; then { b; } fi', ['a', 'b']],
  ])('%j', (source, expected) => {
    expect(names(source)).toEqual(expected);
  });

  it('also reads ((…)) as nested subshells, as dash does, and ignores it when that fails to parse', () => {
    expect(names('((rm -rf /))')).toEqual(['rm']);
    expect(names('(( x = (1 + 2) ))')).toEqual([]);
  });

  it('keeps redirections after a compound command on an empty pseudo-command', () => {
    expect(parseScript('{ a; } >> /etc/hosts').commands[1]).toMatchObject({
      argv: [],
      redirects: [{ op: '>>', target: '/etc/hosts' }],
    });
  });

  it('records functions and which commands are in their bodies', () => {
    const script = parseScript(':(){ :|:& };:');
    expect(script.functions).toEqual([{ name: ':', commandIds: [0, 1] }]);
    expect(
      script.commands.map((command) => [command.functionName, command.background, command.pipeline.length]),
    ).toEqual([
      [':', true, 2],
      [':', true, 2],
      [undefined, false, 1],
    ]);
  });
});

describe('the parser refuses what bash refuses', () => {
  it.each([
    ['a &&', 'unexpected end of input'],
    ['a |', 'unexpected end of input'],
    ['| a', 'unexpected `|`'],
    ['; a', 'unexpected `;`'],
    ['a )', 'unexpected `)`'],
    ['(a', 'expected `)`'],
    ['{ a; ', 'expected `}`'],
    ['{ a }', 'expected `}`'],
    ['if a; then b', 'expected `fi`'],
    ['while a; b; done', 'unexpected `done`'],
    ['case x in a) b', 'expected `;;` or `esac`'],
    ['then a', 'unexpected `then`'],
    ['a >', 'a file name after `>`'],
    ['[[ -f x', 'expected `]]`'],
  ])('%j: %s', (source, message) => {
    expect(() => parseScript(source)).toThrow(message);
  });
});
