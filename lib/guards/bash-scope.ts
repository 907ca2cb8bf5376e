/**
 * The directory and the known variables each simple command of a parsed script runs with,
 * computed in one pass before any rule is tried. Top-level commands run in order, each in the
 * scope the previous ones left (`cd / && rm -rf *` is judged in `/`, `D=/; rm -rf $D` as
 * `rm -rf /`); a nested command runs in the scope of the command that runs or feeds it
 * (`cd / && bash -c 'rm -rf *'; cd ~`).
 *
 * Linear in the script: variables live in one history (each assignment appended once, each
 * scope a version number into it) instead of one copy of the whole variable map per
 * assignment, which made 10,000 assignments take 5 s and 2 GB and 15,000 run out of memory.
 * A `cd` past PATH_MAX characters throws E_SHELL_TOO_LARGE: the shell could not enter it either,
 * and following ever longer directories would make each `cd` cost more than the last.
 */
import type { ParsedScript, SimpleCommand } from '../shell/commands.ts';
import { ShellParseError } from '../shell/errors.ts';
import { commandName } from '../shell/interpreters.ts';
import { scanOptions } from '../shell/options.ts';
import { operandPaths, type VariableLookup } from './bash-operand-paths.ts';

/** The directory and known variables a command runs with. */
export interface Scope {
  cwd: string;
  variables: VariableLookup;
}

/** Linux's PATH_MAX: `chdir` refuses a longer path with ENAMETOOLONG. */
export const MAX_CWD_CHARS = 4096;

const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;

/** Every value each variable was given, with the version (top-level command) that gave it. */
class VariableHistory {
  private readonly byName = new Map<string, { versions: number[]; values: string[] }>();
  /** Distinct names assigned up to each version: `sizes[v]`. */
  private readonly sizes: number[] = [0];

  get version(): number {
    return this.sizes.length - 1;
  }

  /** Starts a new version holding these `NAME=value` words; returns it. */
  assign(words: readonly string[]): number {
    const version = this.sizes.length;
    let size = this.sizes[version - 1] as number;
    for (const word of words) {
      const match = ASSIGNMENT.exec(word);
      if (match === null) continue;
      const name = match[1] as string;
      const value = match[2] as string;
      let entry = this.byName.get(name);
      if (entry === undefined) {
        entry = { versions: [], values: [] };
        this.byName.set(name, entry);
        size += 1;
      }
      const last = entry.versions.length - 1;
      if (entry.versions[last] === version) entry.values[last] = value;
      else {
        entry.versions.push(version);
        entry.values.push(value);
      }
    }
    this.sizes.push(size);
    return version;
  }

  /** The variables as they were at `version`. */
  at(version: number): VariableLookup {
    const size = this.sizes[version] as number;
    return {
      size,
      get: (name: string) => {
        const entry = this.byName.get(name);
        if (entry === undefined) return undefined;
        // The last value given at or before `version`: binary search, the versions ascend.
        let low = 0;
        let high = entry.versions.length - 1;
        let found = -1;
        while (low <= high) {
          const middle = (low + high) >> 1;
          if ((entry.versions[middle] as number) <= version) {
            found = middle;
            low = middle + 1;
          } else high = middle - 1;
        }
        return found === -1 ? undefined : entry.values[found];
      },
    };
  }
}

const NO_VARIABLES: VariableLookup = { size: 0, get: () => undefined };

/** The scope of every command of `script`, by id. Throws ShellParseError (E_SHELL_TOO_LARGE) past the caps. */
export class CommandScopes {
  /** Only commands that run in another scope than the first: most command lines change none. */
  private readonly byId = new Map<number, Scope>();
  private readonly first: Scope;

  constructor(script: ParsedScript, cwd: string, home: string) {
    if (cwd.length > MAX_CWD_CHARS)
      throw new ShellParseError(
        'E_SHELL_TOO_LARGE',
        `its working directory path is longer than ${MAX_CWD_CHARS} characters (PATH_MAX)`,
      );
    this.first = { cwd, variables: NO_VARIABLES };
    let history: VariableHistory | undefined;
    let current = this.first;
    for (const simple of script.commands) {
      const parent = simple.runBy ?? simple.feeds ?? simple.stdinFrom;
      // A parent comes before the commands it runs or feeds, so its scope is known by now.
      const scope = simple.depth === 0 || parent === undefined ? current : (this.byId.get(parent) ?? this.first);
      if (scope !== this.first) this.byId.set(simple.id, scope);
      if (simple.depth === 0) current = scopeAfter(simple, current, home, () => (history ??= new VariableHistory()));
    }
  }

  /** The scope `command` runs in. */
  of(command: SimpleCommand): Scope {
    return this.byId.get(command.id) ?? this.first;
  }
}

/**
 * The scope after a top-level command: `cd` moves the shell; `D=/` (alone, or after
 * export/declare …) and `unset D` change what `$D` means. Most commands change neither.
 */
function scopeAfter(command: SimpleCommand, scope: Scope, home: string, variables: () => VariableHistory): Scope {
  const argv = command.unwrapped[command.unwrapped.length - 1] ?? [];
  const name = commandName(argv[0] ?? '');
  if (name === 'cd' || name === 'pushd') return scopeAfterCd(argv, scope, home);
  let words: readonly string[];
  if (argv.length === 0) words = command.assignments;
  else if (DECLARATIONS.has(name)) words = scanOptions(argv.slice(1)).operands;
  else if (name === 'unset') words = argv.slice(1).map((variable) => `${variable}=`);
  else return scope;
  if (words.length === 0) return scope;
  const history = variables();
  return { cwd: scope.cwd, variables: history.at(history.assign(words)) };
}

function scopeAfterCd(argv: readonly string[], scope: Scope, home: string): Scope {
  const target = scanOptions(argv.slice(1)).operands[0];
  if (target === '-') return scope;
  const cwd = target === undefined ? home : (operandPaths(target, { home, ...scope })[0]?.path ?? scope.cwd);
  if (cwd.length > MAX_CWD_CHARS) {
    throw new ShellParseError(
      'E_SHELL_TOO_LARGE',
      `its cd commands lead to a directory path longer than ${MAX_CWD_CHARS} characters (PATH_MAX)`,
    );
  }
  return { cwd, variables: scope.variables };
}
