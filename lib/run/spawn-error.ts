import type * as fs from 'node:fs';
import { builtin } from '../runtime/builtin.ts';
import type { RunError } from './types.ts';

/** What `cwd` is: missing, a directory, or something else ('dir' when it can't be told). Only asked on the error path. */
function cwdKind(cwd: string): 'missing' | 'dir' | 'other' {
  try {
    const stat = builtin<typeof fs>('node:fs').statSync(cwd, { throwIfNoEntry: false });
    return stat === undefined ? 'missing' : stat.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'dir';
  }
}

/**
 * Turns a spawn failure into one line saying what went wrong and how to fix it. Node reports a
 * missing `cwd` as ENOENT of the *file* (`spawn git ENOENT`), so `cwd` is checked before blaming PATH.
 */
export function describeSpawnError(error: unknown, file: string, cwd: string | undefined): RunError {
  const code = String((error as { code?: unknown } | null)?.code ?? 'E_SPAWN');
  const where = cwd !== undefined && (code === 'ENOENT' || code === 'ENOTDIR') ? cwdKind(cwd) : 'dir';
  let message: string;
  if (where !== 'dir') {
    message =
      where === 'missing'
        ? `\`cwd\` ${cwd} does not exist; create it or pass an existing directory`
        : `\`cwd\` ${cwd} is not a directory; pass a directory`;
  } else if (code === 'ENOENT') {
    message = file.includes('/')
      ? `\`${file}\` does not exist; check the path`
      : `\`${file}\` not found on PATH; install it or pass its full path${file.includes(' ') ? ' (and pass arguments in `args`, not in the file name)' : ''}`;
  } else if (code === 'EACCES') {
    message = `\`${file}\` cannot be executed (permission denied); make it executable (chmod +x) or run it through its interpreter, e.g. run('sh', [file])`;
  } else if (code === 'ENOTDIR') {
    message = `\`${file}\` has a path component that is not a directory; check the path`;
  } else {
    message = `could not start \`${file}\`: ${String((error as Error | null)?.message ?? error).replace(/\s+/g, ' ')}`;
  }
  return { code, message };
}
