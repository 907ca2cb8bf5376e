/**
 * The short excerpt a denial quotes, so Claude sees what was refused without the whole command
 * being echoed back: one line, control characters dropped, at most 60 characters.
 */
const MAX_CHARS = 60;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Joins words into one short line, cut with `…` past 60 characters. */
export function snippetOf(words: readonly string[]): string {
  const line = words.join(' ').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}…` : line;
}
