/**
 * Shell code that is assembled from printed text rather than written out: `echo 'rm -rf /' | sh`,
 * `bash <<EOF`, `sh <(echo …)`, `$(echo rm) -rf /`, `echo / | xargs rm`. Each function finds
 * the text such a construct runs, so lib/shell/script.ts can parse it like any other script.
 */
import { decodeEscapes } from './ansi-c.ts';
import type { SimpleCommand } from './commands.ts';
import { inlineCodeScripts } from './inline-code.ts';
import { languageOf, stdinProgramLanguage } from './inline-programs.ts';
import { findStartPoints } from './command-runners.ts';
import { commandName, isShell, readsProgramFromStdin, shellCommandString } from './interpreters.ts';

/** The text `echo …` or `printf …` writes, or undefined for any other command. */
function printedText(argv: readonly string[]): string | undefined {
  const name = commandName(argv[0] ?? '');
  if (name === 'echo') {
    let i = 1;
    while (i < argv.length && /^-[neE]+$/.test(argv[i] as string)) i += 1;
    // dash's echo, which `sh` is on Debian, interprets escapes even without -e.
    return decodeEscapes(argv.slice(i).join(' '));
  }
  if (name === 'printf') {
    const [format = '', ...args] = argv.slice(1);
    let next = 0;
    const text = format.replace(/%[sbdq]/g, () => args[next++] ?? '');
    return decodeEscapes([text, ...args.slice(next)].join(' '));
  }
  return undefined;
}

/** Finds commands by pipeline position, for "what does the previous stage print". */
export class StageIndex {
  private readonly stages = new Map<string, SimpleCommand[]>();

  add(command: SimpleCommand): void {
    const key = `${command.pipeline.pipelineId}:${command.pipeline.index}`;
    const list = this.stages.get(key);
    if (list) list.push(command);
    else this.stages.set(key, [command]);
  }

  /** The text printed into `command`'s stdin by an `echo`/`printf` right before it in its pipeline. */
  printedInto(command: SimpleCommand): string | undefined {
    const { pipelineId, index } = command.pipeline;
    if (index === 0) return undefined;
    const previous = this.stages.get(`${pipelineId}:${index - 1}`);
    if (previous?.length !== 1) return undefined;
    const [stage] = previous as [SimpleCommand];
    return printedText(stage.unwrapped[stage.unwrapped.length - 1] ?? []);
  }

  /** What `find DIRS … |` prints into `command`: paths under DIRS, so DIRS stand in for them (`find . | xargs rm -rf` is `rm -rf .` at worst). */
  foundInto(command: SimpleCommand): string | undefined {
    const { pipelineId, index } = command.pipeline;
    if (index === 0) return undefined;
    const previous = this.stages.get(`${pipelineId}:${index - 1}`);
    if (previous?.length !== 1) return undefined;
    const [stage] = previous as [SimpleCommand];
    const view = stage.unwrapped[stage.unwrapped.length - 1] ?? [];
    return commandName(view[0] ?? '') === 'find' ? findStartPoints(view).join(' ') : undefined;
  }
}

/** Scripts a shell reads from stdin: a here-document, a here-string, or `echo … |`. */
export function stdinScripts(command: SimpleCommand, stages: StageIndex): string[] {
  const view = command.unwrapped[command.unwrapped.length - 1] ?? [];
  // Most commands are not shells: decide that before compiling the rest.
  const name = commandName(view[0] ?? '');
  if (isShell(name)) return shellStdinScripts(command, view, stages);
  // `python3 - <<EOF`, `echo "…" | node`: the program is scanned for the commands it runs (lib/shell/inline-code.ts).
  const language = languageOf(name) === undefined ? undefined : stdinProgramLanguage(view);
  if (language === undefined) return [];
  return stdinTexts(command, stages).flatMap((code) => inlineCodeScripts(language, code));
}

/** The text a command gets on stdin from a here-document, a here-string or an `echo …` before it. */
function stdinTexts(command: SimpleCommand, stages: StageIndex): string[] {
  const texts: string[] = [];
  for (const redirect of command.redirects) {
    if (redirect.heredoc !== undefined) texts.push(redirect.heredoc);
    else if (redirect.op === '<<<') texts.push(redirect.target);
  }
  const printed = stages.printedInto(command);
  if (printed !== undefined) texts.push(printed);
  return texts;
}

function shellStdinScripts(command: SimpleCommand, view: readonly string[], stages: StageIndex): string[] {
  if (!readsProgramFromStdin(view)) return [];
  const scripts: string[] = [];
  for (const redirect of command.redirects) {
    if (redirect.heredoc !== undefined) scripts.push(redirect.heredoc);
    else if (redirect.op === '<<<') scripts.push(redirect.target);
  }
  const printed = stages.printedInto(command);
  if (printed !== undefined) scripts.push(printed);
  return scripts;
}

const SOURCES = new Set(['source', '.']);
/** The text of a here-string or here-document a command reads (`xargs rm <<< dir`). */
function stdinText(command: SimpleCommand): string | undefined {
  for (const redirect of command.redirects) {
    if (redirect.heredoc !== undefined) return redirect.heredoc;
    if (redirect.op === '<<<') return redirect.target;
  }
  return undefined;
}

/** What `xargs` appends when what it reads is not known: a substitution, which no path rule can resolve. */
export const UNKNOWN_INPUT = '$(stdin)';

/**
 * Code built from printed text: `$(echo rm) -rf /` runs `rm -rf /`, and so do
 * `sh <(echo 'rm -rf /')` and `source <(printf 'rm -rf /')`. `command` prints into `fed`.
 */
export function printedCode(command: SimpleCommand, fed: SimpleCommand): string | undefined {
  const printed = printedText(command.unwrapped[command.unwrapped.length - 1] ?? []);
  if (printed === undefined) return undefined;
  const first = fed.argv[0] ?? '';
  if (first.startsWith('$(') || first.startsWith('`')) return [printed, ...fed.argv.slice(1)].join(' ');
  const view = fed.unwrapped[fed.unwrapped.length - 1] ?? [];
  const name = commandName(view[0] ?? '');
  return (isShell(name) && shellCommandString(view) === undefined) || SOURCES.has(name) ? printed : undefined;
}

/**
 * `echo / | xargs rm -rf` runs `rm -rf /`: appends what the previous stage prints to the views
 * after `xargs`. Returns how many words it added in all, for the word cap (lib/shell/limits.ts).
 */
export function appendStdinArgs(command: SimpleCommand, from: number, stages: StageIndex): number {
  const printed = stages.printedInto(command) ?? stdinText(command) ?? stages.foundInto(command);
  // Input that is not printed text here (`ls / | xargs rm -rf`) could be anything: a word that says so.
  const words = printed === undefined ? [UNKNOWN_INPUT] : printed.split(/\s+/).filter((word) => word !== '');
  let added = 0;
  for (let i = from; i < command.unwrapped.length; i += 1) {
    command.unwrapped[i]?.push(...words);
    added += words.length;
  }
  return added;
}
