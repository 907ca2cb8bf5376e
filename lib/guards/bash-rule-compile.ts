/**
 * Turns bash-guard rules (data, lib/guards/bash-rule-types.ts) into matchers with their globs
 * compiled to RegExps, once per process, so checking a command compiles nothing.
 */
import { globToRegExp } from '../glob.ts';
import type { BashMatcher, BashRule } from './bash-rule-types.ts';
import { compileTextGlobs } from './bash-text-glob.ts';

/** Option names split by kind: `r` is a short option, `recursive` a long one. */
export interface FlagSet {
  short: ReadonlySet<string>;
  long: readonly string[];
}

export interface CompiledMatcher {
  command?: RegExp;
  subcommand?: RegExp;
  /** Own and inherited `valueOptions`, as option names without dashes. */
  valueOptions: ReadonlySet<string>;
  anyFlag?: FlagSet;
  anyArg?: RegExp;
  anyPath?: readonly RegExp[];
  lastPath?: readonly RegExp[];
  anyPathAbove?: readonly string[];
  maxOperands?: number;
  redirectTo?: readonly RegExp[];
  pipeFrom?: RegExp;
  pipeTo?: RegExp;
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
  const paths = (globs: readonly string[]) => globs.map((glob) => globToRegExp(glob, { homes: [home] }));
  const valueOptions = new Set([...inherited, ...(matcher.valueOptions ?? []).map((entry) => optionName(entry).name)]);
  const compiled: CompiledMatcher = { valueOptions, forkBomb: matcher.forkBomb === true, testsArguments: false };
  if (matcher.command) compiled.command = compileTextGlobs(matcher.command, { ignoreCase: true });
  if (matcher.subcommand) compiled.subcommand = compileTextGlobs(matcher.subcommand);
  if (matcher.anyFlag) compiled.anyFlag = flagSet(matcher.anyFlag);
  if (matcher.anyArg) compiled.anyArg = compileTextGlobs(matcher.anyArg);
  if (matcher.anyPath) compiled.anyPath = paths(matcher.anyPath);
  if (matcher.lastPath) compiled.lastPath = paths(matcher.lastPath);
  if (matcher.anyPathAbove) compiled.anyPathAbove = [...matcher.anyPathAbove];
  if (matcher.maxOperands !== undefined) compiled.maxOperands = matcher.maxOperands;
  if (matcher.redirectTo) compiled.redirectTo = paths(matcher.redirectTo);
  if (matcher.pipeFrom) compiled.pipeFrom = compileTextGlobs(matcher.pipeFrom, { ignoreCase: true });
  if (matcher.pipeTo) compiled.pipeTo = compileTextGlobs(matcher.pipeTo, { ignoreCase: true });
  if (matcher.anyOf) compiled.anyOf = matcher.anyOf.map((sub) => compileMatcher(sub, home, valueOptions));
  compiled.testsArguments =
    ['subcommand', 'anyFlag', 'anyArg', 'anyPath', 'lastPath', 'anyPathAbove', 'maxOperands'].some((key) => key in compiled) ||
    (compiled.anyOf ?? []).some((sub) => sub.testsArguments);
  return compiled;
}

/** Compiles rules for one home directory (where `~/` globs are anchored). Rules must be valid (see bash-rule-validate.ts). */
export function compileBashRules(rules: readonly BashRule[], options: { home: string }): CompiledBashRule[] {
  return rules.map((rule) => ({ id: rule.id, reason: rule.reason, matcher: compileMatcher(rule, options.home, new Set()) }));
}
