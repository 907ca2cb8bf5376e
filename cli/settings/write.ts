import { accessSync, constants, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../errors.ts';
import { writeSettingsAtomic, type Keep } from './atomic-write.ts';
import { holdLock, TEMP_SUFFIX } from './lock.ts';
import { readSettingsBytes } from './read-bytes.ts';

/** The backup of a settings file: `<file>.bak` next to it, the file as it was before our last change. */
export function backupPath(path: string): string {
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
  return new CliError(
    'E_IO',
    `cannot ${action} ${path}: ${code ? `${code}, ` : ''}${fix}${alternative ? `, or ${alternative}` : ''}; nothing was changed`,
    { cause: error },
  );
}

const SETTINGS_ALTERNATIVE = 'choose another --scope or --settings';

/** Refuses to go on when the file is read-only or changed since we read it (`previous`). */
function checkUnchanged(path: string, previous: { bytes: Buffer }, label: string): void {
  // rename() would replace a read-only file without asking: respect the owner's chmod.
  accessSync(path, constants.W_OK);
  // Claude Code itself writes settings.local.json (approved permissions): never overwrite a
  // change made since we read the file (another hookpack waits for our lock instead).
  const now = readSettingsBytes(path);
  if (now.kind !== 'file' || !now.bytes.equals(previous.bytes))
    throw new CliError(
      'E_IO',
      `${label} changed on disk while hookpack was editing it (Claude Code writes settings when you approve a permission); run the command again; nothing was changed`,
    );
}

/**
 * Writes a file atomically (temp file + rename in its directory, so Claude Code's watcher never
 * sees half a file), creating missing directories and keeping the old file's permission bits;
 * the previous content goes to `<file>.bak` first unless `backup` is false (a file that held
 * nothing but hookpack's own entries). Returns the backup path when one was written.
 */
export function writeWithBackup(
  path: string,
  text: string,
  previous: ({ bytes: Buffer } & Keep) | undefined,
  label = path,
  backup = true,
): string | undefined {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw ioError('create the directory of', label, error, SETTINGS_ALTERNATIVE);
  }
  // readSettings took the lock when the directory existed; this takes it for a new directory.
  holdLock(path, label);
  let written: string | undefined;
  // The old owner and mode; a new file gets 0666 minus the umask, like an editor would create it.
  const keep: Keep = previous === undefined ? {} : { mode: previous.mode, uid: previous.uid, gid: previous.gid };
  try {
    if (previous !== undefined) {
      checkUnchanged(path, previous, label);
      if (backup) {
        written = backupPath(path);
        writeSettingsAtomic(written, previous.bytes, { ...keep, mode: previous.mode ?? 0o600 });
      }
    } else if (existsSync(path)) {
      throw new CliError(
        'E_IO',
        `${label} appeared while hookpack was creating it; run the command again; nothing was changed`,
      );
    }
    writeSettingsAtomic(path, text, keep);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw ioError('write', label, error, SETTINGS_ALTERNATIVE);
  }
  return written;
}

/** Deletes a settings file we read as `previous`, unless it changed since (no backup: it held nothing of the user's). */
export function removeUnchanged(path: string, previous: { bytes: Buffer }, label = path): void {
  holdLock(path, label);
  try {
    checkUnchanged(path, previous, label);
    unlinkSync(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw ioError('delete', label, error, SETTINGS_ALTERNATIVE);
  }
}

/** The .gitignore line that keeps temp files and locks of an interrupted edit out of git. */
export const TEMP_PATTERN = `*${TEMP_SUFFIX}`;

/** Whether lines of a .gitignore already keep `<name>.bak` out of git. */
function ignoresBackup(lines: string[], backupName: string): boolean {
  const wanted = new Set(['*.bak', '/*.bak', '**/*.bak', backupName, `/${backupName}`]);
  return lines.some((line) => wanted.has(line.trim()));
}

/** Whether lines of a .gitignore already keep our temp files out of git. */
function ignoresTemp(lines: string[]): boolean {
  const wanted = new Set([TEMP_PATTERN, `/${TEMP_PATTERN}`, `**/${TEMP_PATTERN}`]);
  return lines.some((line) => wanted.has(line.trim()));
}

/**
 * Makes sure `<dir>/.gitignore` keeps `*.bak` and `*.hookpack-tmp` out of git (created, or lines
 * appended): a backup of settings.local.json holds the same personal env tokens the file does, a
 * temp file left by an interrupted write holds the new settings, and a project's .claude/ is
 * committed. Returns what it did; a failure is reported, not fatal (the settings change itself is
 * done).
 */
export function ensureBackupsIgnored(
  dir: string,
  backup: string,
): 'created' | 'appended' | 'present' | { error: string } {
  const path = join(dir, '.gitignore');
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  const lines = text?.split(/\r?\n/) ?? [];
  const missing = [
    ...(ignoresBackup(lines, basename(backup)) ? [] : ['*.bak']),
    ...(ignoresTemp(lines) ? [] : [TEMP_PATTERN]),
  ];
  if (missing.length === 0) return 'present';
  const add = missing.map((line) => `${line}\n`).join('');
  try {
    if (text === undefined) writeFileSync(path, add, { flag: 'wx', mode: 0o666 });
    else writeFileSync(path, `${text === '' || text.endsWith('\n') ? '' : '\n'}${add}`, { flag: 'a' });
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  return text === undefined ? 'created' : 'appended';
}
