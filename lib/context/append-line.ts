/**
 * Appends whole lines to a log file that several processes write at once (parallel PostToolUse
 * hooks): each line is one `write` on an O_APPEND descriptor, which the kernel places at the end
 * of the file in one piece, so lines never interleave or overwrite each other.
 *
 * Bounded size: when a line would take the file past `maxBytes`, the file is renamed to
 * `rotatedPath` (replacing the one before: one generation kept) and the line starts a new file.
 * Rename keeps lines whole: a writer that opened the old file a moment earlier finishes its line
 * into it. One rotator at a time, by an O_EXCL lock file next to the log; a writer that finds the
 * lock taken appends to the current file instead (it may pass `maxBytes` by a few lines). A lock
 * older than 10 s belongs to a dead process and is removed.
 */
import { closeSync, constants, fstatSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';

const STALE_LOCK_MS = 10_000;
// O_NOFOLLOW: a symlink planted at the log's name must not redirect our writes elsewhere.
const FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0);

export interface AppendOptions {
  /** Size past which the file is rotated before the line is written. */
  maxBytes: number;
  /** Where the full file goes on rotation (the previous one there is replaced). */
  rotatedPath: string;
  /** Mode of a new file (default 0600). */
  mode?: number;
}

/** Renames `path` to `rotatedPath` if it is still the file `fd` has open and still full; false when another writer holds the lock. */
function rotate(path: string, fd: number, options: AppendOptions): boolean {
  const lock = `${path}.lock`;
  let lockFd: number;
  try {
    lockFd = openSync(lock, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) rmSync(lock, { force: true });
    return false;
  }
  try {
    const open = fstatSync(fd);
    const current = statSync(path, { throwIfNoEntry: false });
    // Someone else rotated between our open and the lock: the file at `path` is new, keep it.
    if (current !== undefined && current.ino === open.ino && current.dev === open.dev)
      renameSync(path, options.rotatedPath);
    return true;
  } finally {
    closeSync(lockFd);
    rmSync(lock, { force: true });
  }
}

/** Appends `line` (which should end in `\n`) to `path` in one write, rotating first when the file is full. Throws on I/O errors. */
export function appendLine(path: string, line: string, options: AppendOptions): void {
  const bytes = Buffer.from(line);
  let fd = openSync(path, FLAGS, options.mode ?? 0o600);
  try {
    const size = fstatSync(fd).size;
    if (size > 0 && size + bytes.length > options.maxBytes && rotate(path, fd, options)) {
      closeSync(fd);
      fd = -1;
      fd = openSync(path, FLAGS, options.mode ?? 0o600);
    }
    const written = writeSync(fd, bytes);
    // A short write to a regular file means a full disk or a file size limit: say so, don't half-retry.
    if (written !== bytes.length)
      throw Object.assign(new Error(`short write to ${path}: ${written} of ${bytes.length} bytes`), {
        code: 'ESHORTWRITE',
      });
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}
