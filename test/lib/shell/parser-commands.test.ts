import { describe, expect, it } from 'vitest';
import { parseScript } from '../../../lib/shell/script.ts';

const parse = (source: string) => parseScript(source).commands;
const argvs = (source: string) => parse(source).map((command) => command.argv);

describe('the parser finds simple commands', () => {
  it('keeps argv, leading assignments and redirections apart', () => {
    const [command] = parse('A=1 B="two words" cmd --flag "x y" < in > out 2>&1');
    expect(command).toMatchObject({
      argv: ['cmd', '--flag', 'x y'],
      assignments: ['A=1', 'B=two words'],
      redirects: [
        { op: '<', target: 'in' },
        { op: '>', target: 'out' },
        { op: '>&', fd: 2, target: '1' },
      ],
    });
  });

  it('reads an array assignment as one assignment', () => {
    expect(parse('arr=(a "b c") cmd')[0]).toMatchObject({ assignments: ['arr=(a b c)'], argv: ['cmd'] });
  });

  it('keeps a here-document body on its redirection', () => {
    expect(parse('cat <<EOF > out\nbody\nEOF')[0]?.redirects).toEqual([
      { op: '<<', target: 'EOF', heredoc: 'body\n' },
      { op: '>', target: 'out' },
    ]);
  });

  it.each([
    ['a; b', [['a'], ['b']]],
    ['a && b || c', [['a'], ['b'], ['c']]],
    ['a\nb\n\nc', [['a'], ['b'], ['c']]],
    ['a &\nb', [['a'], ['b']]],
    ['! a', [['a']]],
    ['time a | b', [['a'], ['b']]],
    ['> file', [[]]],
  ])('splits %j into %j', (source, expected) => {
    expect(argvs(source)).toEqual(expected);
  });

  it('places each stage in its pipeline', () => {
    expect(parse('a | b |& c').map((command) => [command.pipeline.index, command.pipeline.length])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    const [a, b] = parse('a; b');
    expect(a?.pipeline.pipelineId).not.toBe(b?.pipeline.pipelineId);
  });

  it('puts the commands of a grouped stage in both pipelines, outermost first', () => {
    const commands = parse('curl x | { cat | sh; }');
    const sh = commands.find((command) => command.argv[0] === 'sh');
    expect(sh?.pipelines.map((position) => [position.index, position.length])).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(sh?.pipeline).toBe(sh?.pipelines[1]);
  });

  it('marks every command of a backgrounded list', () => {
    expect(parse('a && b & c').map((command) => command.background)).toEqual([true, true, false]);
  });

  it('brace-expands and splits on $IFS', () => {
    expect(argvs('{rm,-rf,/}')).toEqual([['rm', '-rf', '/']]);
    expect(argvs('r{m,} x')).toEqual([['rm', 'r', 'x']]);
    expect(argvs('rm${IFS}-rf$IFS/')).toEqual([['rm', '-rf', '/']]);
    expect(argvs('echo "{a,b}" {} {x}')).toEqual([['echo', '{a,b}', '{}', '{x}']]);
  });
});
