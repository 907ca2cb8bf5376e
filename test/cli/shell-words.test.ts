import { describe, expect, it } from 'vitest';
import { commandList, expandWord, plainWords } from '../../cli/shell-words.ts';

const vars = { CLAUDE_PROJECT_DIR: '/p', HOME: '/home/u' };
const texts = (line: string) =>
  commandList(line, vars, '/home/u').commands.map((words) => words.map((w) => (w.unresolved ? `?${w.text}` : w.text)));

describe("commandList reads a settings command line the way the guards' lexer does", () => {
  it.each([
    ['node "$CLAUDE_PROJECT_DIR"/.claude/hooks/dist/x.cjs', [['node', '/p/.claude/hooks/dist/x.cjs']]],
    ["python3 '$CLAUDE_PROJECT_DIR/x.py'", [['python3', '$CLAUDE_PROJECT_DIR/x.py']]],
    ['a && b || c; d | e & f\ng', [['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g']]],
    ['node x.cjs 2>/dev/null >>log 2>&1', [['node', 'x.cjs']]],
    ['node ~/h.cjs', [['node', '/home/u/h.cjs']]],
    ['node a~b ~x', [['node', 'a~b', '~x']]],
    ['echo $UNSET ${CLAUDE_PROJECT_DIR} $(date) `id`', [['echo', '?$UNSET', '/p', '?', '?']]],
    ['echo "a \\"b\\" c" a\\ b', [['echo', 'a "b" c', 'a b']]],
    ['node x.cjs # a comment', [['node', 'x.cjs']]],
  ])('%j', (line, expected) => {
    expect(texts(line)).toEqual(expected);
  });

  it.each([
    ['a; (b)', [['a']]],
    ['cat <<EOF\nhi\nEOF', [['cat']]],
    ['echo "unterminated', []],
  ])('stops, incomplete, at what it does not follow: %j', (line, expected) => {
    const list = commandList(line, vars, '');
    expect(list.complete).toBe(false);
    expect(list.commands.map((ws) => ws.map((w) => w.text))).toEqual(expected);
  });

  it('answers a huge or hostile line without hanging or throwing', () => {
    for (const line of [
      '$('.repeat(50_000),
      '"'.repeat(100_001),
      `${'a '.repeat(200_000)}`,
      '\u0000\u0007\u001b[31m',
      `x${'\\'.repeat(10_001)}`,
    ]) {
      expect(() => commandList(line, vars, '')).not.toThrow();
    }
  });
});

describe('plainWords (what install writes reads back; anything else is not ours)', () => {
  it.each([
    [
      'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/.claude/hooks/dist/on-Stop.cjs',
      ['env', '-u', 'NODE_EXTRA_CA_CERTS', 'node', '/p/.claude/hooks/dist/on-Stop.cjs'],
    ],
    ["node '/a b/x.cjs'", ['node', '/a b/x.cjs']],
    ['node ${CLAUDE_PROJECT_DIR}/x.cjs', ['node', '/p/x.cjs']],
  ])('reads %j', (line, expected) => {
    expect(plainWords(line, { CLAUDE_PROJECT_DIR: '/p' })).toEqual(expected);
  });

  it.each([
    'node x.cjs | tee log',
    'node x.cjs > out',
    'node $OTHER/x.cjs',
    'node *.cjs',
    'node ~/x.cjs',
    'node $(pwd)/x.cjs',
    'node `pwd`/x.cjs',
    'a; b',
    'node "x',
    'node "$"',
  ])('refuses %j', (line) => {
    expect(plainWords(line, { CLAUDE_PROJECT_DIR: '/p' })).toBeUndefined();
  });

  it('expands nothing in user scope (no project directory)', () => {
    expect(plainWords('node "$CLAUDE_PROJECT_DIR"/x.cjs', {})).toBeUndefined();
    expect(expandWord('"$CLAUDE_PROJECT_DIR"/x', {}, '')).toEqual({ text: '$CLAUDE_PROJECT_DIR/x', unresolved: true });
  });
});
