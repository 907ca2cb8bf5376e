import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { debugNote } from './runtime/debug.ts';

// O_NOFOLLOW: a symlink in the last component fails the open (ELOOP) instead of being followed.
// O_NONBLOCK: a planted FIFO must not hang the hook in open(); fstat then refuses it. Neither
// exists on Windows (undefined there, so 0).
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
// On Windows libuv reports no owner (uid 0) and mode 0o666 for every writable file: neither says anything.
const POSIX = process.platform !== 'win32';

/** A state file's bytes, or why there are none: 'missing' (no such file) or 'refused' (not ours alone, or unreadable). */
export type PrivateRead = Buffer | 'missing' | 'refused';

/**
 * Reads a state file only if it is ours alone, checked on the open descriptor (not the path, which
 * another user could swap between a check and the read): a regular file (no symlink, FIFO or
 * directory), owned by this user, not writable by group or others, at most `maxBytes`. Never throws.
 */
export function readPrivate(path: string, maxBytes = Infinity): PrivateRead {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    debugNote(
      `not reading ${path}: ${code === 'ELOOP' || code === 'EMLINK' ? 'it is a symbolic link' : (code ?? String(error))}`,
    );
    return 'refused';
  }
  try {
    const stat = fstatSync(fd);
    const uid = POSIX ? process.getuid?.() : undefined;
    let problem: string | undefined;
    if (!stat.isFile()) problem = 'it is not a regular file';
    else if (uid !== undefined && stat.uid !== uid) problem = `it is owned by uid ${stat.uid}, not by you (uid ${uid})`;
    else if (POSIX && (stat.mode & 0o022) !== 0)
      problem = `it is writable by group or others (mode ${(stat.mode & 0o777).toString(8)})`;
    else if (stat.size > maxBytes) problem = `it is larger than ${maxBytes} bytes`;
    if (problem !== undefined) {
      debugNote(`not reading ${path}: ${problem}`);
      return 'refused';
    }
    // Sized by fstat; a file that grows meanwhile (none of ours does: writers rename) reads up to the limit.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size + 1, maxBytes + 1));
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, length);
    if (length > maxBytes) {
      debugNote(`not reading ${path}: it is larger than ${maxBytes} bytes`);
      return 'refused';
    }
    return buffer.subarray(0, length);
  } catch (error) {
    debugNote(`not reading ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 'refused';
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing left to do with it
    }
  }
}

/** The bytes of a file that is ours alone (see readPrivate), else undefined. Never throws. */
export function readPrivateFile(path: string, maxBytes?: number): Buffer | undefined {
  const result = readPrivate(path, maxBytes);
  return typeof result === 'string' ? undefined : result;
}

/** readPrivateFile as UTF-8 text. */
export function readPrivateText(path: string, maxBytes?: number): string | undefined {
  return readPrivateFile(path, maxBytes)?.toString('utf8');
}

/**
 * Reads a configuration file: symlinks are followed (dotfile managers use them), but it must be a
 * regular file of at most `maxBytes`, so a repository can't hang a hook with a config that is a
 * FIFO or a link to /dev/zero. With `owned`, the file (checked on the open descriptor, so the
 * target of a link) must also belong to us or root and not be writable by group or others: the
 * user config may relax every guard. 'missing' for no file, 'refused' (with a reason and, for
 * an ownership problem, `unsafe`) otherwise.
 */
export function readRegularFile(
  path: string,
  maxBytes: number,
  options: { owned?: boolean } = {},
): Buffer | 'missing' | { refused: string; unsafe?: true } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : { refused: code ?? String(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: 'it is not a regular file' };
    if (options.owned) {
      const uid = POSIX ? process.getuid?.() : undefined;
      if (uid !== undefined && stat.uid !== uid && stat.uid !== 0)
        return { refused: `it is owned by uid ${stat.uid}, not by you (uid ${uid})`, unsafe: true };
      if (POSIX && (stat.mode & 0o022) !== 0)
        return { refused: `it is writable by group or others (mode ${(stat.mode & 0o777).toString(8)})`, unsafe: true };
    }
    if (stat.size > maxBytes) return { refused: `it is larger than ${maxBytes} bytes` };
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, length);
    return length > maxBytes ? { refused: `it is larger than ${maxBytes} bytes` } : buffer.subarray(0, length);
  } catch (error) {
    return { refused: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing left to do with it
    }
  }
}
