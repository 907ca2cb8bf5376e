/**
 * bash-guard's quick check: the everyday command lines it can let through without loading the
 * analysis (lib/guards/bash-judge.lazy.ts, a chunk of its own in the bundle). It answers only
 * "certainly allowed"; everything else goes to the full analysis. A line is certainly allowed
 * when, with no bash-guard.json or file-guard.json anywhere (user or project):
 *
 * - it is simple commands joined by `|`, `&&`, `||` or `;`, written in plain words: letters,
 *   digits and `_ . / , @ % + = : -`, or quoted text with no `$`, backquote, backslash or `!`
 *   (no variables, substitutions, globs, `~`, braces, subshells, here-documents, background jobs);
 * - each command is `echo` or `printf` (their words are only text), `true`, `false` or `pwd`
 *   alone, or
 *   `ls`, `cat`, `head`, `tail`, `wc`, `grep`, `rg`, `git status|log|diff|show` or
 *   `npm test|t|run|run-script|ls|outdated` whose other words are
 *   letter-and-digit options or relative paths inside the working directory that name no
 *   protected file (file-guard's list) and no dot-file or dot-directory;
 * - its redirections are `>`, `>>`, `<` (with an optional descriptor number), `&>`, `&>>` to such
 *   a path or /dev/null, or `N>&M`;
 * - the working directory is an absolute path outside /etc, /dev, /proc and /sys.
 *
 * Every command line the corpus and the generated tests hold that this lets through, the full
 * analysis lets through too (test/lib/guards/bash-quick.test.ts).
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { userConfigDir } from '../config.ts';
import { normalizePath } from '../paths.ts';
import { builtInSecretFileTest } from './bash-secret-files.ts';

export interface QuickContext {
  cwd: string;
  home: string;
  env: NodeJS.ProcessEnv;
}

/** Commands whose words are only text: nothing they name is read, written or run. */
const TEXT_COMMANDS = new Set(['echo', 'printf']);
/**
 * Commands let through alone (`pwd` with `-L`/`-P`): with operands the analysis reads them as a
 * tool that might run its operands (`pwd rm -rf /`), as it does any program it does not know.
 */
const ALONE = new Set(['true', 'false', 'pwd']);
/** Commands that read (or list) the paths they name, and do nothing else with them. */
const READ_COMMANDS = new Set(['ls', 'cat', 'head', 'tail', 'wc', 'grep', 'rg']);
/** git subcommands that only show. */
const GIT_SHOWING = new Set(['status', 'log', 'diff', 'show']);
/** npm subcommands that run the project's own scripts or only show (not install, exec, publish). */
const NPM_SCRIPTS = new Set(['test', 't', 'run', 'run-script', 'ls', 'outdated']);
/** Past this the line is no everyday command; the analysis has the caps for big ones. */
const MAX_QUICK_CHARS = 2048;
/** A plain unquoted character: a letter, digit or `_ . / , @ % + = : -`. */
const PLAIN = /[A-Za-z0-9_./,@%+=:-]/;
/** An option of letters and digits: `-la`, `-n5`, `--oneline`, `-5`. No value after `=`. */
const OPTION = /^--?[A-Za-z0-9][A-Za-z0-9-]*$/;
/**
 * A relative path of plain segments: no `..`, no dot-files, no empty segment, no `:`, and no `-`
 * first (an option such as `--output=/etc/x` is no path).
 */
const RELATIVE_PATH =
  /^(?:\.\/)?[A-Za-z0-9_,@%+=][A-Za-z0-9_.,@%+=-]*(?:\/[A-Za-z0-9_,@%+=-][A-Za-z0-9_.,@%+=-]*)*\/?$/;
/** Working directories left to the analysis: a relative write there lands in the system. */
const SYSTEM_DIRS = /^\/(?:etc|dev|proc|sys)(?:\/|$)/;

interface Redirect {
  op: string;
  target: string;
}
interface Simple {
  words: { text: string; quoted: boolean }[];
  redirects: Redirect[];
}

/** True when `command` is certainly allowed by bash-guard's built-in rules (see above). */
export function quickAllows(command: string, context: QuickContext): boolean {
  const { cwd } = context;
  if (command.length > MAX_QUICK_CHARS || cwd.charCodeAt(0) !== 47 || cwd.length > 1024) return false;
  // A directory as the analysis compares paths with it: no trailing slash, `.`, `..`, `//` or `\`.
  if (cwd === '/' || SYSTEM_DIRS.test(cwd) || /\/\.\.?(?:\/|$)|\/\/|\/$|\\/.test(cwd)) return false;
  const commands = split(command);
  if (commands === undefined || commands.length === 0) return false;
  let secret: ((path: string) => string | undefined) | undefined;
  const isSecret = (path: string) => {
    secret ??= builtInSecretFileTest(context.home);
    return secret(normalizePath(path, cwd, context.home)) !== undefined;
  };
  for (const { words, redirects } of commands) {
    const [first, second] = words;
    if (first === undefined || first.quoted) return false;
    const name = first.text;
    let operands: typeof words;
    if (TEXT_COMMANDS.has(name)) operands = [];
    else if (ALONE.has(name) && words.every((word, i) => i === 0 || (name === 'pwd' && /^-[LP]$/.test(word.text))))
      operands = [];
    else if (READ_COMMANDS.has(name)) operands = words.slice(1);
    else if (name === 'git' && second !== undefined && !second.quoted && GIT_SHOWING.has(second.text))
      operands = words.slice(2);
    else if (name === 'npm' && second !== undefined && !second.quoted && NPM_SCRIPTS.has(second.text))
      operands = words.slice(2);
    else return false;
    for (const { text } of operands) {
      // `rg --pre CMD` runs CMD on every file it searches.
      if (text.startsWith('--pre')) return false;
      if (OPTION.test(text)) continue;
      if (!RELATIVE_PATH.test(text) || isSecret(text)) return false;
    }
    for (const { op, target } of redirects) {
      if (op.endsWith('>&')) continue;
      if (target === '/dev/null' && op !== '<') continue;
      // A relative path without `..` stays under cwd, which is outside SYSTEM_DIRS and not `/`.
      if (!RELATIVE_PATH.test(target)) return false;
      if (op.endsWith('<') && isSecret(target)) return false;
    }
  }
  return noConfigFiles(context);
}

/** No bash-guard.json or file-guard.json in the user's config directory or the project's. */
function noConfigFiles({ cwd, env }: QuickContext): boolean {
  try {
    const dirs = [userConfigDir(env), join(env.CLAUDE_PROJECT_DIR || cwd, '.claude', 'hookpack')];
    for (const dir of dirs)
      for (const name of ['bash-guard.json', 'file-guard.json'])
        if (lstatSync(join(dir, name), { throwIfNoEntry: false }) !== undefined) return false;
  } catch {
    return false;
  }
  return true;
}

/**
 * The simple commands of `line`, or undefined when it holds anything but plain words, quotes
 * without expansions, the separators and the redirections above.
 */
function split(line: string): Simple[] | undefined {
  const commands: Simple[] = [];
  let current: Simple = { words: [], redirects: [] };
  let i = 0;
  const end = () => {
    if (current.words.length === 0) return false;
    commands.push(current);
    current = { words: [], redirects: [] };
    return true;
  };
  while (i < line.length) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === ';' || c === '|' || c === '&') {
      const two = line.slice(i, i + 2);
      // `;&` is one operator to bash (case fall-through): `echo a ;&> f` does not parse.
      if (two === ';&') return undefined;
      if (two === '&&' || two === '||') i += 2;
      else if (c === ';' || (c === '|' && two !== '|&')) i += 1;
      else if (two === '&>') {
        const redirect = redirection(line, i, two);
        if (redirect === undefined) return undefined;
        current.redirects.push(redirect.redirect);
        i = redirect.next;
        continue;
      } else return undefined;
      if (!end()) return undefined;
      continue;
    }
    // A descriptor number, then > or <: a redirection; else the digits start a word.
    let j = i;
    while (j < line.length && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
    if (line[j] === '>' || line[j] === '<') {
      const redirect = redirection(line, j, line.slice(i, j));
      if (redirect === undefined) return undefined;
      current.redirects.push(redirect.redirect);
      i = redirect.next;
      continue;
    }
    const word = readWord(line, i);
    if (word === undefined) return undefined;
    current.words.push(word.word);
    i = word.next;
  }
  return end() ? commands : undefined;
}

/** The redirection at `at` (`>`, `>>`, `<`, `&>`, `&>>`, `>&N`) and its target. */
function redirection(line: string, at: number, fd: string): { redirect: Redirect; next: number } | undefined {
  let i = at;
  let op = '';
  if (fd === '&>') {
    op = '&>';
    i += 2;
    if (line[i] === '>') {
      op += '>';
      i++;
    }
  } else if (line[i] === '<') {
    op = '<';
    i++;
    if (line[i] === '<' || line[i] === '>' || line[i] === '&' || line[i] === '(') return undefined;
  } else {
    op = '>';
    i++;
    if (line[i] === '>') {
      op = '>>';
      i++;
    } else if (line[i] === '&') {
      // N>&M: a descriptor copied, nothing opened.
      let j = i + 1;
      while (j < line.length && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j === i + 1 || (j < line.length && !/[ \t;|&]/.test(line[j] as string))) return undefined;
      return { redirect: { op: '>&', target: line.slice(i + 1, j) }, next: j };
    }
    if (line[i] === '|' || line[i] === '&' || line[i] === '(') return undefined;
  }
  while (line[i] === ' ' || line[i] === '\t') i++;
  const word = readWord(line, i);
  if (word === undefined || word.word.quoted) return undefined;
  return { redirect: { op: `${fd === '&>' ? '' : fd}${op}`, target: word.word.text }, next: word.next };
}

/** One word: plain characters and quoted text, joined; undefined at anything else. */
function readWord(line: string, start: number): { word: { text: string; quoted: boolean }; next: number } | undefined {
  let i = start;
  let text = '';
  let quoted = false;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      if (close === -1) return undefined;
      const inner = line.slice(i + 1, close);
      if (/[\0-\x1f\x7f]/.test(inner) || (c === '"' && /[$`\\!]/.test(inner))) return undefined;
      text += inner;
      quoted = true;
      i = close + 1;
    } else if (PLAIN.test(c)) {
      text += c;
      i++;
    } else break;
  }
  if (i === start) return undefined;
  const next = line[i];
  if (next !== undefined && !/[ \t;|&<>]/.test(next)) return undefined;
  // Digits right before < or > are the next redirection's descriptor (`> 2>&1`): bash finds no
  // target there and the line does not parse.
  if ((next === '<' || next === '>') && !quoted && /^[0-9]+$/.test(text)) return undefined;
  return { word: { text, quoted }, next: i };
}
