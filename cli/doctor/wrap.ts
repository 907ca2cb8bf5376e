/**
 * Word-wraps `text` into lines of at most `width` columns: the first indented by `indent`
 * spaces, the rest by `indent + hanging`. A word longer than a line (a long path) keeps a line
 * of its own rather than being cut, so it can still be copied.
 */
export function wrap(text: string, width: number, indent: number, hanging = 0): string[] {
  const lines: string[] = [];
  let line = '';
  const pad = () => ' '.repeat(lines.length === 0 ? indent : indent + hanging);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && pad().length + line.length + 1 + word.length > width) {
      lines.push(`${pad()}${line}`);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(`${pad()}${line}`);
  return lines;
}
