/**
 * The ways bash-guard reads one simple command: each wrapper-stripped form lib/shell found;
 * the command a variable holds when it runs as the command name and its value is known
 * (`W='rm -rf ~'; $W`, `IFS=,; c=rm,-rf,/; $c`, `eval "$W"`); and the guesses for tools that may
 * run their operands (`strace -f rm -rf /`), on which only rules that test arguments are tried.
 */
import type { ParsedScript, SimpleCommand } from '../shell/commands.ts';
import { unwrapCommand } from '../shell/wrappers.ts';
import type { CommandGraph } from './bash-command-graph.ts';
import type { PathBase } from './bash-operand-paths.ts';
import { commandView, type CommandView } from './bash-rule-match.ts';

/** `$NAME` or `${NAME}` as a whole word. */
const VARIABLE_WORD = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})$/;
const DEFAULT_IFS = ' \t\n';

/** The words a known variable's value splits into at `$IFS`, as an unquoted expansion would. */
function splitValue(value: string, ifs: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const char of value) {
    if (ifs.includes(char)) {
      if (word !== '') words.push(word);
      word = '';
    } else word += char;
  }
  if (word !== '') words.push(word);
  return words;
}

/** The command `argv` runs when its name is a variable whose value is known here, or undefined. */
function expandedCommand(argv: readonly string[], base: PathBase): string[] | undefined {
  const match = VARIABLE_WORD.exec(argv[0] ?? '');
  if (match === null || base.variables === undefined) return undefined;
  const value = base.variables.get((match[1] ?? match[2]) as string);
  if (value === undefined) return undefined;
  const words = splitValue(value, base.variables.get('IFS') ?? DEFAULT_IFS);
  return words.length === 0 ? undefined : [...words, ...argv.slice(1)];
}

/** Every view of `simple` the rules are tried on. */
export function viewsOf(
  simple: SimpleCommand,
  base: PathBase,
  graph: CommandGraph,
  script: ParsedScript,
): CommandView[] {
  const views = simple.unwrapped.map((argv) => commandView(simple, argv, base, graph, script));
  for (let i = 0, count = views.length; i < count; i += 1) {
    const view = views[i] as CommandView;
    const expanded = view.opaque ? expandedCommand(view.argv, base) : undefined;
    if (expanded === undefined) continue;
    view.resolved = true;
    for (const argv of unwrapCommand(expanded).views) views.push(commandView(simple, argv, base, graph, script));
  }
  for (const argv of simple.speculative ?? []) {
    const view = commandView(simple, argv, base, graph, script);
    view.speculative = true;
    views.push(view);
  }
  return views;
}
