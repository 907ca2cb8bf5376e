import { lstatSync, mkdirSync } from 'node:fs';
import { CliError } from './errors.ts';

/** Whether anything is at `path`, a dangling symlink included. */
export function occupied(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The hooks directory, created if missing; a file or anything else in its place is a clear exit 3. */
export function ensureHooksDir(path: string, shown: string): boolean {
  let existed = true;
  try {
    if (!lstatSync(path).isDirectory()) {
      throw new CliError('E_IO', `${shown} is not a directory: move that file away and run again`);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    existed = false;
    try {
      mkdirSync(path, { recursive: true });
    } catch (cause) {
      throw new CliError('E_IO', `cannot create ${shown}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}; check that its parent is a directory you can write`, { cause });
    }
  }
  return !existed;
}
