// The differential oracle's reading of a command line: mvdan/sh (the parser behind shfmt, through
// the `mvdan-sh` package) parses it, and this turns its syntax tree into the same summary
// summarizeOurs() makes from lib/shell's ParsedScript, so the two can be compared as multisets:
//   - each simple command that runs: its words after quote removal (expansions kept as written,
//     as lib/shell keeps them), how many assignments it has, and inside how many `$(…)`/`<(…)` it sits;
//   - each redirection: fd, operator, target.
// mvdan/sh parses but does not expand, so brace expansion and `$IFS` splitting, which lib/shell
// applies to find hidden command names, are applied to its words with lib/shell's own helper.
import { createRequire } from 'node:module';
import { decodeEscapes } from '../../../lib/shell/ansi-c.ts';
import type { ParsedScript, SimpleCommand } from '../../../lib/shell/commands.ts';
import { expandBraces } from '../../../lib/shell/word-expansion.ts';

const { syntax } = createRequire(import.meta.url)('mvdan-sh') as typeof import('mvdan-sh');

export interface Summary {
  commands: string[];
  redirects: string[];
}

type Node = any;
const IFS = /\$\{IFS[^}]*\}|\$IFS(?![A-Za-z0-9_])/g;

/** A parse error's message, or the summary of `source` as mvdan/sh reads it (bash variant). */
export function summarizeMvdan(source: string): Summary | { error: string } {
  const bytes = Buffer.from(source, 'utf8');
  const slice = (node: Node) => bytes.subarray(node.Pos().Offset(), node.End().Offset()).toString('utf8');
  let file: Node;
  try {
    file = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash)).Parse(source, 'command.sh');
  } catch (error) {
    const e = error as Node;
    return { error: typeof e?.Error === 'function' ? String(e.Error()) : String(e) };
  }
  // How many substitutions each node sits in. Walk hands out new wrapper objects on every visit, so nodes are keyed by type and span.
  const key = (node: Node) => `${syntax.NodeType(node)}:${node.Pos().Offset()}:${node.End().Offset()}`;
  const depth = new Map<string, number>();
  syntax.Walk(file, (node: Node) => {
    if (node === null) return true;
    const type = syntax.NodeType(node);
    if (type === 'CmdSubst' || type === 'ProcSubst') {
      syntax.Walk(node, (inner: Node) => {
        if (inner !== null && key(inner) !== key(node)) depth.set(key(inner), (depth.get(key(inner)) ?? 0) + 1);
        return true;
      });
    }
    return true;
  });
  const words = (word: Node) => expandLikeUs(word, wordText(word, slice));
  const assignText = (assign: Node) => {
    if (assign.Naked) return assign.Name ? assign.Name.Value : assign.Value ? wordText(assign.Value, slice) : '';
    const value = assign.Value ? wordText(assign.Value, slice) : assign.Array ? slice(assign.Array) : '';
    return `${assign.Name.Value}${assign.Append ? '+=' : '='}${value}`;
  };
  const summary: Summary = { commands: [], redirects: [] };
  syntax.Walk(file, (node: Node) => {
    if (node === null) return true;
    const type = syntax.NodeType(node);
    const level = depth.get(key(node)) ?? 0;
    if (type === 'CallExpr') {
      summary.commands.push(signature(level, node.Args.flatMap(words), node.Assigns.length));
    } else if (type === 'DeclClause') {
      summary.commands.push(signature(level, [node.Variant.Value, ...node.Args.map(assignText)], 0));
    } else if (type === 'LetClause') {
      summary.commands.push(signature(level, ['let', ...node.Exprs.map(slice)], 0));
    } else if (type === 'Redirect') {
      const op = bytes.subarray(node.OpPos.Offset(), node.Word.Pos().Offset()).toString('utf8').trim();
      summary.redirects.push(redirectSignature(node.N ? node.N.Value : '', op, wordText(node.Word, slice)));
    }
    return true;
  });
  summary.commands.sort();
  summary.redirects.sort();
  return summary;
}

function signature(level: number, argv: readonly string[], assignments: number): string {
  return `${level}|${JSON.stringify(argv)}|${assignments}`;
}

function redirectSignature(fd: string | number, op: string, target: string): string {
  return `${fd}${op} ${JSON.stringify(target)}`;
}

/** A word's text after quote removal, expansions as written: what lib/shell's lexer makes of it. */
function wordText(word: Node, slice: (node: Node) => string, inDoubleQuotes = false): string {
  let text = '';
  for (const part of word.Parts) {
    const type = syntax.NodeType(part);
    if (type === 'Lit') {
      text += inDoubleQuotes
        ? part.Value.replace(/\\\n/g, '').replace(/\\([$`"\\])/g, '$1')
        : part.Value.replace(/\\\n/g, '').replace(/\\([\s\S])/g, '$1');
    } else if (type === 'SglQuoted') {
      text += part.Dollar ? decodeEscapes(part.Value) : part.Value;
    } else if (type === 'DblQuoted') {
      text += wordText(part, slice, true);
    } else {
      text += slice(part); // $X, ${…}, $(…), `…`, $((…)), <(…), extended globs: kept as written
    }
  }
  return text;
}

/** lib/shell's two word expansions (lib/shell/word-expansion.ts), applied to an unquoted brace or `$IFS`. */
function expandLikeUs(word: Node, text: string): string[] {
  const unquotedBraces = word.Parts.some((part: Node) => syntax.NodeType(part) === 'Lit' && part.Value.includes('{'));
  let out = unquotedBraces && text.includes(',') ? safeExpand(text) : [text];
  if (text.includes('IFS')) out = out.flatMap((w) => w.split(IFS)).filter((w) => w !== '');
  return out;
}

function safeExpand(text: string): string[] {
  try {
    return expandBraces(text);
  } catch {
    return [text];
  }
}

/** The same summary of lib/shell's parse: only what the source itself runs (not `bash -c` strings, `eval`, …). */
export function summarizeOurs(script: ParsedScript): Summary {
  const byId = new Map(script.commands.map((command) => [command.id, command]));
  const summary: Summary = { commands: [], redirects: [] };
  for (const command of script.commands) {
    const level = substitutionDepth(command, byId);
    if (level === undefined) continue; // in a script some command runs: mvdan/sh sees a string there
    for (const redirect of command.redirects)
      summary.redirects.push(redirectSignature(redirect.fd ?? '', redirect.op, redirect.target));
    if (command.argv[0] === '[[') continue; // `[[ … ]]`'s words, kept as a pseudo-command: not a command in bash
    if (command.argv.length === 0 && command.assignments.length === 0) continue; // redirections of a compound command
    summary.commands.push(signature(level, command.argv, command.assignments.length));
  }
  summary.commands.sort();
  summary.redirects.sort();
  return summary;
}

/**
 * How many substitutions `command` sits in (its nesting depth: no script another command runs is
 * on the way), or undefined when it comes from such a script. A substitution in a `for` list
 * feeds no command, so the depth, not the chain of `feeds`, counts the levels.
 */
function substitutionDepth(command: SimpleCommand, byId: ReadonlyMap<number, SimpleCommand>): number | undefined {
  for (let current: SimpleCommand | undefined = command; current !== undefined; ) {
    if (current.runBy !== undefined) return undefined;
    const parent = current.feeds ?? current.stdinFrom;
    if (parent === undefined) break;
    current = byId.get(parent);
  }
  return command.depth;
}
