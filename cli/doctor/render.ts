import { paint } from '../io.ts';
import type { Finding } from './finding.ts';
import { wrap } from './wrap.ts';

const WIDTH = 80;
const INDENT = 9;
const COLOUR = { error: 'red', warning: 'yellow', info: 'dim' } as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The one-line verdict: counts per severity, and how many hooks in how many files were read. */
export function summary(findings: Finding[], hooks: number, files: number): string {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return `hookpack doctor: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info (${plural(hooks, 'hook')}, ${plural(files, 'settings file')})`;
}

/** One finding as text no wider than 80 columns (long paths excepted): severity, where, command, what, fix. */
function block(f: Finding, color: boolean): string {
  const where = wrap([f.layer, f.path, f.where].filter(Boolean).join(' '), WIDTH, INDENT, 2);
  where[0] = `${paint(color, COLOUR[f.severity], f.severity.padEnd(INDENT - 1))} ${(where[0] ?? '').trimStart()}`;
  return [
    ...where,
    ...(f.command === undefined ? [] : wrap(`$ ${f.command}`, WIDTH, INDENT, 2)),
    ...wrap(f.message, WIDTH, INDENT),
    ...wrap(`fix: ${f.fix}`, WIDTH, INDENT, 5),
  ].join('\n');
}

/** The header line, then each finding as a block, blank lines between. */
export function renderFindings(findings: Finding[], color: boolean, header: string): string {
  return [header, ...findings.map((f) => block(f, color))].join('\n\n') + '\n';
}
