/**
 * The composition root of lib/shell: lexes and parses a command line, then every piece of shell
 * source it runs in turn — `$(…)`, backquotes, `<(…)`, `bash -c` strings, `eval` arguments,
 * here-documents fed to a shell, `echo … | sh` — one nesting level deeper each, into one flat
 * list of simple commands. Deeper than `maxDepth`, more source than `maxChars`, or more tokens,
 * commands, words or nested sources than lib/shell/limits.ts allows, throws: a guard treats
 * what it cannot see to the end as unsafe, and no command may cost it unbounded time or memory.
 */
import type { ParsedScript, SimpleCommand } from './commands.ts';
import { ShellParseError } from './errors.ts';
import { tokenize } from './lexer.ts';
import { WorkBudget, type ShellLimits } from './limits.ts';
import { parseTokens, type IdCounters, type NestedSource, type ParseResult } from './parser.ts';
import { appendStdinArgs, printedCode, StageIndex, stdinScripts } from './printed-code.ts';
import { settingScripts } from './code-settings.ts';
import { unwrapCommand } from './wrappers.ts';

export interface ParseScriptOptions {
  /** Nesting levels of `$(…)`, `bash -c`, `eval` … allowed. Default 8. */
  maxDepth?: number;
  /** Characters of shell source parsed in all, counting nested sources again. Default 1,000,000. */
  maxChars?: number;
  /** Caps on tokens, commands, words, nested sources and brace expansion; default lib/shell/limits.ts DEFAULT_LIMITS. */
  limits?: Partial<ShellLimits>;
}

export const DEFAULT_MAX_DEPTH = 8;
export const DEFAULT_MAX_CHARS = 1_000_000;

/** One parse of a command line: a queue of sources, each parsed once, feeding the flat result. */
class ScriptParser {
  readonly script: ParsedScript = { commands: [], functions: [] };
  private readonly queue: NestedSource[] = [];
  private readonly ids: IdCounters = { command: 0, pipeline: 0 };
  private readonly byId = new Map<number, SimpleCommand>();
  private readonly maxDepth: number;
  private readonly maxChars: number;
  private charsLeft: number;
  private readonly work: WorkBudget;

  constructor(options: ParseScriptOptions) {
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    this.charsLeft = this.maxChars;
    this.work = new WorkBudget(options.limits);
  }

  run(source: string): ParsedScript {
    this.queue.push({ source, depth: 0, pipelines: [] });
    for (let next = 0; next < this.queue.length; next += 1) this.parse(this.queue[next] as NestedSource);
    return this.script;
  }

  private parse(job: NestedSource): void {
    if (job.depth > this.maxDepth)
      throw new ShellParseError(
        'E_SHELL_TOO_DEEP',
        `$( … ), bash -c and eval nest more than ${this.maxDepth} levels deep`,
      );
    this.charsLeft -= job.source.length;
    if (this.charsLeft < 0)
      throw new ShellParseError(
        'E_SHELL_TOO_LARGE',
        `the command and the scripts nested in it exceed ${this.maxChars} characters`,
      );
    let parsed: ParseResult;
    try {
      parsed = parseTokens(tokenize(job.source, this.work), job, this.ids, this.work);
    } catch (error) {
      if (job.speculative && error instanceof ShellParseError && error.code === 'E_SHELL_SYNTAX') return;
      throw error;
    }
    const stages = new StageIndex();
    for (const command of parsed.commands) {
      const unwrapped = unwrapCommand(command.argv);
      command.unwrapped = unwrapped.views;
      stages.add(command);
      for (const script of unwrapped.scripts) this.runBy(command, script, job.depth);
      // Code in git settings and variables (lib/shell/code-settings.ts), and guesses for tools that may run their operands.
      for (const script of settingScripts(unwrapped.views, command.assignments)) this.runBy(command, script, job.depth);
      if (unwrapped.speculative !== undefined) {
        command.speculative = unwrapped.speculative.views;
        for (const script of unwrapped.speculative.scripts) this.runBy(command, script, job.depth, true);
      }
      if (unwrapped.stdinArgsFrom !== undefined)
        this.work.spend('words', appendStdinArgs(command, unwrapped.stdinArgsFrom, stages));
    }
    for (const command of parsed.commands) {
      this.byId.set(command.id, command);
      for (const script of stdinScripts(command, stages)) this.runBy(command, script, job.depth);
      const fed = command.feeds === undefined ? undefined : this.byId.get(command.feeds);
      const code = fed === undefined ? undefined : printedCode(command, fed);
      if (fed !== undefined && code !== undefined) this.runBy(fed, code, job.depth);
    }
    this.script.commands.push(...parsed.commands);
    this.script.functions.push(...parsed.functions);
    this.work.spend('sources', parsed.nested.length);
    this.queue.push(...parsed.nested);
  }

  /** Queues a script that `command` runs: it reads what `command` reads and feeds what it feeds. */
  private runBy(command: SimpleCommand, source: string, depth: number, speculative = false): void {
    const job: NestedSource = { source, depth: depth + 1, pipelines: command.pipelines, runBy: command.id };
    if (speculative) job.speculative = true;
    if (command.feeds !== undefined) job.feeds = command.feeds;
    if (command.stdinFrom !== undefined) job.stdinFrom = command.stdinFrom;
    this.work.spend('sources');
    this.queue.push(job);
  }
}

/** Parses `source` and everything it runs into a flat list of simple commands. Throws ShellParseError. */
export function parseScript(source: string, options: ParseScriptOptions = {}): ParsedScript {
  return new ScriptParser(options).run(source);
}
