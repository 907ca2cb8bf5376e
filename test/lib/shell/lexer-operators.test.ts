import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/shell/lexer.ts';
import type { Token } from '../../../lib/shell/tokens.ts';

const show = (token: Token) => {
  if (token.kind === 'word') return token.text;
  if (token.kind === 'op') return token.op === '\n' ? '<newline>' : `<${token.op}>`;
  return `<${token.fd ?? ''}${token.op}>`;
};
const shown = (source: string) => tokenize(source).map(show);

describe('the lexer splits operators and redirections', () => {
  it.each([
    ['a;b', ['a', '<;>', 'b']],
    ['a & b', ['a', '<&>', 'b']],
    ['a&&b||c', ['a', '<&&>', 'b', '<||>', 'c']],
    ['a|b|&c', ['a', '<|>', 'b', '<|&>', 'c']],
    ['(a) { b; }', ['<(>', 'a', '<)>', '{', 'b', '<;>', '}']],
    ['a\nb', ['a', '<newline>', 'b']],
    ['x;;y;&z;;&', ['x', '<;;>', 'y', '<;&>', 'z', '<;;&>']],
    ['a < in > out >> log', ['a', '<<>', 'in', '<>>', 'out', '<>>>', 'log']],
    ['a <> f >| g', ['a', '<<>>', 'f', '<>|>', 'g']],
    ['a 2> err 2>&1 >&2', ['a', '<2>>', 'err', '<2>&>', '1', '<>&>', '2']],
    ['a &> all &>> more', ['a', '<&>>', 'all', '<&>>>', 'more']],
    ['a 0<&3 3<&-', ['a', '<0<&>', '3', '<3<&>', '-']],
    ['a <<< "word"', ['a', '<<<<>', 'word']],
    ['a 2024-01-01>x', ['a', '2024-01-01', '<>>', 'x']],
    ['echo a#b', ['echo', 'a#b']],
    ['echo a # comment ; rm -rf /', ['echo', 'a']],
    ['# only a comment', []],
    ['echo $# ${#x}', ['echo', '$#', '${#x}']],
  ])('%j', (source, expected) => {
    expect(shown(source)).toEqual(expected);
  });

  it('reads ((…)) in command position as one arithmetic word', () => {
    const [token] = tokenize('(( x = 1 << 2 ))');
    expect(token).toMatchObject({ kind: 'word', arithmetic: true, text: '(( x = 1 << 2 ))' });
  });

  it('reads ((a) ; b) as nested subshells, as bash does', () => {
    expect(shown('((a) ; b)')).toEqual(['<(>', '<(>', 'a', '<)>', '<;>', 'b', '<)>']);
  });
});
