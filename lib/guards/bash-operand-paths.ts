/**
 * What path a command's operand names, for path rules: variables assigned earlier in the same
 * command line, `~`, `~user`, `$HOME` and `${HOME}` expanded, relative to the working
 * directory, `.`/`..` folded (lib/paths.ts). Other variables are unknown: on request an operand
 * holding one also yields its worst case, the variable empty, because `rm -rf "$DIR/"` is
 * `rm -rf /` when DIR is unset.
 */
import { normalizePath } from '../paths.ts';
import type { LoopBinding } from '../shell/commands.ts';
import type { SecretFileTest } from './bash-secret-files.ts';

/** Where paths are resolved from. */
/** Read access to known variables: a Map will do, and so will lib/guards/bash-scope.ts's versioned history. */
export interface VariableLookup {
  readonly size: number;
  get(name: string): string | undefined;
}

export interface PathBase {
  home: string;
  cwd: string;
  /** Variables assigned earlier in the command line (`D=/; rm -rf $D`). */
  variables?: VariableLookup;
  /** file-guard's protected files, for `readsSecret` (lib/guards/bash-secret-match.ts); default the built-in rules. */
  secretFiles?: () => SecretFileTest;
  /** The directory the command line started in (the payload's cwd): the project, for `anyTarget`. Default `cwd`. */
  project?: string;
  /** Temp roots for `anyTarget` (lib/guards/bash-path-targets.ts). */
  temp?: readonly string[];
  /** The `for` loops the command sits in: what their variables can be, for `anyTarget`. */
  loops?: readonly LoopBinding[];
}

export interface OperandPath {
  path: string;
  /** This is the path only if some variable in the operand is empty or unset. */
  worstCase: boolean;
}

const HOME_VARIABLE = /\$\{HOME\}|\$HOME(?![A-Za-z0-9_])/g;
const PWD_VARIABLE = /\$\{PWD\}|\$PWD(?![A-Za-z0-9_])/g;
/** `$(pwd)` and `` `pwd` ``: the working directory, like `$PWD`. */
const PWD_COMMAND = /\$\(\s*pwd\s*\)|`\s*pwd\s*`/g;
const VARIABLE = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*/;
const VARIABLES = new RegExp(VARIABLE.source, 'g');
const LEADING_SLASHES = /^\/{2,}/;
const USER_HOME = /^~([A-Za-z_][A-Za-z0-9._-]*)(?=\/|$)/;
/** A last segment that is only a glob (`*`, `.*`, `*.*`): it reaches everything in its directory. */
const GLOB_ONLY = /^[.*?]*[*?][.*?]*$/;

// The `includes`/`startsWith` tests below skip RegExps that cannot match: compiling one costs
// more than the whole check of a plain path, in a process that checks one command.
/** `text` with the variables known here expanded: those assigned earlier, `$HOME`, `$PWD`, and a leading `~`. */
export function expandKnown(text: string, base: PathBase): string {
  if (!text.includes('$') && !text.startsWith('~') && !text.includes('`')) return text;
  const { variables } = base;
  const assigned =
    variables === undefined || variables.size === 0
      ? text
      : text.replace(VARIABLES, (match) => variables.get(match.replace(/[${}]/g, '')) ?? match);
  let expanded = assigned.replace(HOME_VARIABLE, base.home);
  if (expanded.includes('PWD')) expanded = expanded.replace(PWD_VARIABLE, base.cwd);
  if (expanded.includes('pwd')) expanded = expanded.replace(PWD_COMMAND, base.cwd);
  const user = USER_HOME.exec(expanded);
  if (user === null) return expanded;
  // Another user's home is unknowable here; the usual place is the best guess.
  const name = user[1] as string;
  return `${name === 'root' ? '/root' : `/home/${name}`}${expanded.slice(user[0].length)}`;
}

/** Resolves a path spelled in a command (after `~`/`$HOME` expansion) to the directory it reaches. */
export function resolveCommandPath(text: string, base: PathBase): string {
  // POSIX reads `//` as `/`; lib/paths would keep it as a Windows UNC root.
  let path = normalizePath(text.startsWith('//') ? text.replace(LEADING_SLASHES, '/') : text, base.cwd, base.home);
  if (!path.includes('*') && !path.includes('?')) return path;
  for (
    let slash = path.lastIndexOf('/');
    slash >= 0 && path !== '/' && GLOB_ONLY.test(path.slice(slash + 1));
    slash = path.lastIndexOf('/')
  ) {
    path = path.slice(0, slash) || '/';
  }
  return path;
}

/** Combinations of loop values tried per operand: past it the rest are not tried. */
export const MAX_LOOP_VALUES = 16;

/**
 * `operand` with each `for` loop variable it names (`"$d"` in `for d in dist build`) replaced by
 * each of the loop's words, every combination, at most MAX_LOOP_VALUES; undefined when it names
 * none. `complete` is false when some combinations were left out, or a loop has no words.
 */
export function loopValues(operand: string, base: PathBase): { values: string[]; complete: boolean } | undefined {
  const loops = base.loops;
  if (loops === undefined || loops.length === 0 || !operand.includes('$')) return undefined;
  let values = [operand];
  let complete = true;
  let named = false;
  for (const { name, words } of loops) {
    const variable = new RegExp(`\\$(?:${name}(?![A-Za-z0-9_])|\\{${name}\\})`, 'g');
    if (!variable.test(operand)) continue;
    named = true;
    if (words.length === 0) complete = false;
    const next: string[] = [];
    for (const value of values)
      for (const word of words) if (next.length < MAX_LOOP_VALUES) next.push(value.replace(variable, () => word));
    if (next.length < values.length * words.length) complete = false;
    values = next.length > 0 ? next : values;
  }
  return named ? { values, complete } : undefined;
}

/** The paths an operand may name: as written, and with `worstCase` also with unknown variables empty. */
export function operandPaths(operand: string, base: PathBase, options: { worstCase?: boolean } = {}): OperandPath[] {
  if (operand === '') return [];
  // Several rules resolve the same operands of one command (rm's 10,000 operands, once per rule,
  // were most of its time). The rules of one command run one after another with the same base,
  // so one slot is enough, and cheaper than a WeakMap lookup on every call.
  if (base !== cachedBase) {
    cachedBase = base;
    cachedPaths = undefined;
  }
  const key = options.worstCase ? `\u0000${operand}` : operand;
  let paths = cachedPaths?.get(key);
  if (paths === undefined) {
    paths = resolveOperand(operand, base, options);
    (cachedPaths ??= new Map()).set(key, paths);
  }
  return paths;
}

/** Paths already worked out for the last PathBase object seen (one command's scope). */
let cachedBase: PathBase | undefined;
let cachedPaths: Map<string, OperandPath[]> | undefined;

function resolveOperand(operand: string, base: PathBase, options: { worstCase?: boolean }): OperandPath[] {
  const looped = loopValues(operand, base);
  if (looped !== undefined)
    return looped.values.flatMap((value) => operandPaths(value, { ...base, loops: [] }, options));
  const expanded = expandKnown(operand, base);
  const paths: OperandPath[] = [{ path: resolveCommandPath(expanded, base), worstCase: false }];
  if (options.worstCase && VARIABLE.test(expanded)) {
    const emptied = expanded.replace(VARIABLES, '');
    if (emptied !== '') paths.push({ path: resolveCommandPath(emptied, base), worstCase: true });
  }
  return paths;
}

/** Whether `path` is `target` or one of its ancestors. */
export function isAtOrAbove(path: string, target: string): boolean {
  return path === target || path === '/' || target.startsWith(`${path}/`);
}
