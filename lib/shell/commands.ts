/**
 * What lib/shell/script.ts hands to a guard: every simple command a script can run, from every
 * nesting level, flattened, with enough structure kept (pipelines, substitutions, who runs whom)
 * to follow data from one command into another.
 */
import type { RedirectOperator } from './tokens.ts';

export interface Redirect {
  op: RedirectOperator;
  fd?: number;
  /** The file (or fd for `>&`/`<&`, the delimiter for `<<`, the string for `<<<`), after quote removal. */
  target: string;
  /** A here-document's body. */
  heredoc?: string;
}

/** Where a command sits in one pipeline: stage `index` of `length`. */
export interface PipelinePosition {
  pipelineId: number;
  index: number;
  length: number;
}

export interface SimpleCommand {
  /** Unique within one ParsedScript. */
  id: number;
  /** The words after expansion that the shell can do statically (quotes removed, braces); `$X`, `$(…)` stay as written. May be empty (`> file`). */
  argv: string[];
  /** `NAME=value` words before the command name. */
  assignments: string[];
  redirects: Redirect[];
  /** The innermost pipeline this command is a stage of (a lone command is a pipeline of one). */
  pipeline: PipelinePosition;
  /** Every pipeline it is part of, outermost first (a stage that is a `{ …; }` group puts its commands in both). */
  pipelines: PipelinePosition[];
  /** Started with `&`. */
  background: boolean;
  /** 0 for the script itself, +1 per `$(…)`, `bash -c`, `eval` … it sits inside. */
  depth: number;
  /** The command whose words hold this one's `$(…)`, `` `…` `` or `<(…)`: this command's output feeds it. */
  feeds?: number;
  /** The command whose `>(…)` this one is: it reads that command's output. */
  stdinFrom?: number;
  /** The command that runs this one as a script: `bash -c`, `eval`, `su -c`, `watch`, a shell reading a here-document. */
  runBy?: number;
  /** Set when this command is in the body of function `functionName`. */
  functionName?: string;
  /**
   * `argv` with one wrapper stripped per step (`sudo env rm -rf /` → `[sudo env rm -rf /]`,
   * `[env rm -rf /]`, `[rm -rf /]`); the first entry is `argv`, the last is what really runs.
   */
  unwrapped: string[][];
  /** The `for NAME in WORDS` loops it sits in, outermost first. */
  loops?: LoopBinding[];
  /** Guessed commands it may run (`strace -f rm -rf /` → `rm -rf /`): lib/shell/command-runners.ts. */
  speculative?: string[][];
}

/** `for NAME in WORDS`: the values NAME takes in the loop's body (words as written: globs and `$X` unexpanded). */
export interface LoopBinding {
  name: string;
  words: string[];
}

export interface FunctionDefinition {
  name: string;
  /** Ids of the commands in its body. */
  commandIds: number[];
}

export interface ParsedScript {
  commands: SimpleCommand[];
  functions: FunctionDefinition[];
}
