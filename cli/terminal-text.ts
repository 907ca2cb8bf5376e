import type { Io } from './io.ts';

// Text from settings files, hook names, commands and hooks' own output reaches the terminal
// through the CLI. A cloned repository controls much of it: an escape sequence in an event name or
// a hook's stderr could clear the screen, move the cursor over a warning, retitle the window or
// plant a hyperlink. Colour and style (SGR: ESC [ … m) are let through, as tools print them; every
// other control character (C0 but newline and tab, DEL, C1) becomes U+FFFD, so it shows instead of acting.
const CONTROL = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with every control character but newline, tab and colour sequences shown as U+FFFD. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (match) => (match.length > 1 ? match : '\ufffd'));
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
