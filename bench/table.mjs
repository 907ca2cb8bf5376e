// The human report on stdout: fixed columns that fit 80 characters, one section per scenario.
export const WIDTH = 80;

const COLUMNS = [
  { title: 'program', width: 32, align: 'left' },
  { title: 'bytes', width: 10 },
  { title: 'median', width: 8 },
  { title: 'p95', width: 8 },
  { title: 'ratio', width: 7 },
  { title: 'RSS', width: 8 },
];

/** Cuts `text` to `width` characters, marking the cut with an ellipsis. */
export function fit(text, width) {
  const s = String(text);
  return s.length <= width ? s : `${s.slice(0, width - 1)}…`;
}

function cells(values) {
  return COLUMNS.map((c, i) => {
    const v = fit(values[i] ?? '', c.width - (i === 0 ? 1 : 0));
    return c.align === 'left' ? v.padEnd(c.width) : v.padStart(c.width);
  })
    .join('')
    .trimEnd();
}

/** Word-wraps `text` to `width`; continuation lines are indented by `indent` spaces; over-long words are broken. */
export function wrap(text, width = WIDTH, indent = 2) {
  const pad = ' '.repeat(indent);
  const lines = [];
  let prefix = /^ */.exec(String(text))[0];
  let line = prefix;
  const push = () => {
    lines.push(line);
    line = prefix = pad;
  };
  String(text)
    .split('\n')
    .forEach((paragraph, i) => {
      if (i > 0) push();
      for (const word of paragraph.split(/ +/).filter(Boolean)) {
        if (line.length > prefix.length && line.length + 1 + word.length > width) push();
        line += line.length > prefix.length ? ` ${word}` : word;
        while (line.length > width) {
          const rest = line.slice(width);
          line = line.slice(0, width);
          push();
          line += rest;
        }
      }
    });
  lines.push(line);
  return lines.filter((l, i) => i === 0 || l.trim() !== '');
}

const rule = (title) => {
  const text = fit(title, WIDTH - 5);
  return `── ${text} ${'─'.repeat(Math.max(1, WIDTH - text.length - 4))}`;
};
const num = (v, digits) => (typeof v === 'number' ? v.toFixed(digits) : '-');
const bytes = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : '-');

function rowLine(row) {
  return cells([
    row.name,
    bytes(row.bytes),
    num(row.medianMs, 1),
    num(row.p95Ms, 1),
    num(row.ratio, 2),
    num(row.rssMb, 1),
  ]);
}

function inProcessLines(rows) {
  const lines = [
    rule('in process (tinybench)'),
    `${'task'.padEnd(38)}${'median µs'.padStart(11)}${'p99 µs'.padStart(11)}${'ops/s'.padStart(12)}`,
  ];
  for (const r of rows) {
    if (r.skipped) {
      lines.push(...wrap(`${r.name}: skipped, ${r.skipped}`));
      continue;
    }
    lines.push(
      `${fit(r.name, 37).padEnd(38)}${num(r.p50Us, 1).padStart(11)}${num(r.p99Us, 1).padStart(11)}${r.opsPerSec.toLocaleString('en-US').padStart(12)}`,
    );
    if (r.note) lines.push(...wrap(`  ${r.note}`, WIDTH, 4));
  }
  return lines;
}

/**
 * The whole report. `report` is what run.mjs assembles: { machine, settings, sections: [{ title,
 * rows, notes }], inProcess, checks }. Every line is at most WIDTH characters.
 */
export function renderTable(report) {
  const { machine, settings } = report;
  const lines = [
    ...wrap(
      `hookpack startup bench · node ${machine.node} · ${machine.cpu} × ${machine.cores} · ${settings.rounds} rounds${settings.quick ? ' (quick: not a measurement)' : ''}`,
    ),
    cells(COLUMNS.map((c) => c.title)),
    cells(['', '', 'ms', 'ms', 'x node', 'MB']),
  ];
  for (const section of report.sections) {
    if (section.rows.length === 0 && !section.notes?.length) continue;
    lines.push(rule(section.title));
    for (const row of section.rows) lines.push(rowLine(row));
    for (const note of section.notes ?? []) lines.push(...wrap(note));
  }
  if (report.inProcess?.length) lines.push(...inProcessLines(report.inProcess));
  if (report.checks) {
    lines.push(rule('budgets (--check)'));
    for (const c of report.checks.lines) lines.push(...wrap(c));
  }
  lines.push(rule('notes'));
  for (const note of report.notes ?? []) lines.push(...wrap(note));
  return `${lines.join('\n')}\n`;
}
