/**
 * Commands that run other commands in ways lib/shell/wrappers.ts's prefix wrappers do not
 * describe: `find … -exec CMD {} ;`, `parallel CMD ::: ARGS`, `bash -c '"$@"' _ CMD…`, and the
 * open-ended family of tools that take a command after their own options (`strace -f CMD`,
 * `unshare -r CMD`, `systemd-run CMD`, `nsenter -t 1 CMD`, `xvfb-run CMD`, `entr CMD` …).
 * No list of such tools can be complete, so for a command this module does not know, every
 * literal operand that could be a program name starts a *speculative* view: the rest of the
 * words, judged as if they ran. A guard applies only its argument-checking rules to those views
 * (`strace -f rm -rf /` is `rm -rf /`; `apt install sudo` is not `sudo`).
 */
import { commandName, isShell, shellCommandString } from './interpreters.ts';
import { scanOptions } from './options.ts';

/** Commands whose operands are text, files or packages, never a command they run. */
const NEVER_RUN = new Set([
  'echo',
  'printf',
  'print',
  'grep',
  'egrep',
  'fgrep',
  'rg',
  'ag',
  'ack',
  'git',
  'man',
  'info',
  'help',
  'whatis',
  'apropos',
  'which',
  'type',
  'whereis',
  'hash',
  'tldr',
  'cat',
  'less',
  'more',
  'head',
  'tail',
  'wc',
  'sort',
  'uniq',
  'cut',
  'tr',
  'ls',
  'stat',
  'file',
  'test',
  '[',
  '[[',
  'expr',
  'basename',
  'dirname',
  'realpath',
  'readlink',
  'printenv',
  'export',
  'declare',
  'typeset',
  'local',
  'readonly',
  'set',
  'unset',
  'shift',
  'read',
  'cd',
  'pushd',
  'popd',
  'jq',
  'yq',
  'sed',
  'awk',
  'gawk',
  'diff',
  'cmp',
  'touch',
  'mkdir',
  'cp',
  'mv',
  'ln',
  'rm',
  'rmdir',
  'chmod',
  'chown',
  'chgrp',
  'tar',
  'zip',
  'unzip',
  'gzip',
  'curl',
  'wget',
  'find',
  'apt',
  'apt-get',
  'apt-cache',
  'dpkg',
  'yum',
  'dnf',
  'brew',
  'pip',
  'pip3',
  'npm',
  'pnpm',
  'yarn',
  'cargo',
  'gem',
  'go',
  'apk',
  'pacman',
  'snap',
  'conda',
  'composer',
  'kill',
  'pkill',
  'killall',
  'complete',
  'compgen',
  'history',
  'alias',
  'unalias',
  'getent',
  'id',
  'groups',
  'journalctl',
  'systemctl',
  'service',
  'docker-compose',
  'make',
  'tee',
  'xxd',
  'od',
  'hexdump',
  'base64',
  'md5sum',
  'sha256sum',
  'shasum',
  'column',
  'fold',
  'fmt',
  'nl',
  'paste',
  'join',
  'comm',
  'strings',
  'locate',
  'mlocate',
  'fd',
  'fzf',
  'bat',
  'tree',
  'du',
  'df',
  'date',
  'sleep',
  'true',
  'false',
  ':',
]);
/** How many literal operands of an unknown command start a speculative view. */
const MAX_GUESSES = 4;
/** A word that could name a program: no quoting residue, variables or globs. */
const PROGRAM_WORD = /^[A-Za-z0-9_./+-][A-Za-z0-9_.+/-]*$/;
/** Options of unknown tools that conventionally take a shell command (`sg grp -c CMD`, `nodemon --exec CMD`). */
const SCRIPT_OPTIONS = ['c', 'command', 'exec', 'cmd', 'run'];
const SCRIPT_OPTION_SET: ReadonlySet<string> = new Set(SCRIPT_OPTIONS);
const SCRIPT_OPTION_WORD = /^-(?:[A-Za-z]*c|-(?:command|exec|cmd|run)(?:=|$))/;
const INTERPRETER = /^(?:python|pypy|node|nodejs|bun|deno|perl|ruby|php|lua|tclsh|osascript|pwsh|powershell)[0-9.]*$/;

/** Where `find` starts walking (`.` when no start point is given), and the index of its expression. */
function findStarts(argv: readonly string[]): { starts: string[]; expression: number } {
  const starts: string[] = [];
  let i = 1;
  while (i < argv.length && /^-(?:[HLP]+|O\d*)$/.test(argv[i] as string)) i += 1;
  for (; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if ((arg.startsWith('-') && arg.length > 1) || arg === '(' || arg === '!' || arg === ',') break;
    starts.push(arg);
  }
  if (starts.length === 0) starts.push('.');
  return { starts, expression: i };
}

/** The start points of `find …`: everything it lists lies under them. */
export function findStartPoints(argv: readonly string[]): string[] {
  return findStarts(argv).starts;
}

/** `find … -exec CMD {} ;` (and -execdir, -ok, -okdir): each CMD, with `{}` standing for the start points it visits. */
export function findExecViews(argv: readonly string[]): string[][] {
  const found = findStarts(argv);
  const starts = found.starts;
  let i = found.expression;
  const views: string[][] = [];
  for (; i < argv.length; i += 1) {
    if (!/^-(?:exec|execdir|ok|okdir)$/.test(argv[i] as string)) continue;
    const view: string[] = [];
    for (i += 1; i < argv.length && argv[i] !== ';' && argv[i] !== '+'; i += 1) {
      const word = argv[i] as string;
      if (word === '{}') view.push(...starts);
      else view.push(word.replaceAll('{}', starts[0] as string));
    }
    if (view.length > 0) views.push(view);
  }
  return views;
}

const PARALLEL_VALUES = new Set([
  'j',
  'jobs',
  'S',
  'sshlogin',
  'a',
  'arg-file',
  'd',
  'delimiter',
  'E',
  'I',
  'n',
  'max-args',
  'N',
  'L',
  'max-lines',
  'colsep',
  'C',
  'joblog',
  'results',
  'workdir',
  'wd',
  'tmpdir',
  'timeout',
  'delay',
  'retries',
  'env',
  'tag-string',
  'load',
  'memfree',
  'halt',
  'basefile',
  'return',
  'transfer-file',
]);

/**
 * `parallel [options] CMD … ::: ARGS`: CMD's words are joined and run through a shell with each
 * argument appended (or put in place of `{}`). Both readings are returned, the joined script and
 * the words as a command (`parallel sh -c "rm -rf /" ::: 1`), so neither hides anything.
 */
export function parallelRuns(argv: readonly string[]): { scripts: string[]; views: string[][] } {
  const args = argv.slice(1);
  const scanned = scanOptions(args, { takesValue: PARALLEL_VALUES, stopAtOperand: true });
  const rest = args.slice(scanned.rest);
  const separator = rest.findIndex((word) => /^:::+$/.test(word));
  const command = separator === -1 ? rest : rest.slice(0, separator);
  const values = separator === -1 ? [] : rest.slice(separator + 1).filter((word) => !/^:::+$/.test(word));
  // Without a command, each input is a command line of its own (`parallel ::: "make a" "make b"`).
  if (command.length === 0) return { scripts: values.slice(0, MAX_GUESSES), views: [] };
  const text = command.join(' ');
  // Input from stdin is not known here: stand in a value that could be anything.
  const inputs = (values.length > 0 ? values : ['$(stdin)']).slice(0, MAX_GUESSES);
  const scripts = inputs.map((value) =>
    text.includes('{}') ? text.replaceAll('{}', value) : `${text} ${JSON.stringify(value)}`,
  );
  const views = inputs.map((value) =>
    command.includes('{}') ? command.map((word) => (word === '{}' ? value : word)) : [...command, value],
  );
  return { scripts, views };
}

const GIT_GLOBAL_VALUES = new Set([
  '-C',
  '-c',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--config-env',
  '--exec-path',
]);

/** `git -c alias.r='reset --hard' r`: the git command an alias given on the command line stands for. */
export function gitAliasView(argv: readonly string[]): string[] | undefined {
  const aliases = new Map<string, string>();
  let i = 1;
  for (; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '-c' || arg.startsWith('-c')) {
      const pair = arg === '-c' ? (argv[i + 1] ?? '') : arg.slice(2);
      const match = /^alias\.([^=]+)=([\s\S]*)$/i.exec(pair);
      if (match !== null && !(match[2] as string).trimStart().startsWith('!'))
        aliases.set(match[1] as string, match[2] as string);
      if (arg === '-c') i += 1;
    } else if (GIT_GLOBAL_VALUES.has(arg)) i += 1;
    else if (!arg.startsWith('-')) break;
  }
  const expansion = aliases.get(argv[i] ?? '');
  if (expansion === undefined) return undefined;
  return [...argv.slice(0, i), ...expansion.split(/\s+/).filter((word) => word !== ''), ...argv.slice(i + 1)];
}

/** `bash -c '"$@"' _ rm -rf /`: the script runs its positional arguments, which follow `$0`. */
export function positionalView(argv: readonly string[]): string[] | undefined {
  if (!isShell(commandName(argv[0] ?? ''))) return undefined;
  const script = shellCommandString(argv);
  // Only where the positional arguments are the command (`"$@"`, `exec "$@"`, `$1 …`), not data (`echo $1`).
  if (
    script === undefined ||
    !/^\s*(?:(?:exec|command|env|nohup|time)\s+)*["']?\$(?:@|\*|\{[@*1-9]|[1-9])/.test(script)
  )
    return undefined;
  const at = argv.indexOf(script, 1);
  // Split as an unquoted `$1` would be (`sh -c '$1' sh 'rm -rf ~'` runs rm): judging the split words is the worst case.
  const positional =
    at === -1 ? [] : argv.slice(at + 2).flatMap((word) => word.split(/\s+/).filter((part) => part !== ''));
  return positional.length > 0 ? positional : undefined;
}

/**
 * Guesses for a command this module does not know: the words from each of its first literal
 * operands on (`strace -f rm -rf /` → `rm -rf /`), and the value of `-c`/`--exec`-style options
 * as shell scripts. Commands that never run their operands, shells and interpreters get none.
 */
export function speculativeRuns(argv: readonly string[]): { views: string[][]; scripts: string[] } {
  const name = commandName(argv[0] ?? '');
  if (argv.length < 3 || NEVER_RUN.has(name) || isShell(name) || INTERPRETER.test(name) || !PROGRAM_WORD.test(name))
    return { views: [], scripts: [] };
  const views: string[][] = [];
  for (let i = 1; i < argv.length - 1 && views.length < MAX_GUESSES; i += 1) {
    const word = argv[i] as string;
    if (word.startsWith('-') || !PROGRAM_WORD.test(word)) continue;
    views.push(argv.slice(i));
  }
  const scripts: string[] = [];
  // Scanned only when a word could be such an option: most commands have none.
  if (argv.some((word) => SCRIPT_OPTION_WORD.test(word))) {
    const scanned = scanOptions(argv.slice(1), { takesValue: SCRIPT_OPTION_SET });
    for (const option of SCRIPT_OPTIONS)
      for (const script of scanned.values.get(option) ?? []) if (/\s/.test(script)) scripts.push(script);
  }
  for (const view of views) {
    const script = shellCommandString(view);
    if (script !== undefined) scripts.push(script);
  }
  return { views, scripts };
}
