import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Scope } from './scope.ts';

/** Where the bundles are and which settings file the command goes to: all a command line depends on. */
export interface CommandContext {
  scope: Scope;
  /** The project the CLI runs for (its cwd); `$CLAUDE_PROJECT_DIR` in project and local settings. */
  projectDir: string;
  /** The directory holding the built bundles (absolute). */
  distDir: string;
}

/** The file names build.mjs gives bundles; the CLI's own bundle is never a hook. */
const BUNDLE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.cjs$/;
const CLI_FILE = 'cli.cjs';
const PLAIN_WORD = /^[A-Za-z0-9_./-]+$/;

/** A word sh reads back as exactly `text`. */
export function shQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function bundleWord(file: string, context: CommandContext): string {
  const path = join(context.distDir, file);
  const inProject = relative(context.projectDir, path);
  if (context.scope !== 'user' && !inProject.startsWith('..') && !isAbsolute(inProject)) {
    // Claude Code sets $CLAUDE_PROJECT_DIR for every hook, so the command works from any cwd and on
    // every clone of a committed .claude/settings.json.
    const rel = inProject.split(sep).join('/');
    return `"$CLAUDE_PROJECT_DIR"/${PLAIN_WORD.test(rel) ? rel : shQuote(rel)}`;
  }
  return shQuote(path);
}

/**
 * The settings.json command that runs one bundle: `node "$CLAUDE_PROJECT_DIR"/dist/<file>` for
 * project and local scope, `node '<absolute path>'` for user scope (no project variable there
 * points at this checkout). A bundle that makes no network calls starts as
 * `env -u NODE_EXTRA_CA_CERTS node …` on POSIX: proxy users set that variable, hooks inherit it,
 * and it makes Node 20 start 3x slower (bench: "NODE_EXTRA_CA_CERTS trap"). The only place that
 * shapes a command line.
 */
export function hookCommand(file: string, context: CommandContext, network = false, platform: NodeJS.Platform = process.platform): string {
  const prefix = !network && platform !== 'win32' ? 'env -u NODE_EXTRA_CA_CERTS ' : '';
  return `${prefix}node ${bundleWord(file, context)}`;
}

/**
 * Splits a command line into words the way sh would, for the simple commands we write; undefined
 * for anything else (pipes, lists, redirections, globs, other variables), which is then not ours.
 */
function shWords(command: string, projectDir: string | undefined): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const expand = (): string | undefined => {
    const match = /^\$(?:\{CLAUDE_PROJECT_DIR\}|CLAUDE_PROJECT_DIR(?![A-Za-z0-9_]))/.exec(command.slice(i));
    if (match === null || projectDir === undefined) return undefined;
    i += match[0].length;
    return projectDir;
  };
  while (i < command.length) {
    const char = command[i] ?? '';
    if (char === ' ' || char === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (char === "'") {
      const close = command.indexOf("'", i + 1);
      if (close < 0) return undefined;
      word = (word ?? '') + command.slice(i + 1, close);
      i = close + 1;
    } else if (char === '"') {
      word ??= '';
      for (i++; command[i] !== '"'; ) {
        if (i >= command.length || command[i] === '`') return undefined;
        if (command[i] === '$') {
          const value = expand();
          if (value === undefined) return undefined;
          word += value;
        } else if (command[i] === '\\' && '$`"\\'.includes(command[i + 1] ?? '')) {
          word += command[i + 1];
          i += 2;
        } else {
          word += command[i];
          i++;
        }
      }
      i++;
    } else if (char === '$') {
      const value = expand();
      if (value === undefined) return undefined;
      word = (word ?? '') + value;
    } else if (char === '\\' && i + 1 < command.length) {
      word = (word ?? '') + command[i + 1];
      i += 2;
    } else if (/[A-Za-z0-9_./=:,+@%-]/.test(char)) {
      word = (word ?? '') + char;
      i++;
    } else {
      return undefined;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * The bundle file a settings command runs, when the command is ours: `node <path>` (optionally
 * after `env -u NAME` / `NAME=value` words) where <path> is a bundle file name directly in this
 * project's dist directory, written with `$CLAUDE_PROJECT_DIR` (project and local scope) or as an
 * absolute path, quoted or not. Anything else, however similar, belongs to someone else.
 */
export function bundleFileOf(command: unknown, context: CommandContext): string | undefined {
  if (typeof command !== 'string') return undefined;
  const words = shWords(command.trim(), context.scope === 'user' ? undefined : context.projectDir);
  if (words === undefined) return undefined;
  let i = 0;
  if (words[i] === 'env') {
    i++;
    while (words[i] === '-u' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? '')) i += words[i] === '-u' ? 2 : 1;
  }
  const [runner, path, ...rest] = words.slice(i);
  if (runner === undefined || !/(^|[/\\])node(\.exe)?$/.test(runner) || path === undefined || rest.length > 0 || !isAbsolute(path)) return undefined;
  const file = basename(path);
  if (!BUNDLE_FILE.test(file) || file === CLI_FILE) return undefined;
  return resolve(dirname(path)) === resolve(context.distDir) ? file : undefined;
}
