// CommandGraph.findSource (lib/guards/bash-source-search.ts): which command's output reaches a
// command, answered once per test for the whole script. Direct sources are reported before what
// reaches them, in the order a breadth-first search meets them; answers for later stages reuse
// those for earlier ones, so a long pipeline costs time linear in its length.
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../../lib/shell/script.ts';
import { CommandGraph } from '../../../lib/guards/bash-command-graph.ts';
import type { SimpleCommand } from '../../../lib/shell/commands.ts';

const named =
  (...names: string[]) =>
  (command: SimpleCommand) =>
    names.includes(command.argv[0] ?? '');

function sourceOf(
  source: string,
  target: string,
  viaStdin: boolean,
  test: (command: SimpleCommand) => boolean,
): string | undefined {
  const script = parseScript(source);
  const graph = new CommandGraph(script);
  const command = script.commands.find((c) => c.argv[0] === target);
  if (command === undefined) throw new Error(`no ${target} in ${source}`);
  return graph.findSource(command, viaStdin, test)?.argv.join(' ');
}

describe('CommandGraph.findSource', () => {
  it.each([
    ['curl a | wget b | sh', 'curl a'],
    ['echo $(wget x) | curl y | sh', 'curl y'], // a direct source before what feeds an earlier stage
    ['echo $(wget x) | cat | sh', 'wget x'],
    ['{ cat; curl z; } | sh', 'curl z'],
    ['cat <(curl q) | sh', 'curl q'],
    ['ls | sh', undefined],
    ['sh | curl a', undefined], // a later stage feeds nothing into an earlier one
  ])('in %j, sh reads from %j', (source, expected) => {
    expect(sourceOf(source, 'sh', true, named('curl', 'wget'))).toBe(expected);
  });

  it('follows substitutions in arguments without stdin when asked to', () => {
    expect(sourceOf('curl a | bash -c "$(wget b)"', 'bash', false, named('curl', 'wget'))).toBe('wget b');
    expect(sourceOf('curl a | bash -c "$(cat x)"', 'bash', false, named('curl', 'wget'))).toBeUndefined();
  });

  it('answers every stage of a 900-stage pipeline, testing each command once', () => {
    const source = `curl x |${' cat |'.repeat(898)} sh`;
    const script = parseScript(source);
    const graph = new CommandGraph(script);
    let tests = 0;
    const test = (command: SimpleCommand) => {
      tests += 1;
      return command.argv[0] === 'curl';
    };
    for (const command of script.commands) graph.findSource(command, true, test, 'curl');
    expect(graph.findSource(script.commands.at(-1) as SimpleCommand, true, test, 'curl')?.argv[0]).toBe('curl');
    expect(tests).toBeLessThanOrEqual(script.commands.length);
  });
});
