/**
 * Turns bash-guard rules (data, lib/guards/bash-rule-types.ts) into matchers. Their globs become
 * TextMatcher and PathGlobs objects that compile a RegExp only when a command could match it:
 * each hook run is a new process judging one command, so compiling every glob of every rule up
 * front would cost more than the check itself.
 */
import { PathGlobs } from './bash-path-globs.ts';
import type { BashMatcher, BashRule, BashSeverity, BashTarget } from './bash-rule-types.ts';
import { textGlobs, type TextMatcher } from './bash-text-glob.ts';

/** Option names split by kind: `r` is a short option, `recursive` a long one. */
export interface FlagSet {
  short: ReadonlySet<string>;
  long: readonly string[];
}

/** The conditions of a matcher other than `command`. */
export interface MatcherBody {
  /** One matcher per operand position: `stash {drop,clear}` tests operands 0 and 1. Any entry may hold. */
  subcommand?: ReadonlyArray<readonly TextMatcher[]>;
  /** Own and inherited `valueOptions`, as option names without dashes. */
  valueOptions: ReadonlySet<string>;
  anyFlag?: FlagSet;
  noFlag?: FlagSet;
  anyArg?: TextMatcher;
  lastArg?: TextMatcher;
  anyWord?: TextMatcher;
  anyAssignment?: TextMatcher;
  anyTarget?: ReadonlySet<BashTarget>;
  lastTarget?: ReadonlySet<BashTarget>;
  redirectTarget?: ReadonlySet<BashTarget>;
  codeSetting: boolean;
  hiddenCode: boolean;
  runsDownload: boolean;
  anyPath?: PathGlobs;
  lastPath?: PathGlobs;
  anyPathAbove?: readonly string[];
  maxOperands?: number;
  redirectTo?: PathGlobs;
  pipeFrom?: TextMatcher;
  pipeTo?: TextMatcher;
  forkBomb: boolean;
  readsSecret?: true;
  anyOf?: readonly CompiledMatcher[];
  /** It has conditions on operands or options itself (`subcommand` … `maxOperands`), not only in `anyOf`. */
  ownArguments: boolean;
  /** It, or one of its `anyOf`, looks at operands or options, so a command name hidden in a variable may still match it. */
  testsArguments: boolean;
}

/**
 * One matcher: its `command` test up front, the rest compiled the first time a command passes
 * it. Most rules name their commands, so `npm test` compiles only the few that do not.
 */
export class CompiledMatcher {
  readonly command: TextMatcher | undefined;
  /**
   * `command` when it is only plain lower-case names (`rm`, `git`): a Set lookup turns away the
   * many commands a rule is not about before anything else runs. Undefined for globs (`mkfs.*`).
   */
  readonly names: ReadonlySet<string> | undefined;
  private readonly source: BashMatcher;
  private readonly home: string;
  private readonly inherited: ReadonlySet<string>;
  private compiled: MatcherBody | undefined;

  constructor(source: BashMatcher, home: string, inherited: ReadonlySet<string>) {
    this.source = source;
    this.home = home;
    this.inherited = inherited;
    this.command = source.command === undefined ? undefined : textGlobs(source.command, { ignoreCase: true });
    if (source.command?.every((name) => PLAIN_NAME.test(name))) this.names = new Set(source.command);
  }

  get body(): MatcherBody {
    this.compiled ??= compileBody(this.source, this.home, this.inherited);
    return this.compiled;
  }
}

export interface CompiledBashRule {
  id: string;
  reason: string;
  severity: BashSeverity;
  matcher: CompiledMatcher;
}

const NONE: ReadonlySet<string> = new Set();
/** A command name with nothing a glob or case folding would change. */
const PLAIN_NAME = /^[a-z0-9_.+-]+$/;

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

/** One Set per distinct list of value options: a command's option scan is cached per Set, so rules with the same list share one scan. */
const VALUE_OPTION_SETS = new Map<string, ReadonlySet<string>>();

function internedSet(names: readonly string[]): ReadonlySet<string> {
  if (names.length === 0) return NONE;
  const key = [...new Set(names)].sort().join('\u0000');
  let set = VALUE_OPTION_SETS.get(key);
  if (set === undefined) {
    set = new Set(names);
    VALUE_OPTION_SETS.set(key, set);
  }
  return set;
}

function compileBody(matcher: BashMatcher, home: string, inherited: ReadonlySet<string>): MatcherBody {
  const paths = (globs: readonly string[]) => new PathGlobs(globs, home);
  const valueOptions = internedSet([
    ...inherited,
    ...(matcher.valueOptions ?? []).map((entry) => optionName(entry).name),
  ]);
  const compiled: MatcherBody = {
    valueOptions,
    forkBomb: matcher.forkBomb === true,
    codeSetting: matcher.codeSetting === true,
    hiddenCode: matcher.hiddenCode === true,
    runsDownload: matcher.runsDownload === true,
    ownArguments: false,
    testsArguments: false,
  };
  if (matcher.subcommand)
    compiled.subcommand = matcher.subcommand.map((entry) => entry.split(/\s+/).map((glob) => textGlobs([glob])));
  if (matcher.anyFlag) compiled.anyFlag = flagSet(matcher.anyFlag);
  if (matcher.noFlag) compiled.noFlag = flagSet(matcher.noFlag);
  if (matcher.anyArg) compiled.anyArg = textGlobs(matcher.anyArg);
  if (matcher.lastArg) compiled.lastArg = textGlobs(matcher.lastArg);
  // Case-insensitive: git reads `core.sshCommand` and `core.sshcommand` alike.
  if (matcher.anyWord) compiled.anyWord = textGlobs(matcher.anyWord, { ignoreCase: true });
  if (matcher.anyAssignment) compiled.anyAssignment = textGlobs(matcher.anyAssignment);
  if (matcher.anyTarget) compiled.anyTarget = new Set(matcher.anyTarget);
  if (matcher.lastTarget) compiled.lastTarget = new Set(matcher.lastTarget);
  if (matcher.redirectTarget) compiled.redirectTarget = new Set(matcher.redirectTarget);
  if (matcher.anyPath) compiled.anyPath = paths(matcher.anyPath);
  if (matcher.lastPath) compiled.lastPath = paths(matcher.lastPath);
  if (matcher.anyPathAbove) compiled.anyPathAbove = [...matcher.anyPathAbove];
  if (matcher.maxOperands !== undefined) compiled.maxOperands = matcher.maxOperands;
  if (matcher.redirectTo) compiled.redirectTo = paths(matcher.redirectTo);
  if (matcher.pipeFrom) compiled.pipeFrom = textGlobs(matcher.pipeFrom, { ignoreCase: true });
  if (matcher.pipeTo) compiled.pipeTo = textGlobs(matcher.pipeTo, { ignoreCase: true });
  if (matcher.readsSecret) compiled.readsSecret = true;
  if (matcher.anyOf) compiled.anyOf = matcher.anyOf.map((sub) => new CompiledMatcher(sub, home, valueOptions));
  compiled.ownArguments = [
    'subcommand',
    'anyFlag',
    'noFlag',
    'anyArg',
    'anyWord',
    'anyPath',
    'lastPath',
    'anyPathAbove',
    'anyTarget',
    'lastTarget',
    'maxOperands',
    'lastArg',
  ].some((key) => key in compiled);
  compiled.testsArguments = compiled.ownArguments || (compiled.anyOf ?? []).some((sub) => sub.body.testsArguments);
  return compiled;
}

/** Compiles rules for one home directory (where `~/` globs are anchored). Rules must be valid (see bash-rule-validate.ts). */
export function compileBashRules(rules: readonly BashRule[], options: { home: string }): CompiledBashRule[] {
  return rules.map((rule) => ({
    id: rule.id,
    reason: rule.reason,
    severity: rule.severity ?? 'deny',
    matcher: new CompiledMatcher(rule, options.home, NONE),
  }));
}
