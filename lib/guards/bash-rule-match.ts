/**
 * Evaluates one compiled rule against one view of a simple command (the command as written, or
 * with some wrappers stripped). Every condition in a matcher must hold; `anyOf` adds "and one
 * of these". A hit carries the snippet to quote and whether it relied on a worst case (an empty
 * variable) or on a command name that is itself a variable.
 */
import { normalizePath } from '../paths.ts';
import type { ParsedScript, Redirect, SimpleCommand } from '../shell/commands.ts';
import { codeSettings, assignmentWords } from '../shell/code-settings.ts';
import { hasBadSubstitution } from '../shell/bad-substitution.ts';
import { commandName, programText, readsProgramFromStdin } from '../shell/interpreters.ts';
import { scanOptions, type ScannedArgs } from '../shell/options.ts';
import type { CommandGraph } from './bash-command-graph.ts';
import { isAtOrAbove, operandPaths, type OperandPath, type PathBase } from './bash-operand-paths.ts';
import type { PathGlobs } from './bash-path-globs.ts';
import { downloadedRunSnippet, hiddenCodeSnippet } from './bash-hidden-code.ts';
import { targetKind } from './bash-path-targets.ts';
import type { BashTarget } from './bash-rule-types.ts';
import type { CompiledMatcher, FlagSet, MatcherBody } from './bash-rule-compile.ts';
import { findSecretRead } from './bash-secret-match.ts';
import { snippetOf } from './bash-snippet.ts';
import type { TextMatcher } from './bash-text-glob.ts';

/** One way of reading a simple command: `argv` is one of its `unwrapped` entries. */
export interface CommandView {
  command: SimpleCommand;
  argv: readonly string[];
  /** Lower-cased basename of argv[0]. */
  name: string;
  /** argv[0] is a variable, substitution or glob: what runs is unknown. */
  opaque: boolean;
  base: PathBase;
  graph: CommandGraph;
  /** Scans of argv by value-option set, computed on first use. */
  scans: Map<ReadonlySet<string>, ScannedArgs> | undefined;
  /** The whole parsed command line (for what other commands of it did, such as download a file). */
  script?: ParsedScript;
  /** argv[0] is a variable whose known value gave another view (lib/guards/bash-views.ts). */
  resolved?: boolean;
  /** A guess (`strace -f rm -rf /` read as `rm -rf /`): only rules that test arguments apply. */
  speculative?: boolean;
}

export interface RuleHit {
  snippet: string;
  worstCase: boolean;
  opaque: boolean;
}

/** Redirections that write to their target. `>&` writes to a file only when its target is not an fd. */
const WRITES = new Set(['>', '>>', '>|', '<>', '&>', '&>>', '>&']);
// `[` alone is the test command; `[m]` in `/bin/r[m]` is a glob.
const OPAQUE = /[$`*?]|\[.*\]/;
/** A word that holds a command or process substitution. */
const SUBSTITUTION = /\$\(|`|<\(|>\(/;

/** Whether a command word hides what runs: `$RM`, `$(which rm)`, `/bin/r?`. */
export function isOpaqueWord(word: string): boolean {
  // `v${Date.now()}` (a JS template in `node -e "…"`) is a bad substitution: bash runs nothing.
  return OPAQUE.test(word) && !hasBadSubstitution(word);
}

/** Builds the view of `command` through `argv` (one of its unwrapped forms). */
export function commandView(
  command: SimpleCommand,
  argv: readonly string[],
  base: PathBase,
  graph: CommandGraph,
  script?: ParsedScript,
): CommandView {
  const first = argv[0] ?? '';
  // Every field set, in one order: views share one object shape, which the rules read often.
  return {
    command,
    argv,
    name: commandName(first),
    opaque: first !== '' && isOpaqueWord(first),
    base,
    graph,
    scans: undefined,
    script,
    resolved: false,
    speculative: false,
  };
}

function scan(view: CommandView, valueOptions: ReadonlySet<string>): ScannedArgs {
  // Most views are turned away by name and never scanned: the Map is made on the first scan.
  view.scans ??= new Map();
  let scanned = view.scans.get(valueOptions);
  if (scanned === undefined) {
    scanned =
      view.name === 'find' ? scanFind(view.argv) : scanOptions(view.argv.slice(1), { takesValue: valueOptions });
    view.scans.set(valueOptions, scanned);
  }
  return scanned;
}

/** find's own options and its expression are not getopt-style: its operands are the start points before the expression. */
function scanFind(argv: readonly string[]): ScannedArgs {
  const result: ScannedArgs = { short: new Set(), long: [], values: new Map(), operands: [], rest: argv.length - 1 };
  let i = 1;
  while (i < argv.length && /^-(?:[HLP]+|D|O\d*)$/.test(argv[i] as string)) i += argv[i] === '-D' ? 2 : 1;
  for (; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if ((arg.startsWith('-') && arg.length > 1) || arg === '(' || arg === '!' || arg === ',' || arg === ')') break;
    result.operands.push(arg);
  }
  // Without a start point find walks `.`.
  if (result.operands.length === 0) result.operands.push('.');
  return result;
}

function findTarget(operands: readonly string[], kinds: ReadonlySet<BashTarget>, base: PathBase): boolean {
  return operands.some((operand) => {
    if (operand === '') return false;
    const kind = targetKind(operand, base);
    return kind !== 'inside' && kind !== 'temp' && kinds.has(kind);
  });
}

function hasAnyFlag(args: ScannedArgs, flags: FlagSet): boolean {
  for (const letter of args.short) if (flags.short.has(letter)) return true;
  // GNU getopt accepts any unambiguous prefix of a long option: `--recur` is `--recursive`.
  return args.long.some((written) => written !== '' && flags.long.some((name) => name.startsWith(written)));
}

function findPath(operands: readonly string[], globs: PathGlobs, base: PathBase): OperandPath | undefined {
  for (const operand of operands) {
    for (const candidate of operandPaths(operand, base)) {
      if (globs.test(candidate.path)) return candidate;
    }
  }
  return undefined;
}

function findAbove(
  operands: readonly string[],
  directories: readonly string[],
  base: PathBase,
): OperandPath | undefined {
  const targets = directories.map((directory) => normalizePath(directory, base.cwd, base.home));
  for (const operand of operands) {
    // Only here does an empty variable count: `rm -rf "$DIR/"` is the classic way to wipe a disk.
    for (const candidate of operandPaths(operand, base, { worstCase: true })) {
      if (targets.some((target) => isAtOrAbove(candidate.path, target))) return candidate;
    }
  }
  return undefined;
}

/** Redirections that empty their file before writing. */
const TRUNCATES = new Set(['>', '>|', '&>', '>&']);

function findRedirectTarget(
  redirects: readonly Redirect[],
  kinds: ReadonlySet<BashTarget>,
  base: PathBase,
): Redirect | undefined {
  return redirects.find((redirect) => {
    if (!TRUNCATES.has(redirect.op) || (redirect.op === '>&' && /^(?:\d+|-)$/.test(redirect.target))) return false;
    // /dev/null, /dev/stderr, /dev/tty …: devices are device-write's business, and most are harmless.
    if (redirect.target.startsWith('/dev/') || redirect.target.startsWith('/proc/self/fd/')) return false;
    return findTarget([redirect.target], kinds, base);
  });
}

function findRedirect(
  redirects: readonly Redirect[],
  globs: PathGlobs,
  base: PathBase,
): { redirect: Redirect; path: OperandPath } | undefined {
  for (const redirect of redirects) {
    if (!WRITES.has(redirect.op) || (redirect.op === '>&' && /^(?:\d+|-)$/.test(redirect.target))) continue;
    const path = findPath([redirect.target], globs, base);
    if (path !== undefined) return { redirect, path };
  }
  return undefined;
}

function runsAs(command: SimpleCommand, names: TextMatcher): boolean {
  return command.unwrapped.some((argv) => {
    const first = argv[0] ?? '';
    return first !== '' && (isOpaqueWord(first) || names.test(commandName(first)));
  });
}

/**
 * `curl … | sh`, `sh <(curl …)`, `bash -c "$(curl …)"`: output of a `from` command reaches this
 * program (one that runs code, checked by the caller) as its code, through stdin or through a
 * substitution in program position.
 */
function findPipe(view: CommandView, from: TextMatcher): string | undefined {
  const test = (source: SimpleCommand) => runsAs(source, from);
  const sourceName = (source: SimpleCommand) => commandName(source.argv[0] ?? '');
  const target = view.opaque ? snippetOf(view.argv.slice(0, 1)) : view.name;
  const program = view.opaque ? view.argv[0] : programText(view.argv);
  const byArgument =
    program !== undefined && SUBSTITUTION.test(program)
      ? view.graph.findSource(view.command, false, test, from)
      : undefined;
  if (byArgument !== undefined) return view.opaque ? target : `${target} … $(${sourceName(byArgument)} …)`;
  if (!readsProgramFromStdin(view.argv)) return undefined;
  const byStdin = view.graph.findSource(view.command, true, test, from);
  return byStdin === undefined ? undefined : `${sourceName(byStdin)} … | ${target}`;
}

function forkBombSnippet(view: CommandView): string | undefined {
  const { command } = view;
  const name = command.functionName;
  if (name === undefined || command.argv[0] !== name) return undefined;
  return command.pipeline.length > 1 || command.background ? `${name}(){ … }` : undefined;
}

/** The conditions on operands and options; notes in `hit` when a path matched only in its worst case. */
function argumentsHold(body: MatcherBody, view: CommandView, hit: Partial<RuleHit>): boolean {
  const args = scan(view, body.valueOptions);
  const subcommand = body.subcommand;
  if (
    subcommand &&
    !subcommand.some((positions) =>
      positions.every((matcher, index) => {
        const operand = args.operands[index];
        return operand !== undefined && matcher.test(operand);
      }),
    )
  )
    return false;
  if (body.anyFlag && !hasAnyFlag(args, body.anyFlag)) return false;
  if (body.noFlag && hasAnyFlag(args, body.noFlag)) return false;
  const anyArg = body.anyArg;
  if (anyArg && !args.operands.some((operand) => anyArg.test(operand))) return false;
  const lastArg = body.lastArg;
  if (lastArg) {
    const last = args.operands[args.operands.length - 1];
    if (last === undefined || !lastArg.test(last)) return false;
  }
  const anyWord = body.anyWord;
  if (anyWord && !view.argv.some((word, index) => index > 0 && anyWord.test(word))) return false;
  if (body.anyTarget && !findTarget(args.operands, body.anyTarget, view.base)) return false;
  if (body.lastTarget) {
    const last = args.operands[args.operands.length - 1];
    if (last === undefined || !findTarget([last], body.lastTarget, view.base)) return false;
  }
  if (body.maxOperands !== undefined && args.operands.length > body.maxOperands) return false;
  const paths: Array<OperandPath | undefined> = [];
  if (body.anyPath) paths.push(findPath(args.operands, body.anyPath, view.base));
  if (body.lastPath) {
    const last = args.operands[args.operands.length - 1];
    paths.push(last === undefined ? undefined : findPath([last], body.lastPath, view.base));
  }
  if (body.anyPathAbove) paths.push(findAbove(args.operands, body.anyPathAbove, view.base));
  for (const path of paths) {
    if (path === undefined) return false;
    if (path.worstCase) hit.worstCase = true;
  }
  return true;
}

function evaluate(matcher: CompiledMatcher, view: CommandView): Partial<RuleHit> | undefined {
  let opaque = false;
  if (matcher.command) {
    if (view.opaque) {
      if (!matcher.body.testsArguments) return undefined;
      opaque = true;
    } else if (matcher.names !== undefined ? !matcher.names.has(view.name) : !matcher.command.test(view.name))
      // A Set lookup where the names are plain (an `anyOf` entry's names are tested here, not in matchView).
      return undefined;
  }
  const body = matcher.body;
  const hit: Partial<RuleHit> = {};
  if (opaque) hit.opaque = true;
  // Each group of conditions lives in its own function, compiled only when a rule has it.
  if (body.ownArguments && !argumentsHold(body, view, hit)) return undefined;
  if (body.redirectTo) {
    const found = findRedirect(view.command.redirects, body.redirectTo, view.base);
    if (found === undefined) return undefined;
    const { redirect, path } = found;
    hit.snippet = snippetOf([`${redirect.fd ?? ''}${redirect.op}`, redirect.target]);
    if (path.worstCase) hit.worstCase = true;
  }
  if (body.redirectTarget) {
    const found = findRedirectTarget(view.command.redirects, body.redirectTarget, view.base);
    if (found === undefined) return undefined;
    hit.snippet = snippetOf([`${found.fd ?? ''}${found.op}`, found.target]);
  }
  const anyAssignment = body.anyAssignment;
  if (anyAssignment) {
    const found = assignmentWords(view.argv, view.command.assignments).find((word) => anyAssignment.test(word));
    if (found === undefined) return undefined;
    hit.snippet = snippetOf([found]);
  }
  if (body.codeSetting) {
    const found = codeSettings(view.argv, view.command.assignments, view.name).find((setting) => !setting.plain);
    if (found === undefined) return undefined;
    hit.snippet = snippetOf([`${found.name}=${found.value}`]);
  }
  if (body.hiddenCode) {
    const snippet = hiddenCodeSnippet(view);
    if (snippet === undefined) return undefined;
    hit.snippet = snippet;
  }
  if (body.runsDownload) {
    const snippet = downloadedRunSnippet(view);
    if (snippet === undefined) return undefined;
    hit.snippet = snippet;
  }
  if (body.pipeFrom && body.pipeTo) {
    // Only a program that runs code, or one hidden in a variable, can be the end of such a pipe.
    if (view.argv.length === 0 || !(view.opaque || body.pipeTo.test(view.name))) return undefined;
    const snippet = findPipe(view, body.pipeFrom);
    if (snippet === undefined) return undefined;
    hit.snippet = snippet;
  }
  if (body.readsSecret) {
    const snippet = findSecretRead(view.command, view.argv, view.base, view.graph);
    if (snippet === undefined) return undefined;
    hit.snippet = snippet;
  }
  if (body.forkBomb) {
    const snippet = forkBombSnippet(view);
    if (snippet === undefined) return undefined;
    hit.snippet = snippet;
  }
  if (body.anyOf) {
    let sub: Partial<RuleHit> | undefined;
    for (const alternative of body.anyOf) {
      sub = evaluate(alternative, view);
      if (sub !== undefined) break;
    }
    if (sub === undefined) return undefined;
    Object.assign(hit, sub);
  }
  return hit;
}

/** Matches `matcher` against one view of a command; undefined when some condition fails. */
export function matchView(matcher: CompiledMatcher, view: CommandView): RuleHit | undefined {
  // The common case first: a rule about other programs (command names are lower-cased already).
  if (matcher.names !== undefined && !view.opaque && !matcher.names.has(view.name)) return undefined;
  // A guessed view is tried only on rules that look at its arguments: `apt install sudo` is not sudo.
  if (view.speculative && !matcher.body.testsArguments) return undefined;
  const hit = evaluate(matcher, view);
  if (hit === undefined) return undefined;
  return {
    snippet: hit.snippet ?? snippetOf(view.argv),
    worstCase: hit.worstCase === true,
    opaque: hit.opaque === true,
  };
}
