import { closeSync, openSync, readSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import type { ConfiguredHook } from '../layers.ts';
import { firstCommandWords, substitutePlaceholders, type Word } from './shell-words.ts';
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
}

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
export function shebangOf(path: string, pathVar: string | undefined): { name: string; path: string | undefined } | undefined {
  let head = '';
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(256);
      head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, 256, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
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

/**
 * Works out what a configured hook runs: the program, its interpreter family, the script file,
 * with `$CLAUDE_PROJECT_DIR`, `${CLAUDE_PROJECT_DIR}` and `~` expanded as the hook would see them
 * (exec form: only `${NAME}` placeholders, no shell, no `~`). `vars` is the hook's environment.
 */
export function analyzeCommand(hook: Pick<ConfiguredHook, 'command' | 'args'>, vars: Readonly<Record<string, string | undefined>>, project: string, home: string): HookProgram {
  const words = hook.args !== undefined ? [hook.command, ...hook.args].map((w) => substitutePlaceholders(w, vars)) : firstCommandWords(hook.command, vars, home);
  const state = { unsetsCaCerts: false };
  const index = skipWrappers(words, state);
  const program = words[index];
  const result: HookProgram = { program, programPath: undefined, family: 'other', programIsPath: false, inline: false, unsetsCaCerts: state.unsetsCaCerts };
  if (program === undefined || program.unresolved) return result;

  const name = basename(program.text);
  result.programIsPath = program.text.includes('/');
  result.programPath = result.programIsPath ? resolve(project, program.text) : which(program.text, vars.PATH);
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
    const script = word.text === '--' ? words[i + 1] : word;
    if (script === undefined) return result;
    result.script = { written: script.text, path: isAbsolute(script.text) ? script.text : resolve(project, script.text), unresolved: script.unresolved };
    return result;
  }
  return result;
}
