/** Claude Code passes hook output strings of up to exactly 10,000 characters (hooks-protocol §8). */
export const OUTPUT_CHAR_CAP = 10_000;

/**
 * Cuts `text` to fit `cap` characters with a visible marker, so Claude sees the start of the text
 * and knows it was cut, instead of the client's silent swap for a 2 KB `<persisted-output>` preview.
 * Never splits a surrogate pair.
 */
export function truncateForClaude(text: string, cap = OUTPUT_CHAR_CAP): string {
  if (text.length <= cap) return text;
  const marker = (cut: number) =>
    `\n[… truncated by hookpack: ${cut} of ${text.length} characters cut to fit Claude Code's ${cap}-character limit]`;
  // The marker with the largest possible count bounds its real length, so the result fits `cap`.
  const room = cap - marker(text.length).length;
  if (room < 1) return safeSlice(text, cap); // too small for a marker: cut bare
  let keep = room;
  const last = text.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep -= 1;
  return text.slice(0, keep) + marker(text.length - keep);
}

function safeSlice(text: string, end: number): string {
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}
