import { createScanner } from './jsonc.ts';

/**
 * How deep a settings file may nest. Real ones nest about 6 levels (hooks.Event[i].hooks[j].args);
 * jsonc-parser parses recursively and overflows the stack near 10,000, so deeper text is refused
 * before it is parsed.
 */
export const MAX_DEPTH = 256;

/** Something that parses as JSONC but is not JSON, or nests too deep to parse: where and what. */
export interface NotJson {
  kind: 'comment' | 'trailing-comma' | 'too-deep';
  offset: number;
}

// jsonc-parser's SyntaxKind is a `const enum` (not importable with isolatedModules): its values.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;

/**
 * The first comment, trailing comma, or nesting deeper than MAX_DEPTH in `text`, by one pass of
 * jsonc-parser's scanner (a loop, so it cannot overflow the stack). Claude Code 2.1.329 reads
 * settings as strict JSON and ignores a file with a comment or a trailing comma as a whole
 * (docs/settings-files.md); other syntax errors are left to the parser.
 */
export function firstNotJson(text: string): NotJson | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  let comma: number | undefined;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === LINE_BREAK || token === TRIVIA) continue;
    const offset = scanner.getTokenOffset();
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) return { kind: 'comment', offset };
    if ((token === CLOSE_BRACE || token === CLOSE_BRACKET) && comma !== undefined)
      return { kind: 'trailing-comma', offset: comma };
    comma = token === COMMA ? offset : undefined;
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth++;
      if (depth > MAX_DEPTH) return { kind: 'too-deep', offset };
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      depth--;
    }
  }
  return undefined;
}

/** What a NotJson means for Claude Code, and the fix, for messages. */
export function notJsonText(found: NotJson): { problem: string; fix: string } {
  switch (found.kind) {
    case 'comment':
      return {
        problem:
          'a comment: Claude Code reads settings as strict JSON and ignores a file with comments as a whole (its hooks and permissions do not apply)',
        fix: 'remove the comments (keep notes in a "$comment" key or a README)',
      };
    case 'trailing-comma':
      return {
        problem:
          'a trailing comma: Claude Code reads settings as strict JSON and ignores a file with a trailing comma as a whole (its hooks and permissions do not apply)',
        fix: 'remove the comma',
      };
    case 'too-deep':
      return {
        problem: `nested more than ${MAX_DEPTH} levels deep, which no settings file needs`,
        fix: 'fix the file by hand (it must be a JSON object of settings)',
      };
  }
}
