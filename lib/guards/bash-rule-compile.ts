/**
 * Turns bash-guard rules (data, lib/guards/bash-rule-types.ts) into matchers. Their globs become
 * TextMatcher and PathGlobs objects that compile a RegExp only when a command could match it:
 * each hook run is a new process judging one command, so compiling every glob of every rule up
 * front would cost more than the check itself.
 */
import { PathGlobs } from './bash-path-globs.ts';
import type { BashMatcher, BashRule } from './bash-rule-types.ts';
import { textGlobs, type TextMatcher } from './bash-text-glob.ts';

/** Option names split by kind: `r` is a short option, `recursive` a long one. */
export interface FlagSet {
  short: ReadonlySet<string>;
  long: readonly string[];
}

export interface CompiledMatcher {
  command?: TextMatcher;
  subcommand?: TextMatcher;
  /** Own and inherited `valueOptions`, as option names without dashes. */
  valueOptions: ReadonlySet<string>;
  anyFlag?: FlagSet;
  anyArg?: TextMatcher;
  anyPath?: PathGlobs;
  lastPath?: PathGlobs;
  anyPathAbove?: readonly string[];
  maxOperands?: number;
  redirectTo?: PathGlobs;
  pipeFrom?: TextMatcher;
  pipeTo?: TextMatcher;
  forkBomb: boolean;
  anyOf?: readonly CompiledMatcher[];
  /** It looks at operands or options, so a command name hidden in a variable may still match it. */
  testsArguments: boolean;
}

export interface CompiledBashRule {
  id: string;
  reason: string;
  matcher: CompiledMatcher;
}

function optionName(entry: string): { name: string; long: boolean } {
  if (entry.startsWith('--')) return { name: entry.slice(2), long: true };
  const name = entry.startsWith('-') ? entry.slice(1) : entry;
  return { name, long: name.length > 1 };
}

function flagSet(entries: readonly string[]): FlagSet {
  const short = new Set<string>();
  const long: string[] = [];
  for (const entry of entries) {
    const { name, long: isLong } = optionName(entry);
    if (isLong) long.push(name);
    else short.add(name);
  }
  return { short, long };
}

function compileMatcher(matcher: BashMatcher, home: string, inherited: ReadonlySet<string>): CompiledMatcher {
  const paths = (globs: readonly string[]) => new PathGlobs(globs, home);
  const valueOptions = new Set([...inherited, ...(matcher.valueOptions ?? []).map((entry) => optionName(entry).name)]);
  const anyOf = matcher.anyOf ? matcher.anyOf.map((sub) => compileMatcher(sub, home, valueOptions)) : undefined;
  return {
    valueOptions,
    forkBomb: matcher.forkBomb === true,
    command: matcher.command ? textGlobs(matcher.command, { ignoreCase: true }) : undefined,
    subcommand: matcher.subcommand ? textGlobs(matcher.subcommand) : undefined,
    anyFlag: matcher.anyFlag ? flagSet(matcher.anyFlag) : undefined,
    anyArg: matcher.anyArg ? textGlobs(matcher.anyArg) : undefined,
    anyPath: matcher.anyPath ? paths(matcher.anyPath) : undefined,
    lastPath: matcher.lastPath ? paths(matcher.lastPath) : undefined,
    anyPathAbove: matcher.anyPathAbove,
    maxOperands: matcher.maxOperands,
    redirectTo: matcher.redirectTo ? paths(matcher.redirectTo) : undefined,
    pipeFrom: matcher.pipeFrom ? textGlobs(matcher.pipeFrom, { ignoreCase: true }) : undefined,
    pipeTo: matcher.pipeTo ? textGlobs(matcher.pipeTo, { ignoreCase: true }) : undefined,
    anyOf,
    testsArguments:
      matcher.subcommand !== undefined || matcher.anyFlag !== undefined || matcher.anyArg !== undefined || matcher.anyPath !== undefined ||
      matcher.lastPath !== undefined || matcher.anyPathAbove !== undefined || matcher.maxOperands !== undefined || (anyOf ?? []).some((sub) => sub.testsArguments),
  };
}

/** Compiles rules for one home directory (where `~/` globs are anchored). Rules must be valid (see bash-rule-validate.ts). */
export function compileBashRules(rules: readonly BashRule[], options: { home: string }): CompiledBashRule[] {
  return rules.map((rule) => ({ id: rule.id, reason: rule.reason, matcher: compileMatcher(rule, options.home, new Set()) }));
}
