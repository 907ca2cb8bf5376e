/** How a file is laid out, so text we insert looks like the text around it. */
export interface TextStyle {
  /** One level of indentation: a tab, or N spaces. */
  unit: string;
  eol: '\n' | '\r\n';
}

/**
 * Detects a file's indentation unit (tabs, or the smallest space indent, usually 2 or 4) and
 * line ending. Files with nothing indented get two spaces, like Claude Code's own writes.
 */
export function detectStyle(text: string): TextStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let spaces = Infinity;
  for (const line of text.split('\n')) {
    const indent = /^([ \t]+)["{[\]}0-9tfn-]/.exec(line)?.[1];
    if (indent === undefined) continue;
    if (indent.startsWith('\t')) return { unit: '\t', eol };
    spaces = Math.min(spaces, indent.length);
  }
  return { unit: spaces === Infinity ? '  ' : ' '.repeat(Math.min(spaces, 8)), eol };
}

/** A JSON value as multi-line text whose continuation lines start with `indent`. */
export function renderJson(value: unknown, indent: string, style: TextStyle): string {
  return JSON.stringify(value, null, style.unit)
    .split('\n')
    .join(style.eol + indent);
}
