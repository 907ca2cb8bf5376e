import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../../atomic.ts';
import { CliError } from '../errors.ts';

/** The backup of a settings file: `<file>.bak` next to it, the file as it was before our last change. */
function backupPath(path: string): string {
  return `${path}.bak`;
}

const FIXES: Record<string, string> = {
  EACCES: 'permission denied: make the file and its directory writable (chmod u+w)',
  EPERM: 'operation not permitted (an immutable or locked file?): make it writable (chattr -i, chmod u+w)',
  EROFS: 'the filesystem is read-only',
  ENOTDIR: 'a parent of it is a file, not a directory: fix the path',
  EEXIST: 'a parent of it is a file, not a directory: fix the path',
  ENOSPC: 'the disk is full: free some space and run again',
  EISDIR: 'it is a directory: give the path of the file itself',
};

/** A CliError E_IO (exit 3) naming the path, the errno, what to do, and (`alternative`) what else to do. */
export function ioError(action: string, path: string, error: unknown, alternative?: string): CliError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const fix = FIXES[code] ?? (error as Error).message;
  return new CliError('E_IO', `cannot ${action} ${path}: ${code ? `${code}, ` : ''}${fix}${alternative ? `, or ${alternative}` : ''}; nothing was changed`, { cause: error });
}

const SETTINGS_ALTERNATIVE = 'choose another --scope or --settings';

/**
 * Writes a file atomically (temp file + rename in its directory, so Claude Code's watcher never
 * sees half a file), creating missing directories and keeping the old file's permission bits;
 * the previous content goes to `<file>.bak` first. Returns the backup path when there was one.
 */
export function writeWithBackup(path: string, text: string, previous: { bytes: Buffer; mode?: number } | undefined, label = path): string | undefined {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw ioError('create the directory of', label, error, SETTINGS_ALTERNATIVE);
  }
  let backup: string | undefined;
  try {
    if (previous !== undefined) {
      // rename() would replace a read-only file without asking: respect the owner's chmod.
      accessSync(path, constants.W_OK);
      // Claude Code itself writes settings.local.json (approved permissions): never overwrite a
      // change made since we read the file.
      if (!readFileSync(path).equals(previous.bytes)) throw new CliError('E_IO', `${label} changed on disk while hookpack was editing it (Claude Code writes settings when you approve a permission); run the command again; nothing was changed`);
      backup = backupPath(path);
      writeFileAtomic(backup, previous.bytes, { mode: previous.mode ?? 0o600 });
    } else if (existsSync(path)) {
      throw new CliError('E_IO', `${label} appeared while hookpack was creating it; run the command again; nothing was changed`);
    }
    // New files get the usual 0666 minus umask, like an editor would create them.
    const mode = previous?.mode ?? 0o666;
    writeFileAtomic(path, text, { mode });
    // open() applies the umask; put back exactly the bits the file had.
    if (previous?.mode !== undefined && (statSync(path).mode & 0o7777) !== previous.mode) chmodSync(path, previous.mode);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw ioError('write', label, error, SETTINGS_ALTERNATIVE);
  }
  return backup;
}
