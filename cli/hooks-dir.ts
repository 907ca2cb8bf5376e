import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { CliError } from './errors.ts';

/**
 * Writes a new file, never replacing anything: false when something is already at `path` (a
 * dangling symlink included: O_EXCL does not follow it).
 */
export function createNew(path: string, content: string, shown: string): boolean {
  try {
    writeFileSync(path, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new CliError(
      'E_IO',
      `cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; check the directory's permissions`,
      { cause: error },
    );
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
      throw new CliError(
        'E_IO',
        `cannot create ${shown}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}; check that its parent is a directory you can write`,
        { cause },
      );
    }
  }
  return !existed;
}
