/**
 * bash-guard's analysis, a pure function: parse the command line with lib/shell (every nesting
 * level, every wrapper peeled off), then test each simple command, in each of its unwrapped
 * forms, against the compiled rules; when several match, the one listed first wins. A command
 * that cannot be parsed to the end is denied: what cannot be checked is not let through.
 */
import { ShellParseError } from '../shell/errors.ts';
import { parseScript } from '../shell/script.ts';
import { CommandGraph } from './bash-command-graph.ts';
import type { PathBase } from './bash-operand-paths.ts';
import type { CompiledBashRule } from './bash-rule-compile.ts';
import { matchView, type CommandView, type RuleHit } from './bash-rule-match.ts';
import { CommandScopes } from './bash-scope.ts';
import type { SecretFileTest } from './bash-secret-files.ts';
import { viewsOf } from './bash-views.ts';
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
  /** Temp roots for `anyTarget` (lib/guards/bash-path-targets.ts tempRoots); default the system's. */
  temp?: readonly string[];
  /** file-guard's protected files for `readsSecret` rules, built on first use; default the built-in file rules. */
  secretFiles?: () => SecretFileTest;
}

/**
 * Judges one Bash command line: a verdict when a rule matches it (or it cannot be parsed), else
 * undefined. A `deny` rule anywhere wins over an `ask`; among rules of one severity the one
 * listed first does.
 */
export function analyzeCommand(command: string, options: AnalyzeOptions): BashVerdict | undefined {
  const trimmed = command.trim();
  if (options.allowCommands?.some((pattern) => pattern.test(trimmed))) return undefined;
  let script;
  let scopes;
  try {
    script = parseScript(command, options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth });
    scopes = new CommandScopes(script, options.cwd, options.home);
  } catch (error) {
    if (error instanceof ShellParseError) return parseFailureVerdict(error);
    throw error;
  }
  const graph = new CommandGraph(script);
  // The rule list is in priority order: `sudo sh -c "rm -rf /"` is reported as the rm it runs,
  // even though the sudo comes first, so the best (lowest) rule index over all commands wins.
  let denied: Found | undefined;
  let asked: Found | undefined;
  for (const simple of script.commands) {
    // The directory and variables it runs with (lib/guards/bash-scope.ts).
    const scope = scopes.of(simple);
    // Every field set, in one order: all bases share one object shape (the rules read them often).
    const base: PathBase = {
      home: options.home,
      cwd: scope.cwd,
      variables: scope.variables,
      secretFiles: options.secretFiles,
      project: options.cwd,
      temp: options.temp,
      loops: simple.loops,
    };
    const views = viewsOf(simple, base, graph, script);
    for (let index = 0; index < (denied?.index ?? options.rules.length); index += 1) {
      const rule = options.rules[index] as CompiledBashRule;
      // An ask can only be outdone by an earlier ask, or by any deny.
      if (rule.severity === 'ask' && (denied !== undefined || (asked !== undefined && index >= asked.index))) continue;
      const hit = firstHit(rule, views);
      if (hit === undefined) continue;
      const found = { index, verdict: ruleVerdict(rule, hit) };
      if (rule.severity === 'ask') asked = found;
      else {
        denied = found;
        break;
      }
    }
    if (denied?.index === 0) break;
  }
  return denied?.verdict ?? asked?.verdict;
}

interface Found {
  index: number;
  verdict: BashVerdict;
}

function firstHit(rule: CompiledBashRule, views: readonly CommandView[]): RuleHit | undefined {
  for (const view of views) {
    const hit = matchView(rule.matcher, view);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
