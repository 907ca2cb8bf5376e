import { displayPath } from '../paths.ts';
import type { FileAccessDenial } from './file-guard.ts';

// A file name may hold a newline or an escape sequence; the reason must stay one plain line.
const CONTROL = /[\u0000-\u001f\u007f]/;

function shown(path: string, cwd: string, home: string): string {
  const text = displayPath(path, cwd, home);
  return CONTROL.test(text) ? JSON.stringify(text) : text;
}

/** The one-line reason Claude reads: which file, which rule, what to do instead. */
export function denialMessage(denial: FileAccessDenial, where: { cwd: string; home: string }): string {
  const verb = denial.operation === 'write' ? 'writing' : 'reading';
  const via = denial.resolved === undefined ? '' : `, a symlink to ${shown(denial.resolved, where.cwd, where.home)},`;
  return `file-guard blocked ${verb} ${shown(denial.path, where.cwd, where.home)}${via} (rule "${denial.rule}"): ${denial.reason.replace(/\s*[\r\n]+\s*/g, ' ')}`;
}
