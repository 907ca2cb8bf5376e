/**
 * Commands that run another command: `sudo`, `env`, `xargs`, `timeout` … and those that run a
 * script string: `eval`, `bash -c`, `su -c`, `watch`, `trap`. `unwrapCommand` peels them off one
 * at a time so a guard sees the command that really runs, however it is wrapped.
 */
import { ShellParseError } from './errors.ts';
import { findExecViews, gitAliasView, parallelRuns, positionalView, speculativeRuns } from './command-runners.ts';
import { embeddedScripts } from './embedded-scripts.ts';
import { commandName, shellCommandString } from './interpreters.ts';
import { scanOptions } from './options.ts';

interface WrapperSpec {
  /** Option names (letter: short; word: long) that take a value. */
  values?: readonly string[];
  /** Operands before the wrapped command (`timeout 5 cmd`, `chroot /dir cmd`). */
  skip?: number;
  /** `NAME=value` words before the command (`env A=1 cmd`). */
  assignments?: boolean;
  /** Options whose value is a shell script the wrapper runs (`su -c`, `env -S`). */
  scriptOptions?: readonly string[];
  /** Script options may also follow operands (`su root -c …`, `flock file -c …`). */
  scriptOptionsAnywhere?: boolean;
  /** Options that mean nothing is run (`command -v rm`). */
  query?: readonly string[];
  /** The arguments are joined into one script: always (`eval`), or unless this option is given (`watch -x`). */
  joins?: 'always' | { unless: readonly string[] };
  /** Its first operand is a script and the rest are signal names (`trap 'cmd' EXIT`). */
  trapScript?: boolean;
  /** Its `name=value` operands define commands that run `value` (`alias ll='ls -l'`). */
  aliasScripts?: boolean;
  /** Its operands are not a command (`su alice`): only its script options run anything. */
  runsNothing?: boolean;
  /** Appends words read from stdin to the command (`xargs`). */
  stdinArgs?: boolean;
}

const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  sudo: {
    values: [
      'u',
      'g',
      'p',
      'C',
      'D',
      'h',
      'r',
      't',
      'T',
      'U',
      'R',
      'user',
      'group',
      'prompt',
      'close-from',
      'chdir',
      'role',
      'type',
      'command-timeout',
      'other-user',
      'host',
      'chroot',
    ],
    query: ['e', 'l', 'v', 'V', 'K', 'edit', 'list', 'validate', 'version', 'remove-timestamp'],
  },
  doas: { values: ['u', 'C'] },
  pkexec: { values: ['user'] },
  su: {
    values: [
      'c',
      'command',
      'session-command',
      's',
      'shell',
      'g',
      'group',
      'G',
      'supp-group',
      'w',
      'whitelist-environment',
    ],
    scriptOptions: ['c', 'command', 'session-command'],
    scriptOptionsAnywhere: true,
    runsNothing: true,
  },
  env: {
    values: ['u', 'unset', 'C', 'chdir', 'S', 'split-string', 'P', 'a', 'argv0'],
    scriptOptions: ['S', 'split-string'],
    assignments: true,
  },
  command: { query: ['v', 'V'] },
  builtin: {},
  coproc: {},
  exec: { values: ['a'] },
  nohup: {},
  setsid: {},
  busybox: {},
  unbuffer: {},
  // `sshpass -p pw ssh host CMD`: the ssh it runs carries a remote script (lib/shell/remote-command.ts).
  sshpass: { values: ['p', 'f', 'd', 'P'] },
  time: { values: ['f', 'o', 'format', 'output'] },
  nice: { values: ['n', 'adjustment'] },
  ionice: { values: ['c', 'n', 'p', 'P', 'u', 'class', 'classdata', 'pid', 'pgid', 'uid'] },
  timeout: { values: ['s', 'k', 'signal', 'kill-after'], skip: 1 },
  stdbuf: { values: ['i', 'o', 'e', 'input', 'output', 'error'] },
  chroot: { values: ['userspec', 'groups'], skip: 1 },
  flock: {
    values: ['w', 'timeout', 'E', 'conflict-exit-code', 'c', 'command'],
    scriptOptions: ['c', 'command'],
    scriptOptionsAnywhere: true,
    skip: 1,
  },
  watch: { values: ['n', 'interval', 'q', 'equexit'], joins: { unless: ['x', 'exec'] } },
  xargs: {
    values: [
      'a',
      'E',
      'd',
      'I',
      'L',
      'n',
      'P',
      's',
      'arg-file',
      'delimiter',
      'max-lines',
      'max-args',
      'max-procs',
      'max-chars',
      'process-slot-var',
    ],
    stdinArgs: true,
  },
  // util-linux `script -c CMD` runs CMD through a shell.
  script: {
    values: [
      'c',
      'command',
      'E',
      'echo',
      'I',
      'log-in',
      'O',
      'log-out',
      'B',
      'log-io',
      'T',
      'log-timing',
      'm',
      'logging-format',
    ],
    scriptOptions: ['c', 'command'],
    scriptOptionsAnywhere: true,
    runsNothing: true,
  },
  eval: { joins: 'always' },
  trap: { trapScript: true },
  alias: { aliasScripts: true },
};

/** Value options as Sets, each built the first time its wrapper is met (a hook run meets few). */
const VALUE_SETS = new Map<string, ReadonlySet<string>>();

/** The value options of wrapper `name`; undefined (none) for a name WRAPPERS only inherits, such as `constructor`. */
function valueOptions(name: string): ReadonlySet<string> | undefined {
  let set = VALUE_SETS.get(name);
  if (set === undefined && Object.hasOwn(WRAPPERS, name)) {
    set = new Set(WRAPPERS[name]?.values ?? []);
    VALUE_SETS.set(name, set);
  }
  return set;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/**
 * Wrappers wrapping wrappers deeper than this are not real commands; past it unwrapCommand
 * throws rather than stop peeling, or `env env … (17 times) rm -rf /` would pass unseen.
 */
const MAX_LAYERS = 16;

export interface Unwrapped {
  /** `argv`, then argv with one wrapper stripped per entry; the last entry is what really runs. */
  views: string[][];
  /** Shell scripts the command runs: `bash -c` strings, `eval` arguments, `su -c` … */
  scripts: string[];
  /** Index in `views` from which stdin words are appended as arguments (`… | xargs rm`). */
  stdinArgsFrom?: number;
  /** Guesses for a command that may run its operands (lib/shell/command-runners.ts speculativeRuns). */
  speculative?: { views: string[][]; scripts: string[] };
}

interface Layer {
  argv: string[];
  scripts: string[];
  stdinArgs: boolean;
}

function has(scanned: { short: Set<string>; long: string[] }, names: readonly string[]): boolean {
  return names.some((name) => (name.length === 1 ? scanned.short.has(name) : scanned.long.includes(name)));
}

/** Strips wrapper `name` (argv[0], described by `spec`) from `argv`. */
function unwrapOnce(argv: readonly string[], name: string, spec: WrapperSpec): Layer {
  const args = argv.slice(1);
  if (spec.joins === 'always') return { argv: [], scripts: args.length > 0 ? [args.join(' ')] : [], stdinArgs: false };
  const takesValue = valueOptions(name);
  const scanned = scanOptions(args, { takesValue, stopAtOperand: true });
  if (spec.query && has(scanned, spec.query)) return { argv: [], scripts: [], stdinArgs: false };
  const scriptScan = spec.scriptOptionsAnywhere ? scanOptions(args, { takesValue }) : scanned;
  const scripts = (spec.scriptOptions ?? []).flatMap((option) => scriptScan.values.get(option) ?? []);
  if (scripts.length > 0 && spec.scriptOptionsAnywhere) return { argv: [], scripts, stdinArgs: false };
  if (spec.aliasScripts) {
    for (const operand of scanned.operands) {
      const eq = operand.indexOf('=');
      if (eq > 0) scripts.push(operand.slice(eq + 1));
    }
    return { argv: [], scripts, stdinArgs: false };
  }
  if (spec.trapScript) {
    const [script, ...signals] = scanned.operands;
    if (script !== undefined && script !== '-' && signals.length > 0) scripts.push(script);
    return { argv: [], scripts, stdinArgs: false };
  }
  let rest = scanned.rest;
  // `env -` is `env -i`; then NAME=value words, then the command.
  while (spec.assignments && rest < args.length && (args[rest] === '-' || ASSIGNMENT.test(args[rest] as string)))
    rest += 1;
  rest += spec.skip ?? 0;
  let inner = spec.runsNothing ? [] : args.slice(rest);
  if (spec.joins !== undefined && !has(scanned, spec.joins.unless)) {
    if (inner.length > 0) scripts.push(inner.join(' '));
    inner = [];
  }
  return { argv: inner, scripts, stdinArgs: spec.stdinArgs === true };
}

/** Peels every wrapper off `argv` and collects the scripts the command runs (including `bash -c`). */
export function unwrapCommand(argv: readonly string[]): Unwrapped {
  const result: Unwrapped = { views: [[...argv]], scripts: [] };
  let current: readonly string[] = argv;
  for (let layer = 0; ; layer += 1) {
    const name = commandName(current[0] ?? '');
    // Looked up here, not in unwrapOnce: most commands wrap nothing, and then unwrapOnce never compiles.
    const spec = WRAPPERS[name];
    if (spec === undefined) break;
    if (layer === MAX_LAYERS)
      throw new ShellParseError(
        'E_SHELL_TOO_DEEP',
        `wrappers such as sudo, env and nohup wrap each other more than ${MAX_LAYERS} times`,
      );
    const next = unwrapOnce(current, name, spec);
    result.scripts.push(...next.scripts);
    if (next.argv.length === 0) break;
    if (next.stdinArgs && result.stdinArgsFrom === undefined) result.stdinArgsFrom = result.views.length;
    result.views.push(next.argv);
    current = next.argv;
  }
  for (const view of result.views) {
    const script = shellCommandString(view);
    if (script !== undefined) result.scripts.push(script);
    // `python -c`, `node -e`, `perl -e`, `awk '…'`, `pwsh -c`, `ssh host …`: the commands they run.
    else result.scripts.push(...embeddedScripts(view));
  }
  addRunCommands(result);
  return result;
}

/** Commands run by `find -exec`, `parallel`, `bash -c '"$@"' _ CMD`, and guesses for tools not known here. */
function addRunCommands(result: Unwrapped): void {
  const last = result.views[result.views.length - 1] ?? [];
  const name = commandName(last[0] ?? '');
  const runs: string[][] = name === 'find' ? findExecViews(last) : [];
  const alias = name === 'git' ? gitAliasView(last) : undefined;
  if (alias !== undefined) runs.push(alias);
  if (name === 'parallel') {
    const parallel = parallelRuns(last);
    result.scripts.push(...parallel.scripts);
    runs.push(...parallel.views);
  }
  for (const view of result.views) {
    const positional = positionalView(view);
    if (positional !== undefined) runs.push(positional);
  }
  for (const run of runs) {
    const inner = unwrapCommand(run);
    result.views.push(...inner.views);
    result.scripts.push(...inner.scripts);
  }
  if (runs.length === 0 && name !== 'parallel' && WRAPPERS[name] === undefined) {
    const guessed = speculativeRuns(last);
    if (guessed.views.length > 0 || guessed.scripts.length > 0) result.speculative = guessed;
  }
}
