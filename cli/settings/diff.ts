import { paint } from '../io.ts';

interface Line {
  text: string;
  /** The last line of a file that does not end with a newline. */
  open: boolean;
}

function lines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const open = parts.at(-1) !== '';
  if (!open) parts.pop();
  return parts.map((p, i) => ({ text: p, open: open && i === parts.length - 1 }));
}

type Op = { kind: ' ' | '-' | '+'; line: Line };

/** Line operations turning `a` into `b`: a longest common subsequence on what the common ends leave. */
function operations(a: Line[], b: Line[]): Op[] {
  const same = (x: Line | undefined, y: Line | undefined) =>
    x !== undefined && y !== undefined && x.text === y.text && x.open === y.open;
  let head = 0;
  while (head < a.length && head < b.length && same(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail]))
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  // lcs[i][j]: longest common subsequence of x[i..] and y[j..]. Settings files are small.
  const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i]![j] = same(x[i], y[j]) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = a.slice(0, head).map((line) => ({ kind: ' ', line }));
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && same(x[i], y[j])) {
      ops.push({ kind: ' ', line: x[i]! });
      i++;
      j++;
    } else if (i < x.length && (j >= y.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ kind: '-', line: x[i]! });
      i++;
    } else {
      ops.push({ kind: '+', line: y[j]! });
      j++;
    }
  }
  return ops.concat(a.slice(a.length - tail).map((line) => ({ kind: ' ', line })));
}

/** A hunk range as GNU diff writes it: `start,count`, just `start` for one line, the line before for none. */
const range = (before: number, count: number) =>
  count === 1 ? `${before + 1}` : `${count === 0 ? before : before + 1},${count}`;

/** A unified diff (3 lines of context) from `before` to `after`, '' when they are equal; coloured when asked. */
export function unifiedDiff(before: string, after: string, names: { from: string; to: string }, color = false): string {
  const ops = operations(lines(before), lines(after));
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  const out = [paint(color, 'bold', `--- ${names.from}`), paint(color, 'bold', `+++ ${names.to}`)];
  const context = 3;
  let k = 0;
  while (k < changed.length) {
    let last = k;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * context) last++;
    const start = Math.max(0, changed[k]! - context);
    const stop = Math.min(ops.length, changed[last]! + context + 1);
    const hunk = ops.slice(start, stop);
    const oldBefore = ops.slice(0, start).filter((o) => o.kind !== '+').length;
    const newBefore = ops.slice(0, start).filter((o) => o.kind !== '-').length;
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(paint(color, 'dim', `@@ -${range(oldBefore, oldCount)} +${range(newBefore, newCount)} @@`));
    for (const op of hunk) {
      const text = `${op.kind}${op.line.text.replace(/\r$/, '')}`;
      out.push(op.kind === '-' ? paint(color, 'red', text) : op.kind === '+' ? paint(color, 'green', text) : text);
      if (op.line.open) out.push('\\ No newline at end of file');
    }
    k = last + 1;
  }
  return `${out.join('\n')}\n`;
}
