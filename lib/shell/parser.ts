/**
 * A recursive-descent parser over lib/shell/lexer.ts tokens. It understands lists, pipelines,
 * `&&`/`||`, subshells, `{ …; }`, if/while/until/for/select/case, functions, `[[ … ]]` and
 * `(( … ))` well enough to find every simple command in them, and returns those as a flat list.
 * Command substitutions are not parsed here: they come back as `nested` sources, each tagged
 * with the command it feeds, for lib/shell/script.ts to parse one level deeper.
 */
import type { FunctionDefinition, LoopBinding, PipelinePosition, Redirect, SimpleCommand } from './commands.ts';
import { ShellParseError } from './errors.ts';
import { WorkBudget } from './limits.ts';
import type { ControlOperator, RedirectToken, Substitution, Token, WordToken } from './tokens.ts';
import { expandWord } from './word-expansion.ts';

/** Shell source found while parsing that runs as well: a substitution, or a script given to `bash -c`. */
export interface NestedSource {
  source: string;
  depth: number;
  /** Pipelines the nested commands inherit (a `bash -c` script reads the stdin of `bash`). */
  pipelines: PipelinePosition[];
  feeds?: number;
  stdinFrom?: number;
  runBy?: number;
  /** Parsed only in case it is shell (`((…))` is arithmetic in bash but two subshells in dash): a syntax error in it is ignored. */
  speculative?: boolean;
}

/** Counters shared by every parse of one script, so ids stay unique across nesting levels. */
export interface IdCounters {
  command: number;
  pipeline: number;
}

export interface ParseResult {
  commands: SimpleCommand[];
  functions: FunctionDefinition[];
  nested: NestedSource[];
}

/** Words that open or close compound commands, and so cannot start a simple command. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;
const CASE_END: readonly ControlOperator[] = [';;', ';&', ';;&'];
/** Compound commands nested deeper than this are not hand-written: stop before the stack does. */
const MAX_NESTING = 200;

type Stop = (token: Token) => boolean;

function describe(token: Token | undefined): string {
  if (token === undefined) return 'end of input';
  if (token.kind === 'word') return `\`${token.raw}\``;
  return token.kind === 'op' ? (token.op === '\n' ? 'newline' : `\`${token.op}\``) : `\`${token.op}\``;
}

function isWord(token: Token | undefined, ...texts: string[]): boolean {
  return token?.kind === 'word' && !token.quoted && texts.includes(token.text);
}

function isOp(token: Token | undefined, ...ops: ControlOperator[]): boolean {
  return token?.kind === 'op' && ops.includes(token.op);
}

const stopAtWords =
  (...texts: string[]): Stop =>
  (token) =>
    isWord(token, ...texts);

class Parser {
  readonly commands: SimpleCommand[] = [];
  readonly functions: FunctionDefinition[] = [];
  readonly nested: NestedSource[] = [];
  private readonly tokens: Token[];
  private readonly context: NestedSource;
  private readonly ids: IdCounters;
  private readonly functionNames: string[] = [];
  /** The `for NAME in WORDS` loops around the command being parsed, innermost last. */
  private readonly loops: LoopBinding[] = [];
  /** Caps on commands and words (lib/shell/limits.ts), shared by every source of one script. */
  private readonly budget: WorkBudget;
  private i = 0;
  private nesting = 0;

  constructor(tokens: Token[], context: NestedSource, ids: IdCounters, budget: WorkBudget) {
    this.tokens = tokens;
    this.context = context;
    this.ids = ids;
    this.budget = budget;
  }

  parse(): void {
    this.parseList(() => false);
    const rest = this.peek();
    if (rest !== undefined) this.unexpected(rest);
    for (const command of this.commands) {
      command.pipeline = command.pipelines[command.pipelines.length - 1] as PipelinePosition;
    }
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private unexpected(token: Token | undefined, expected?: string): never {
    const where = token === undefined ? undefined : token.start;
    const message = `syntax error: unexpected ${describe(token)}${expected ? `, expected ${expected}` : ''}`;
    throw new ShellParseError(
      'E_SHELL_SYNTAX',
      where === undefined ? message : `${message} (at offset ${where})`,
      where,
    );
  }

  private expectWord(text: string): void {
    const token = this.peek();
    if (!isWord(token, text)) this.unexpected(token, `\`${text}\``);
    this.i += 1;
  }

  private skipNewlines(): void {
    while (isOp(this.peek(), '\n')) this.i += 1;
  }

  /** Commands separated by `;`, `&` or newlines, up to a token `stop` accepts (not consumed). */
  private parseList(stop: Stop): void {
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token === undefined || stop(token)) return;
      const first = this.commands.length;
      this.parseAndOr();
      const separator = this.peek();
      if (separator === undefined || stop(separator)) return;
      if (!isOp(separator, ';', '&', '\n')) this.unexpected(separator);
      this.i += 1;
      if (isOp(separator, '&')) {
        for (const command of this.commands.slice(first)) command.background = true;
      }
    }
  }

  private parseAndOr(): void {
    this.parsePipeline();
    while (isOp(this.peek(), '&&', '||')) {
      this.i += 1;
      this.skipNewlines();
      this.parsePipeline();
    }
  }

  private parsePipeline(): void {
    let prefixed = false;
    while (isWord(this.peek(), '!', 'time')) {
      this.i += 1;
      if (isWord(this.tokens[this.i - 1], 'time') && isWord(this.peek(), '-p')) this.i += 1;
      prefixed = true;
    }
    const next = this.peek();
    // `time` or `!` before a separator: runs nothing.
    if (prefixed && (next === undefined || (next.kind === 'op' && next.op !== '('))) return;
    const stages: Array<[number, number]> = [];
    for (;;) {
      const from = this.commands.length;
      this.parseCommand();
      stages.push([from, this.commands.length]);
      if (!isOp(this.peek(), '|', '|&')) break;
      this.i += 1;
      this.skipNewlines();
    }
    const pipelineId = this.ids.pipeline++;
    const at = this.context.pipelines.length;
    stages.forEach(([from, to], index) => {
      for (const command of this.commands.slice(from, to)) {
        command.pipelines.splice(at, 0, { pipelineId, index, length: stages.length });
      }
    });
  }

  private parseCommand(): void {
    this.nesting += 1;
    if (this.nesting > MAX_NESTING) {
      throw new ShellParseError(
        'E_SHELL_TOO_DEEP',
        `compound commands nest more than ${MAX_NESTING} levels deep`,
        this.peek()?.start,
      );
    }
    this.parseCompoundOrSimple();
    this.nesting -= 1;
  }

  private parseCompoundOrSimple(): void {
    const token = this.peek();
    if (token === undefined) this.unexpected(token);
    if (token.kind === 'op') {
      if (token.op !== '(') this.unexpected(token);
      this.i += 1;
      this.parseList((t) => isOp(t, ')'));
      if (!isOp(this.peek(), ')')) this.unexpected(this.peek(), '`)`');
      this.i += 1;
      this.parseTrailingRedirects();
      return;
    }
    if (token.kind === 'word' && !token.quoted) {
      if (token.arithmetic) {
        this.i += 1;
        this.addArithmetic(token);
        this.parseTrailingRedirects();
        return;
      }
      switch (token.text) {
        case '{':
          this.i += 1;
          this.parseList(stopAtWords('}'));
          this.expectWord('}');
          this.parseTrailingRedirects();
          return;
        case 'if':
          this.parseIf();
          return;
        case 'while':
        case 'until':
          this.i += 1;
          this.parseList(stopAtWords('do'));
          this.parseDoGroup();
          return;
        case 'for':
        case 'select':
          this.parseFor();
          return;
        case 'case':
          this.parseCase();
          return;
        case 'function':
          this.parseFunctionKeyword();
          return;
        case '[[':
          this.parseTest();
          return;
        default:
          if (CLOSERS.has(token.text)) this.unexpected(token);
      }
      if (isOp(this.peek(1), '(') && isOp(this.peek(2), ')')) {
        this.i += 3;
        this.parseFunctionBody(token.text);
        return;
      }
    }
    this.parseSimpleCommand();
  }

  private parseIf(): void {
    this.i += 1;
    this.parseList(stopAtWords('then'));
    this.expectWord('then');
    this.parseList(stopAtWords('elif', 'else', 'fi'));
    for (;;) {
      const token = this.peek();
      if (isWord(token, 'elif')) {
        this.i += 1;
        this.parseList(stopAtWords('then'));
        this.expectWord('then');
        this.parseList(stopAtWords('elif', 'else', 'fi'));
      } else if (isWord(token, 'else')) {
        this.i += 1;
        this.parseList(stopAtWords('fi'));
      } else {
        this.expectWord('fi');
        break;
      }
    }
    this.parseTrailingRedirects();
  }

  private parseDoGroup(): void {
    if (isWord(this.peek(), '{')) {
      this.parseCommand(); // `for x in y; { …; }`, an old bash spelling
      return;
    }
    this.expectWord('do');
    this.parseList(stopAtWords('done'));
    this.expectWord('done');
    this.parseTrailingRedirects();
  }

  private parseFor(): void {
    this.i += 1;
    const head = this.peek();
    let loop: LoopBinding | undefined;
    if (head?.kind === 'word' && head.arithmetic) {
      this.i += 1;
      this.addArithmetic(head);
    } else {
      if (head?.kind !== 'word') this.unexpected(head, 'a variable name');
      this.i += 1;
      this.skipNewlines();
      if (isWord(this.peek(), 'in')) {
        this.i += 1;
        const words: string[] = [];
        for (let token = this.peek(); token?.kind === 'word'; token = this.peek()) {
          this.collect(token, undefined);
          words.push(...expandWord(token));
          this.i += 1;
        }
        // `for d in dist build; do rm -rf "$d"; done`: the body's commands know what $d can be.
        loop = { name: head.text, words };
      }
    }
    if (isOp(this.peek(), ';')) this.i += 1;
    this.skipNewlines();
    if (loop !== undefined) this.loops.push(loop);
    this.parseDoGroup();
    if (loop !== undefined) this.loops.pop();
  }

  private parseCase(): void {
    this.i += 1;
    const subject = this.peek();
    if (subject?.kind !== 'word') this.unexpected(subject, 'a word');
    this.collect(subject, undefined);
    this.i += 1;
    this.skipNewlines();
    this.expectWord('in');
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (isWord(token, 'esac')) {
        this.i += 1;
        break;
      }
      if (isOp(token, '(')) this.i += 1;
      for (;;) {
        const pattern = this.peek();
        if (pattern?.kind !== 'word') this.unexpected(pattern, 'a case pattern');
        this.collect(pattern, undefined);
        this.i += 1;
        if (isOp(this.peek(), '|')) {
          this.i += 1;
          continue;
        }
        if (!isOp(this.peek(), ')')) this.unexpected(this.peek(), '`)`');
        this.i += 1;
        break;
      }
      this.parseList((t) => isOp(t, ...CASE_END) || isWord(t, 'esac'));
      if (isOp(this.peek(), ...CASE_END)) this.i += 1;
      else if (!isWord(this.peek(), 'esac')) this.unexpected(this.peek(), '`;;` or `esac`');
    }
    this.parseTrailingRedirects();
  }

  private parseFunctionKeyword(): void {
    this.i += 1;
    const name = this.peek();
    if (name?.kind !== 'word') this.unexpected(name, 'a function name');
    this.i += 1;
    if (isOp(this.peek(), '(') && isOp(this.peek(1), ')')) this.i += 2;
    this.parseFunctionBody(name.text);
  }

  private parseFunctionBody(name: string): void {
    this.skipNewlines();
    const from = this.commands.length;
    this.functionNames.push(name);
    this.parseCommand();
    this.functionNames.pop();
    this.functions.push({ name, commandIds: this.commands.slice(from).map((command) => command.id) });
  }

  /** `[[ … ]]`: its words become one pseudo-command (`[[`, …) so their substitutions are seen. */
  private parseTest(): void {
    const command = this.newCommand();
    command.argv.push('[[');
    this.i += 1;
    for (;;) {
      const token = this.peek();
      if (token === undefined) this.unexpected(token, '`]]`');
      this.i += 1;
      if (token.kind === 'word') {
        if (!token.quoted && token.text === ']]') break;
        command.argv.push(token.text);
        this.collect(token, command.id);
      }
    }
    this.parseRedirects(command);
  }

  /** Redirections after a compound command apply to all of it: kept on an empty pseudo-command. */
  private parseTrailingRedirects(): void {
    if (this.peek()?.kind !== 'redirect') return;
    this.parseRedirects(this.newCommand());
  }

  private parseRedirects(command: SimpleCommand): void {
    while (this.peek()?.kind === 'redirect') command.redirects.push(this.parseRedirect(command.id));
  }

  private parseSimpleCommand(): void {
    const command = this.newCommand();
    for (;;) {
      const token = this.peek();
      if (token?.kind === 'redirect') {
        command.redirects.push(this.parseRedirect(command.id));
        continue;
      }
      if (token?.kind !== 'word') break;
      this.i += 1;
      this.collect(token, command.id);
      if (command.argv.length === 0 && ASSIGNMENT.test(token.raw)) {
        let text = token.text;
        const next = this.peek();
        if (text.endsWith('=') && next?.kind === 'op' && next.op === '(' && next.start === token.end) {
          text += this.parseArrayLiteral(command.id);
        }
        this.budget.spend('words');
        command.assignments.push(text);
        continue;
      }
      const words = expandWord(token, this.budget.braceWords);
      this.budget.spend('words', words.length);
      command.argv.push(...words);
    }
    if (command.argv.length === 0 && command.assignments.length === 0 && command.redirects.length === 0) {
      this.commands.pop();
      this.unexpected(this.peek());
    }
  }

  /** `name=(a b c)`: the words between the parens. */
  private parseArrayLiteral(commandId: number): string {
    this.i += 1;
    const words: string[] = [];
    for (;;) {
      const token = this.peek();
      this.i += 1;
      if (isOp(token, ')')) break;
      if (isOp(token, '\n')) continue;
      if (token?.kind !== 'word') this.unexpected(token, '`)`');
      this.collect(token, commandId);
      words.push(token.text);
    }
    return `(${words.join(' ')})`;
  }

  private parseRedirect(commandId: number): Redirect {
    const token = this.peek() as RedirectToken;
    this.i += 1;
    const target = this.peek();
    if (target?.kind !== 'word') this.unexpected(target, `a file name after \`${token.op}\``);
    this.i += 1;
    this.collect(target, commandId);
    const redirect: Redirect = { op: token.op, target: target.text };
    if (token.fd !== undefined) redirect.fd = token.fd;
    if (token.heredoc !== undefined) {
      redirect.heredoc = token.heredoc.text;
      this.addNested(token.heredoc.substitutions, commandId);
    }
    return redirect;
  }

  private newCommand(): SimpleCommand {
    this.budget.spend('commands');
    const { context } = this;
    // Every field set (absent ones undefined), in one order: all commands share one object shape,
    // and the guards read these fields for every command and rule.
    const command: SimpleCommand = {
      id: this.ids.command++,
      argv: [],
      assignments: [],
      redirects: [],
      pipeline: { pipelineId: -1, index: 0, length: 1 },
      pipelines: [...context.pipelines],
      background: false,
      depth: context.depth,
      feeds: context.feeds,
      stdinFrom: context.stdinFrom,
      runBy: context.runBy,
      functionName: this.functionNames[this.functionNames.length - 1],
      unwrapped: [],
      loops: this.loops.length > 0 ? [...this.loops] : undefined,
      speculative: undefined,
    };
    this.commands.push(command);
    return command;
  }

  /** `((…))`: arithmetic for bash and zsh, but `( (…) )` for dash, which is what `sh -c` runs on Debian. */
  private addArithmetic(token: WordToken): void {
    this.collect(token, undefined);
    this.nested.push({
      source: token.raw.slice(1, -1),
      depth: this.context.depth,
      pipelines: [...this.context.pipelines],
      speculative: true,
    });
  }

  /** Queues the substitutions in `token` for parsing; their output feeds command `commandId`. */
  private collect(token: WordToken, commandId: number | undefined): void {
    this.addNested(token.substitutions, commandId);
  }

  private addNested(substitutions: readonly Substitution[], commandId: number | undefined): void {
    for (const { kind, source } of substitutions) {
      const nested: NestedSource = { source, depth: this.context.depth + 1, pipelines: [] };
      if (commandId !== undefined) {
        if (kind === '>(') nested.stdinFrom = commandId;
        else nested.feeds = commandId;
      }
      this.nested.push(nested);
    }
  }
}

/**
 * Parses one level of tokens into simple commands; `context` says where this source sits.
 * Throws ShellParseError, also past `budget`'s caps on commands and words.
 */
export function parseTokens(
  tokens: Token[],
  context: NestedSource,
  ids: IdCounters,
  budget: WorkBudget = new WorkBudget(),
): ParseResult {
  const parser = new Parser(tokens, context, ids, budget);
  parser.parse();
  return { commands: parser.commands, functions: parser.functions, nested: parser.nested };
}
