/**
 * bash-guard's analysis, a pure function: parse the command line with lib/shell (every nesting
 * level, every wrapper peeled off), then test each simple command, in each of its unwrapped
 * forms, against the compiled rules; when several match, the one listed first wins. A command
 * that cannot be parsed to the end is denied: what cannot be checked is not let through.
 */
import { ShellParseError } from '../shell/errors.ts';
import type { SimpleCommand } from '../shell/commands.ts';
import { commandName } from '../shell/interpreters.ts';
import { scanOptions } from '../shell/options.ts';
import { parseScript } from '../shell/script.ts';
import { CommandGraph } from './bash-command-graph.ts';
import { operandPaths } from './bash-operand-paths.ts';
import type { CompiledBashRule } from './bash-rule-compile.ts';
import { commandView, matchView, type CommandView, type RuleHit } from './bash-rule-match.ts';
import type { SecretFileTest } from './bash-secret-files.ts';
import { parseFailureVerdict, ruleVerdict, type BashVerdict } from './bash-verdict.ts';

export type { BashVerdict } from './bash-verdict.ts';

export interface AnalyzeOptions {
  /** The home directory `~` and `$HOME` stand for. */
  home: string;
  /** The directory the command runs in (the payload's `cwd`). */
  cwd: string;
  rules: readonly CompiledBashRule[];
  /** Commands matching one of these in full are not checked (the user's `allowCommands`). */
  allowCommands?: readonly RegExp[];
  /** Nesting levels of `$(…)`, `bash -c`, `eval` allowed; default 8. */
  maxDepth?: number;
  /** file-guard's protected files for `readsSecret` rules, built on first use; default the built-in file rules. */
  secretFiles?: () => SecretFileTest;
}

/** The directory and known variables a command runs with. */
interface Scope {
  cwd: string;
  variables: ReadonlyMap<string, string>;
}

const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;

/**
 * The scope after a top-level command: `cd /` moves the shell, so `cd / && rm -rf *` is judged
 * in `/`; `D=/` (alone, or after export/declare …) makes `rm -rf $D` mean `rm -rf /`. Most
 * commands change neither, so the work is in functions that compile only when one does.
 */
function scopeAfter(command: SimpleCommand, scope: Scope, home: string): Scope {
  const argv = command.unwrapped[command.unwrapped.length - 1] ?? [];
  const name = commandName(argv[0] ?? '');
  if (name === 'cd' || name === 'pushd') return scopeAfterCd(argv, scope, home);
  if (argv.length === 0) return assign(scope, command.assignments);
  if (DECLARATIONS.has(name)) return assign(scope, scanOptions(argv.slice(1)).operands);
  if (name === 'unset') return assign(scope, argv.slice(1).map((variable) => `${variable}=`));
  return scope;
}

function scopeAfterCd(argv: readonly string[], scope: Scope, home: string): Scope {
  const target = scanOptions(argv.slice(1)).operands[0];
  if (target === '-') return scope;
  const cwd = target === undefined ? home : (operandPaths(target, { home, ...scope })[0]?.path ?? scope.cwd);
  return { ...scope, cwd };
}

/** The scope with `NAME=value` words assigned. */
function assign(scope: Scope, words: readonly string[]): Scope {
  if (words.length === 0) return scope;
  const variables = new Map(scope.variables);
  for (const word of words) {
    const match = ASSIGNMENT.exec(word);
    if (match) variables.set(match[1] as string, match[2] as string);
  }
  return { ...scope, variables };
}

/** Judges one Bash command line: a verdict when a rule denies it (or it cannot be parsed), else undefined. */
export function analyzeCommand(command: string, options: AnalyzeOptions): BashVerdict | undefined {
  const trimmed = command.trim();
  if (options.allowCommands?.some((pattern) => pattern.test(trimmed))) return undefined;
  let script;
  try {
    script = parseScript(command, options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth });
  } catch (error) {
    if (error instanceof ShellParseError) return parseFailureVerdict(error);
    throw error;
  }
  const graph = new CommandGraph(script);
  // The rule list is in priority order: `sudo sh -c "rm -rf /"` is reported as the rm it runs,
  // even though the sudo comes first, so the best (lowest) rule index over all commands wins.
  let best: { index: number; verdict: BashVerdict } | undefined;
  // Top-level commands run in order, each in the scope the previous ones left; a nested command
  // runs in the scope of the top-level command it belongs to (`cd / && bash -c 'rm -rf *'; cd ~`).
  let current: Scope = { cwd: options.cwd, variables: new Map() };
  const scopes = new Map<number, Scope>();
  for (const simple of script.commands) {
    const parent = simple.runBy ?? simple.feeds ?? simple.stdinFrom;
    const scope = simple.depth === 0 || parent === undefined ? current : (scopes.get(parent) ?? current);
    scopes.set(simple.id, scope);
    const base = { home: options.home, ...scope, secretFiles: options.secretFiles };
    const views = simple.unwrapped.map((argv) => commandView(simple, argv, base, graph));
    const limit = best?.index ?? options.rules.length;
    for (let index = 0; index < limit; index += 1) {
      const rule = options.rules[index] as CompiledBashRule;
      const hit = firstHit(rule, views);
      if (hit !== undefined) {
        best = { index, verdict: ruleVerdict(rule, hit) };
        break;
      }
    }
    if (best?.index === 0) break;
    if (simple.depth === 0) current = scopeAfter(simple, current, options.home);
  }
  return best?.verdict;
}

function firstHit(rule: CompiledBashRule, views: readonly CommandView[]): RuleHit | undefined {
  for (const view of views) {
    const hit = matchView(rule.matcher, view);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
