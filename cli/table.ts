export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** The column that gives way (is cut with …) when the table is wider than the terminal. */
  flex?: boolean;
}

/**
 * Renders rows as a plain-text table no wider than `width` (80 by default): the flex column is
 * cut with an ellipsis when needed, numbers right-aligned.
 */
export function renderTable(columns: Column[], rows: string[][], width = 80): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const gap = 2;
  const total = () => widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  const flex = columns.findIndex((c) => c.flex);
  if (total() > width && flex >= 0)
    widths[flex] = Math.max(columns[flex]?.header.length ?? 4, (widths[flex] ?? 0) - (total() - width));
  const cell = (text: string, i: number) => {
    const w = widths[i] ?? 0;
    const cut = text.length > w ? `${text.slice(0, Math.max(0, w - 1))}…` : text;
    return columns[i]?.align === 'right' ? cut.padStart(w) : cut.padEnd(w);
  };
  const line = (cells: string[]) => cells.map(cell).join(' '.repeat(gap)).trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n') + '\n';
}
