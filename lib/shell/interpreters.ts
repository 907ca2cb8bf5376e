/**
 * What shells and script interpreters do with their arguments: where `bash -c` finds its
 * script, and whether `python`, `node`, `sh` … read the program they run from stdin (so
 * `curl … | python` runs downloaded code while `curl … | python -m json.tool` does not).
 */
import { scanOptions } from './options.ts';

interface InterpreterSpec {
  /** Options that give the program inline or by module (`-c`, `-e`, `-m`): stdin is then data. Their value is the program (except a shell's `-c`, a flag). */
  inline: readonly string[];
  /** Options that take a value (which is not a script file). */
  values: ReadonlySet<string>;
  /** Options that force reading the program from stdin (`sh -s`). */
  stdin: readonly string[];
  plusOptions: boolean;
}

const SHELL: InterpreterSpec = {
  inline: ['c'],
  values: new Set(['o', 'O', 'rcfile', 'init-file']),
  stdin: ['s'],
  plusOptions: true,
};
const GENERIC: InterpreterSpec = { inline: [], values: new Set(), stdin: [], plusOptions: false };

// `$SHELL -c …` and `$BASH -c …` run a shell whatever their value: read their scripts like bash's.
const SHELLS = new Set([
  'sh',
  'bash',
  'rbash',
  'zsh',
  'dash',
  'ksh',
  'mksh',
  'pdksh',
  'ash',
  'yash',
  'posh',
  'fish',
  'csh',
  'tcsh',
  '$shell',
  '${shell}',
  '$bash',
  '${bash}',
]);
const FAMILIES: ReadonlyArray<[RegExp, InterpreterSpec]> = [
  [/^(?:python|pypy)[0-9.]*$/, { inline: ['c', 'm'], values: new Set(['W', 'X']), stdin: [], plusOptions: false }],
  [
    /^(?:node|nodejs|bun|deno)$/,
    {
      inline: ['e', 'p', 'eval', 'print'],
      values: new Set(['r', 'require', 'import', 'loader', 'C', 'conditions']),
      stdin: [],
      plusOptions: false,
    },
  ],
  [/^perl[0-9.]*$/, { inline: ['e', 'E'], values: new Set(), stdin: [], plusOptions: false }],
  [/^ruby[0-9.]*$/, { inline: ['e'], values: new Set(['r', 'I', 'C']), stdin: [], plusOptions: false }],
  [/^php[0-9.]*$/, { inline: ['r', 'f'], values: new Set(['d', 'c', 'z']), stdin: [], plusOptions: false }],
];
const STDIN_FILES = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);
/** Builtins whose arguments are the program. */
const RUNS_ARGUMENTS = new Set(['eval', 'source', '.']);
/** Per spec: value options plus inline options, which take the program as their value. */
const PROGRAM_VALUES = new Map<InterpreterSpec, ReadonlySet<string>>();

/**
 * The program name in a command word: the part after the last `/`, lower-cased (macOS file
 * systems ignore case), without zsh's `=` (`=rm` expands to rm's path there).
 */
export function commandName(word: string): string {
  // Asked for the same word many times per command (every rule, every view): one slot of memory.
  if (word === lastWord) return lastName;
  const name = word.slice(word.lastIndexOf('/') + 1).toLowerCase();
  lastWord = word;
  lastName = name.startsWith('=') ? name.slice(1) : name;
  return lastName;
}

let lastWord = '';
let lastName = '';

/** Whether `name` (a commandName) is a POSIX-style shell. */
export function isShell(name: string): boolean {
  return SHELLS.has(name);
}

function specFor(name: string): InterpreterSpec {
  if (SHELLS.has(name)) return SHELL;
  for (const [pattern, spec] of FAMILIES) if (pattern.test(name)) return spec;
  return GENERIC;
}

/** The script `bash -c SCRIPT` (and `sh -lc`, `zsh -c` …) runs, or undefined for anything else. */
export function shellCommandString(argv: readonly string[]): string | undefined {
  const name = commandName(argv[0] ?? '');
  if (!SHELLS.has(name)) return undefined;
  const args = argv.slice(1);
  const scanned = scanOptions(args, { takesValue: SHELL.values, stopAtOperand: true, plusOptions: true });
  return scanned.short.has('c') ? args[scanned.rest] : undefined;
}

/**
 * Whether this invocation takes the program it runs from stdin: no inline program (`-c`, `-e`,
 * `-m` …) and no script file, or an explicit `-s` / `-` / `/dev/stdin`. Unknown programs are
 * judged by the same rule: no operand means stdin.
 */
export function readsProgramFromStdin(argv: readonly string[]): boolean {
  const spec = specFor(commandName(argv[0] ?? ''));
  const args = argv.slice(1);
  const scanned = scanOptions(args, { takesValue: spec.values, stopAtOperand: true, plusOptions: spec.plusOptions });
  if (spec.stdin.some((name) => scanned.short.has(name))) return true;
  if (spec.inline.some((name) => scanned.short.has(name) || scanned.long.includes(name))) return false;
  const script = args[scanned.rest];
  return script === undefined || STDIN_FILES.has(script);
}

/**
 * The text in program position: a shell's `-c` script or script file, `python -c CODE`,
 * `node -e CODE`, a script file operand, `eval`'s arguments. Data arguments are not included:
 * `python3 tool.py "$(curl …)"` passes the download as data, `python3 <(curl …)` runs it.
 */
export function programText(argv: readonly string[]): string | undefined {
  const name = commandName(argv[0] ?? '');
  const args = argv.slice(1);
  if (RUNS_ARGUMENTS.has(name)) return args.join(' ');
  const spec = specFor(name);
  if (spec === SHELL)
    return args[scanOptions(args, { takesValue: SHELL.values, stopAtOperand: true, plusOptions: true }).rest];
  let takesValue = PROGRAM_VALUES.get(spec);
  if (takesValue === undefined) {
    takesValue = new Set([...spec.values, ...spec.inline]);
    PROGRAM_VALUES.set(spec, takesValue);
  }
  const scanned = scanOptions(args, { takesValue, stopAtOperand: true, plusOptions: spec.plusOptions });
  const inline = spec.inline.flatMap((option) => scanned.values.get(option) ?? []);
  return inline.length > 0 ? inline.join(' ') : args[scanned.rest];
}
