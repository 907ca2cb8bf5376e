import type { Io } from './io.ts';

// Text from settings files, hook names, commands and hooks' own output reaches the terminal
// through the CLI. A cloned repository controls much of it: an escape sequence in an event name or
// a hook's stderr could clear the screen, move the cursor over a warning, retitle the window, plant
// a hyperlink, conceal what follows (SGR 8, black on black) or reorder a line (bidi overrides).
// - The CLI's own colours (io.ts `paint`: red, green, yellow, dim, bold, reset) pass; any other
//   colour or style sequence is dropped and its text kept.
// - A carriage return before a newline (CRLF) is dropped.
// - Every other control character (C0 but newline and tab, DEL, C1) and bidi control is written
//   as its escape, `\u001b`: it shows instead of acting, and inside the CLI's JSON output (where
//   JSON.stringify leaves DEL and C1 raw) the escape is the same string to a JSON reader.
const CONTROL =
  /\u001b\[([0-9;:]*)m|(\r)(?=\n)|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const OWN_STYLES = new Set(['0', '1', '2', '31', '32', '33']);

/** `text` safe to write to a terminal: see above. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (match: string, style: string | undefined, crlf: string | undefined) => {
    if (style !== undefined) return OWN_STYLES.has(style) ? match : '';
    if (crlf !== undefined) return '';
    return `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `io` whose out and err pass only terminal-safe text (terminalText). */
export function terminalSafe(io: Io): Io {
  return {
    ...io,
    out: (text) => io.out(terminalText(text)),
    err: (text) => io.err(terminalText(text)),
    progress: (text) => io.progress(terminalText(text)),
  };
}
