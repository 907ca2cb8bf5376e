import { basename, isAbsolute, resolve } from 'node:path';
import type { ConfiguredHook } from '../layers.ts';
import { readHead } from '../settings/read-bytes.ts';
import { commandList, substitutePlaceholders, type Word } from '../shell-words.ts';
import { which } from './which.ts';

/** The language a hook runs in, as far as its interpreter tells. */
export type Family = 'node' | 'python' | 'shell' | 'ruby' | 'perl' | 'other';

/** What a hook's command line runs, as far as it can be told without running it. */
export interface HookProgram {
  /** The program word (interpreter or executable) after env assignments and wrappers, or undefined. */
  program: Word | undefined;
  /** Its absolute path: looked up on PATH for a bare name, else resolved against the project directory. */
  programPath: string | undefined;
  /** The language that runs: from the program's name, or from the shebang of the file it runs. */
  family: Family;
  /** The interpreter's name as PATH resolves it (`python3`, `node`), when one is involved. */
  interpreter?: string;
  /** Where that interpreter resolves to: a shim here costs 100+ ms per call. */
  interpreterPath?: string;
  /** The file the interpreter runs (`node <file>`), when there is one. */
  script?: { written: string; path: string; unresolved: boolean };
  /** The program itself is a file path (`./hook.sh`, `$CLAUDE_PROJECT_DIR/x`): it must be executable. */
  programIsPath: boolean;
  /** Inline code (`-c`, `-e`) or a module (`-m`): no file to check. */
  inline: boolean;
  /** `env -u NODE_EXTRA_CA_CERTS`, `env -i` or `NODE_EXTRA_CA_CERTS=` precedes the program. */
  unsetsCaCerts: boolean;
  /** A `cd` ran before it: relative paths count from where it went, not from Claude's cwd. */
  afterCd?: boolean;
  /** The programs of the commands after this one (`a && b; c`), checked the same way. */
  more?: HookProgram[];
  /** The command line runs only shell builtins and keywords (`export A=1; echo hi`): nothing to look up. */
  builtinsOnly?: boolean;
  /** bash-only words dash does not have (`source`, `[[`), in the order they appear. */
  bashisms?: string[];
}

/** dash's builtins (dash(1)): the shell runs them itself, so there is no program on PATH to find. */
const DASH_BUILTINS = new Set([
  '.',
  ':',
  '[',
  'alias',
  'bg',
  'break',
  'cd',
  'chdir',
  'command',
  'continue',
  'echo',
  'eval',
  'exec',
  'exit',
  'export',
  'false',
  'fc',
  'fg',
  'getopts',
  'hash',
  'jobs',
  'kill',
  'local',
  'printf',
  'pwd',
  'read',
  'readonly',
  'return',
  'set',
  'shift',
  'test',
  'times',
  'trap',
  'true',
  'type',
  'ulimit',
  'umask',
  'unalias',
  'unset',
  'wait',
]);
/** Reserved words a command may follow: `if cmd; then cmd; fi`, `! cmd`, `{ cmd; }`. */
const LEADING_KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'while', 'until', 'do', '!', '{']);
/** Reserved words that close a compound command: no command follows them. */
const CLOSING_KEYWORDS = new Set(['fi', 'done', 'esac', '}']);
/** bash builtins that Claude Code's /bin/sh lacks where that is dash (Debian, Ubuntu): `not found`, exit 127. */
export const BASHISMS = ['source', '[['] as const;

const FAMILIES: [RegExp, Family][] = [
  [/^(node|nodejs|tsx|ts-node)$/, 'node'],
  [/^(python[0-9.]*|pypy[0-9.]*)$/, 'python'],
  [/^(sh|bash|dash|zsh|ksh|mksh|fish)$/, 'shell'],
  [/^ruby$/, 'ruby'],
  [/^perl$/, 'perl'],
];

/** Flags that take the next word as their value, per interpreter family. */
const VALUE_FLAGS: Record<Family, string[]> = {
  node: ['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--title'],
  python: ['-W', '-X', '-Q'],
  shell: ['-o', '+o', '-O', '+O'],
  ruby: ['-r', '-I', '-C'],
  perl: ['-I', '-M'],
  other: [],
};

/** Interpreter flags that mean "the code is inline" or "run a module", so no script file follows. */
function isInlineFlag(family: Family, flag: string): boolean {
  if (family === 'node') return ['-e', '--eval', '-p', '--print'].includes(flag);
  if (family === 'python') return /^-[A-Za-z]*[cm]/.test(flag) && !flag.startsWith('--');
  if (family === 'shell') return /^-[A-Za-z]*c/.test(flag) && !flag.startsWith('--');
  if (family === 'ruby' || family === 'perl') return /^-[A-Za-z]*[eE]/.test(flag) && !flag.startsWith('--');
  return false;
}

/** The family of an interpreter by its basename (`python3.12` → python). */
export function familyOf(name: string): Family {
  return FAMILIES.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}

/** The interpreter named by a file's `#!` line: `#!/usr/bin/env python3` → python3 via PATH. */
export function shebangOf(
  path: string,
  pathVar: string | undefined,
): { name: string; path: string | undefined } | undefined {
  // Non-blocking and regular files only: a FIFO named as a hook script must not hang doctor.
  const head = readHead(path, 256);
  const match = /^#!\s*(\S+)[ \t]*([^\n]*)/.exec(head);
  if (match === null) return undefined;
  const interpreter = match[1] as string;
  if (basename(interpreter) !== 'env') return { name: basename(interpreter), path: interpreter };
  const name = (match[2] ?? '').split(/\s+/).find((w) => w !== '' && !w.startsWith('-'));
  return name === undefined ? undefined : { name, path: which(name, pathVar) };
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Skips `VAR=x`, `env [-u X] [-i] [VAR=x]`, `exec`, `command`, `nohup`, `timeout N`; returns the program's index. */
function skipWrappers(words: Word[], state: { unsetsCaCerts: boolean }): number {
  let i = 0;
  const unsetCa = (name: string | undefined) => {
    if (name === 'NODE_EXTRA_CA_CERTS') state.unsetsCaCerts = true;
  };
  for (;;) {
    const word = words[i]?.text;
    if (word === undefined) return i;
    if (ASSIGNMENT.test(word)) {
      if (word === 'NODE_EXTRA_CA_CERTS=') state.unsetsCaCerts = true;
      i++;
    } else if (word === 'env') {
      i++;
      for (let w = words[i]?.text; w !== undefined && (w.startsWith('-') || ASSIGNMENT.test(w)); w = words[i]?.text) {
        if (w === '-u' || w === '--unset') unsetCa(words[++i]?.text);
        else if (w.startsWith('--unset=')) unsetCa(w.slice(8));
        else if (/^-u./.test(w)) unsetCa(w.slice(2));
        else if (w === '-i' || w === '--ignore-environment' || w === '-') state.unsetsCaCerts = true;
        else if (w === 'NODE_EXTRA_CA_CERTS=') state.unsetsCaCerts = true;
        i++;
      }
    } else if (word === 'exec' || word === 'command' || word === 'nohup') {
      i++;
    } else if (word === 'timeout') {
      i++;
      while (words[i]?.text.startsWith('-')) i++;
      i++; // the duration
    } else {
      return i;
    }
  }
}

/** What one simple command runs, from its program word at `index`; `base` is its directory (undefined: unknown after a `cd`). */
function analyzeWords(
  words: Word[],
  index: number,
  vars: Readonly<Record<string, string | undefined>>,
  base: string | undefined,
  unsetsCaCerts: boolean,
  afterCd: boolean,
): HookProgram {
  // A relative path after a `cd` we could not follow names a file we cannot find: don't guess.
  const located = (word: Word | undefined): Word | undefined =>
    word !== undefined && base === undefined && !word.unresolved && word.text.includes('/') && !isAbsolute(word.text)
      ? { ...word, unresolved: true }
      : word;
  const place = (text: string) => (isAbsolute(text) ? text : resolve(base as string, text));
  const program = located(words[index]);
  const result: HookProgram = {
    program,
    programPath: undefined,
    family: 'other',
    programIsPath: false,
    inline: false,
    unsetsCaCerts,
    ...(afterCd ? { afterCd } : {}),
  };
  if (program === undefined || program.unresolved) return result;

  const name = basename(program.text);
  result.programIsPath = program.text.includes('/');
  result.programPath = result.programIsPath ? place(program.text) : which(program.text, vars.PATH);
  result.family = familyOf(name);
  if (result.family === 'other') {
    // A file run directly: its shebang says which interpreter, and whether PATH picks it.
    const shebang = result.programPath === undefined ? undefined : shebangOf(result.programPath, vars.PATH);
    if (shebang !== undefined) {
      result.family = familyOf(shebang.name);
      result.interpreter = shebang.name;
      if (shebang.path !== undefined) result.interpreterPath = shebang.path;
    }
    return result;
  }
  result.interpreter = name;
  if (result.programPath !== undefined) result.interpreterPath = result.programPath;
  const valueFlags = VALUE_FLAGS[result.family];
  for (let i = index + 1; i < words.length; i++) {
    const word = words[i] as Word;
    if (word.text.startsWith('-') && word.text !== '-' && word.text !== '--') {
      if (isInlineFlag(result.family, word.text)) {
        result.inline = true;
        return result;
      }
      if (valueFlags.includes(word.text)) i++;
      continue;
    }
    const script = located(word.text === '--' ? words[i + 1] : word);
    if (script === undefined) return result;
    result.script = {
      written: script.text,
      path: script.unresolved ? script.text : place(script.text),
      unresolved: script.unresolved,
    };
    return result;
  }
  return result;
}

const plain = (word: Word | undefined): string | undefined =>
  word === undefined || word.unresolved ? undefined : word.text;

/**
 * Works out what a configured hook runs: the program, its interpreter family, the script file,
 * with `$CLAUDE_PROJECT_DIR`, `${CLAUDE_PROJECT_DIR}` and `~` expanded as the hook would see them
 * (exec form: only `${NAME}` placeholders, no shell, no `~`). `vars` is the hook's environment.
 * In a shell command line, builtins and keywords are skipped (`cd "$CLAUDE_PROJECT_DIR" && npm
 * run lint` runs npm, from the project) and every later command is analysed too (`more`).
 */
export function readHookProgram(
  hook: Pick<ConfiguredHook, 'command' | 'args'>,
  vars: Readonly<Record<string, string | undefined>>,
  project: string,
  home: string,
): HookProgram {
  if (hook.args !== undefined) {
    const words = [hook.command, ...hook.args].map((w) => substitutePlaceholders(w, vars));
    const state = { unsetsCaCerts: false };
    const index = skipWrappers(words, state);
    return analyzeWords(words, index, vars, project, state.unsetsCaCerts, false);
  }
  const list = commandList(hook.command, vars, home);
  let base: string | undefined = project;
  let afterCd = false;
  let caUnset = false;
  const programs: HookProgram[] = [];
  const bashisms: string[] = [];
  for (const command of list.commands) {
    let words = command;
    while (words.length > 0 && LEADING_KEYWORDS.has(plain(words[0]) ?? '')) words = words.slice(1);
    const first = plain(words[0]);
    if (words.length === 0 || (first !== undefined && CLOSING_KEYWORDS.has(first))) continue;
    if (first === 'case') break; // its patterns are not commands; stop here
    if (first === 'for') continue; // `for x in a b`: no command in it
    const state: { unsetsCaCerts: boolean } = { unsetsCaCerts: caUnset };
    const index = skipWrappers(words, state);
    const word = words[index];
    if (word === undefined) {
      caUnset = state.unsetsCaCerts; // `NODE_EXTRA_CA_CERTS= ; node …` empties the exported variable
      continue;
    }
    const name = plain(word);
    if (name !== undefined && (BASHISMS as readonly string[]).includes(name)) {
      bashisms.push(name);
      continue;
    }
    if (name !== undefined && (DASH_BUILTINS.has(name) || name.startsWith('-'))) {
      const rest = words.slice(index + 1);
      if (name === 'cd' || name === 'chdir') {
        const dir = rest.find((w) => !w.text.startsWith('-') || w.text === '-');
        if (dir === undefined) base = home;
        else if (dir.unresolved || dir.text === '-') base = undefined;
        else base = isAbsolute(dir.text) ? dir.text : base === undefined ? undefined : resolve(base, dir.text);
        afterCd = true;
      }
      if (
        (name === 'unset' && rest.some((w) => w.text === 'NODE_EXTRA_CA_CERTS')) ||
        (name === 'export' && rest.some((w) => w.text === 'NODE_EXTRA_CA_CERTS='))
      )
        caUnset = true;
      continue;
    }
    programs.push(analyzeWords(words, index, vars, base, state.unsetsCaCerts, afterCd));
  }
  const [primary, ...more] = programs;
  const extra = { ...(bashisms.length > 0 ? { bashisms } : {}) };
  if (primary === undefined) {
    return {
      program: undefined,
      programPath: undefined,
      family: 'other',
      programIsPath: false,
      inline: false,
      unsetsCaCerts: caUnset,
      builtinsOnly: list.commands.length > 0,
      ...extra,
    };
  }
  return { ...primary, ...(more.length > 0 ? { more } : {}), ...extra };
}
