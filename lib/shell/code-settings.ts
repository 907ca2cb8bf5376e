/**
 * Settings whose value is run as a command: git configuration given with `git -c key=value`,
 * `--config-env` or written by `git config key value` (`core.sshCommand`, `core.pager`,
 * `alias.x=!…`, `diff.external` …), and environment variables read the same way
 * (`GIT_SSH_COMMAND`, `GIT_EXTERNAL_DIFF`, `BASH_ENV`, `PAGER` …). `git -c core.pager='rm -rf ~'
 * log` runs `rm -rf ~`; a guard must see that code, and ask about code it cannot see.
 */
import { commandName } from './interpreters.ts';

export interface CodeSetting {
  /** As written: `core.sshCommand`, `alias.x`, `GIT_SSH_COMMAND`. */
  name: string;
  value: string;
  /** The shell code the value runs, when it is shell code (an alias's text after `!`). */
  script?: string;
  /** A value that runs nothing but a plain pager, editor, ssh or no-op (`cat`, `true`, `ssh -i key`), or nothing at all. */
  plain: boolean;
}

type Kind = 'command' | 'path' | 'alias';

/** Git keys (lower-cased) whose value git runs, or names a file or directory of code it runs. */
const GIT_KEYS: ReadonlyMap<string, Kind> = new Map([
  ['core.sshcommand', 'command'],
  ['core.pager', 'command'],
  ['core.editor', 'command'],
  ['core.fsmonitor', 'command'],
  ['core.askpass', 'command'],
  ['core.gitproxy', 'command'],
  ['core.alternaterefscommand', 'command'],
  ['diff.external', 'command'],
  ['sequence.editor', 'command'],
  ['gpg.program', 'command'],
  ['gpg.ssh.program', 'command'],
  ['gpg.x509.program', 'command'],
  ['gpg.openpgp.program', 'command'],
  ['credential.helper', 'command'],
  ['sendemail.sendmailcmd', 'command'],
  ['uploadpack.packobjectshook', 'command'],
  ['core.hookspath', 'path'],
  ['include.path', 'path'],
]);
/** Families of keys: `pager.<cmd>`, `diff.<driver>.textconv`, `filter.<name>.clean`, `alias.<name>` (with `!`) … */
const GIT_KEY_FAMILIES: ReadonlyArray<[RegExp, Kind]> = [
  [/^pager\.[^.]+$/, 'command'],
  [/^(?:diff|difftool|mergetool|merge)\..+\.(?:textconv|command|cmd|driver)$/, 'command'],
  [/^filter\..+\.(?:clean|smudge|process)$/, 'command'],
  [/^remote\..+\.(?:uploadpack|receivepack)$/, 'command'],
  [/^credential\..+\.helper$/, 'command'],
  [/^includeif\..+\.path$/, 'path'],
  [/^alias\..+$/, 'alias'],
];
/** Environment variables whose value is run, or names code that is loaded. */
const ENV_KEYS: ReadonlyMap<string, Kind> = new Map([
  ['GIT_SSH_COMMAND', 'command'],
  ['GIT_SSH', 'command'],
  ['GIT_EXTERNAL_DIFF', 'command'],
  ['GIT_PAGER', 'command'],
  ['GIT_EDITOR', 'command'],
  ['GIT_SEQUENCE_EDITOR', 'command'],
  ['GIT_ASKPASS', 'command'],
  ['SSH_ASKPASS', 'command'],
  ['GIT_PROXY_COMMAND', 'command'],
  ['PAGER', 'command'],
  ['EDITOR', 'command'],
  ['VISUAL', 'command'],
  ['LESSOPEN', 'command'],
  ['LESSCLOSE', 'command'],
  ['PROMPT_COMMAND', 'command'],
  ['GIT_CONFIG_PARAMETERS', 'path'],
  ['GIT_EXEC_PATH', 'path'],
  ['GIT_TEMPLATE_DIR', 'path'],
  ['BASH_ENV', 'path'],
  ['ENV', 'path'],
  ['LD_PRELOAD', 'path'],
  ['DYLD_INSERT_LIBRARIES', 'path'],
]);
/** Programs that are what these settings are for, and run nothing else on their own. */
const PLAIN_PROGRAMS = new Set([
  'cat',
  'less',
  'more',
  'most',
  'head',
  'tail',
  'true',
  'false',
  ':',
  'vi',
  'vim',
  'nvim',
  'nano',
  'emacs',
  'code',
  'subl',
  'delta',
  'diff-so-fancy',
  'ssh',
  'diff',
  'git',
]);
const SYSTEM_BIN = /^\/(?:usr\/(?:local\/)?)?s?bin\/[^/]+$|^\/opt\/homebrew\/bin\/[^/]+$/;
/** Anything that makes a value more than one plain command line. */
const SHELL_SYNTAX = /[;&|$`<>(){}*?!\\'"\n]/;
/** ssh options that run commands of their own, or load a config that may. */
const SSH_CODE = /proxycommand|localcommand|(?:^|\s)-F|knownhostscommand/i;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;
const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'local', 'readonly', 'env']);
/** `git config` actions that read or remove, not set. */
const GIT_CONFIG_READS = new Set([
  'get',
  'get-all',
  'get-regexp',
  'get-urlmatch',
  'get-color',
  'get-colorbool',
  'list',
  'l',
  'unset',
  'unset-all',
  'remove-section',
  'rename-section',
  'edit',
  'e',
  'show-origin',
  'show-scope',
  'name-only',
  'null',
  'z',
]);
const GIT_CONFIG_VALUE_OPTIONS = new Set(['f', 'file', 'blob', 'type', 'default', 'comment', 'value', 'worktree-file']);

function gitKind(key: string): Kind | undefined {
  const lower = key.toLowerCase();
  const kind = GIT_KEYS.get(lower);
  if (kind !== undefined) return kind;
  for (const [pattern, family] of GIT_KEY_FAMILIES) if (pattern.test(lower)) return family;
  return undefined;
}

function isPlain(kind: Kind, value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (kind === 'path') return trimmed === '/dev/null';
  if (SHELL_SYNTAX.test(trimmed)) return false;
  const word = trimmed.split(/\s+/)[0] as string;
  // `ssh`, `/usr/bin/ssh`; not `./ssh`, a file of the repository's that happens to be called ssh.
  if (word.includes('/') && !SYSTEM_BIN.test(word)) return false;
  const program = commandName(word);
  if (!PLAIN_PROGRAMS.has(program)) return false;
  return program !== 'ssh' || !SSH_CODE.test(trimmed);
}

function setting(name: string, value: string, kind: Kind): CodeSetting | undefined {
  if (kind === 'alias') {
    // An alias without `!` is another git command line, which git itself runs.
    if (!value.trimStart().startsWith('!')) return undefined;
    const script = value.trimStart().slice(1);
    return { name, value, script, plain: false };
  }
  // core.fsmonitor=true/false switches git's own daemon; any other value is a hook command.
  if (name.toLowerCase() === 'core.fsmonitor' && /^(?:true|false|yes|no|on|off|0|1)?$/i.test(value.trim()))
    return undefined;
  const found: CodeSetting = { name, value, plain: isPlain(kind, value) };
  if (kind === 'command') found.script = value;
  return found;
}

function gitSetting(pair: string): CodeSetting | undefined {
  const eq = pair.indexOf('=');
  const key = eq === -1 ? pair : pair.slice(0, eq);
  const kind = gitKind(key);
  return kind === undefined ? undefined : setting(key, eq === -1 ? 'true' : pair.slice(eq + 1), kind);
}

/** `--config-env=key=VAR` takes the value from an environment variable: `key=$VAR`, a value not known here. */
function fromEnvironment(pair: string): string {
  const eq = pair.indexOf('=');
  return eq === -1 ? pair : `${pair.slice(0, eq)}=$${pair.slice(eq + 1)}`;
}

/** `git -c k=v`, `git --config-env=k=ENVVAR`, and `git config [set] k v`. */
function gitSettings(argv: readonly string[]): CodeSetting[] {
  const found: CodeSetting[] = [];
  let i = 1;
  for (; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '-c' || arg === '--config-env') {
      const pair = argv[++i];
      if (pair === undefined) break;
      const hit = arg === '-c' ? gitSetting(pair) : gitSetting(fromEnvironment(pair));
      if (hit) found.push(hit);
    } else if (arg.startsWith('-c') && arg.length > 2) {
      const hit = gitSetting(arg.slice(2));
      if (hit) found.push(hit);
    } else if (arg.startsWith('--config-env=')) {
      const hit = gitSetting(fromEnvironment(arg.slice('--config-env='.length)));
      if (hit) found.push(hit);
    } else if (arg === '-C' || arg === '--git-dir' || arg === '--work-tree' || arg === '--namespace') {
      i += 1;
    } else if (!arg.startsWith('-')) break;
  }
  if (argv[i] !== 'config') return found;
  const operands: string[] = [];
  for (let j = i + 1; j < argv.length; j += 1) {
    const arg = argv[j] as string;
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0] as string;
      if (GIT_CONFIG_READS.has(name)) return found;
      if (GIT_CONFIG_VALUE_OPTIONS.has(name) && !arg.includes('=')) j += 1;
    } else if (arg.startsWith('-') && arg.length > 1) {
      if ([...arg.slice(1)].some((letter) => GIT_CONFIG_READS.has(letter))) return found;
      if (arg === '-f') j += 1;
    } else operands.push(arg);
  }
  if (operands[0] !== undefined && GIT_CONFIG_READS.has(operands[0])) return found;
  const [key, value] = operands[0] === 'set' ? operands.slice(1) : operands;
  if (key !== undefined && value !== undefined) {
    const kind = gitKind(key);
    const hit = kind === undefined ? undefined : setting(key, value, kind);
    if (hit) found.push(hit);
  }
  return found;
}

/** The `NAME=value` words a command runs with: its own assignments, and those given to env/export/declare … */
export function assignmentWords(argv: readonly string[], assignments: readonly string[]): string[] {
  const name = commandName(argv[0] ?? '');
  if (!DECLARATIONS.has(name)) return [...assignments];
  return [...assignments, ...argv.slice(1).filter((word) => ASSIGNMENT.test(word))];
}

/** The settings in one command that run their value as code. */
export function codeSettings(
  argv: readonly string[],
  assignments: readonly string[],
  name = commandName(argv[0] ?? ''),
): CodeSetting[] {
  // The common case, checked first: no assignments, and a command that sets nothing.
  if (assignments.length === 0 && name !== 'git' && !DECLARATIONS.has(name)) return [];
  const found: CodeSetting[] = [];
  for (const word of assignmentWords(argv, assignments)) {
    const match = ASSIGNMENT.exec(word);
    if (match === null) continue;
    const name = match[1] as string;
    const kind = ENV_KEYS.get(name) ?? (name.startsWith('GIT_CONFIG_VALUE_') ? 'command' : undefined);
    const hit = kind === undefined ? undefined : setting(name, match[2] as string, kind);
    if (hit) found.push(hit);
  }
  if (name === 'git') found.push(...gitSettings(argv));
  return found;
}

/** Shell code the settings of a command (any of its wrapper-stripped views) will run: parsed like a `bash -c` script by lib/shell/script.ts. */
export function settingScripts(views: readonly (readonly string[])[], assignments: readonly string[]): string[] {
  const scripts = new Set<string>();
  for (const view of views) {
    const name = commandName(view[0] ?? '');
    if (assignments.length === 0 && name !== 'git' && !DECLARATIONS.has(name)) continue;
    for (const found of codeSettings(view, assignments, name))
      if (found.script !== undefined && found.script.trim() !== '') scripts.add(found.script);
  }
  return [...scripts];
}
