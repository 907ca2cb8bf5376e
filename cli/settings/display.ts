import { isAbsolute, relative, sep } from 'node:path';
import type { Io } from '../io.ts';

/** A path as people want to read it: relative under the cwd, `~/…` under HOME, else absolute. */
export function readablePath(path: string, io: Io): string {
  const fromCwd = relative(io.cwd, path);
  if (fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd)) return fromCwd;
  const home = io.env.HOME;
  if (home) {
    const fromHome = relative(home, path);
    if (fromHome !== '' && !fromHome.startsWith('..') && !isAbsolute(fromHome)) return `~${sep}${fromHome}`;
  }
  return path;
}
