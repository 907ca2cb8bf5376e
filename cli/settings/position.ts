import { printParseErrorCode, type ParseErrorCode } from './jsonc.ts';

/** `line L, column C` (both 1-based) of an offset in a text. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/** jsonc-parser's error code as words: `CommaExpected` -> `comma expected`. */
export function parseErrorText(code: ParseErrorCode): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
