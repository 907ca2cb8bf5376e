import { displayPath } from '../paths.ts';
import type { FileAccessDenial } from './file-guard.ts';

// A file name may hold a newline or an escape sequence; the reason must stay one plain line.
const CONTROL = /[\u0000-\u001f\u007f]/;

function shown(path: string, cwd: string, home: string): string {
  const text = displayPath(path, cwd, home);
  return CONTROL.test(text) ? JSON.stringify(text) : text;
}

/**
 * The one-line reason Claude reads: which file, which rule, what to do instead. A search tool's
 * denial (lib/guards/file-guard-search.ts) says `searching`/`listing`, and for a Grep glob names
 * the glob and an example of the protected files it would take in.
 */
export function denialMessage(
  denial: FileAccessDenial & { verb?: string; glob?: string; within?: string },
  where: { cwd: string; home: string },
): string {
  const verb = denial.verb ?? (denial.operation === 'write' ? 'writing' : 'reading');
  const via = denial.resolved === undefined ? '' : `, a symlink to ${shown(denial.resolved, where.cwd, where.home)},`;
  const path = shown(denial.path, where.cwd, where.home);
  let what = `${verb} ${path}${via}`;
  let instead = '';
  if (denial.glob !== undefined) {
    what = `${verb} with the glob ${JSON.stringify(denial.glob)}, which takes in protected files such as ${path}`;
    instead = '; search with a narrower glob (e.g. "*.ts")';
  } else if (denial.within !== undefined) {
    what = `${verb} ${shown(denial.within, where.cwd, where.home)}, which holds ${path}`;
    instead = '; search a narrower directory';
  }
  return `file-guard blocked ${what} (rule "${denial.rule}"): ${denial.reason.replace(/\s*[\r\n]+\s*/g, ' ')}${instead}`;
}
