import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * The most a settings file may hold. Real ones are a few kB; the cap is what keeps a repository
 * whose `.claude/settings.json` links to /dev/zero (or a huge file) from eating the machine's memory.
 */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

// O_NONBLOCK: opening a FIFO for reading would wait for a writer forever; with it the open returns
// at once and fstat refuses the FIFO. It changes nothing for a regular file. O_NOCTTY: a terminal
// device must not become our controlling terminal. Symlinks are followed (dotfile managers use them).
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** A settings file's bytes with the owner and mode to keep on rewrite, none, or why we won't read it. */
export type SettingsBytes =
  | { kind: 'file'; bytes: Buffer; mode: number; uid: number; gid: number }
  | { kind: 'missing' }
  | { kind: 'refused'; why: string; code?: string };

/** What a stat says a non-regular file is, in words a user recognises. */
function notRegular(stat: Stats): string {
  if (stat.isDirectory()) return 'it is a directory';
  if (stat.isFIFO()) return 'it is a FIFO (named pipe), not a regular file';
  if (stat.isCharacterDevice()) return 'it is a character device (like /dev/null or /dev/zero), not a regular file';
  if (stat.isBlockDevice()) return 'it is a block device, not a regular file';
  if (stat.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/**
 * Reads a settings file the way every command must (install, uninstall, doctor, list, profile):
 * one non-blocking open, checked on the descriptor to be a regular file, at most `maxBytes` read.
 * 'missing' when it (or a parent) does not exist; never throws.
 */
export function readSettingsBytes(path: string, maxBytes = MAX_SETTINGS_BYTES): SettingsBytes {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'EACCES' || code === 'EPERM')
      return { kind: 'refused', code, why: 'permission denied; make it readable (chmod u+r)' };
    if (code === 'ELOOP') return { kind: 'refused', code, why: 'it is a symbolic link that loops; point it at a file' };
    if (code === 'ENXIO') return { kind: 'refused', code, why: 'it is a socket or device, not a regular file' };
    return { kind: 'refused', code, why: code ?? String(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      return { kind: 'refused', code: stat.isDirectory() ? 'EISDIR' : 'ENOTREG', why: notRegular(stat) };
    if (stat.size > maxBytes)
      return {
        kind: 'refused',
        code: 'EFBIG',
        why: `it is ${stat.size} bytes, more than the ${mib(maxBytes)} a settings file may hold`,
      };
    // Sized by fstat plus one byte: a file that grows while we read (writers should rename, not
    // append) fills the spare byte, and we refuse a read that may be torn instead of using it.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > stat.size)
      return { kind: 'refused', code: 'EAGAIN', why: 'it grew while being read; run the command again' };
    return { kind: 'file', bytes: buffer.subarray(0, length), mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'refused', code, why: code === 'EISDIR' ? 'it is a directory' : (code ?? String(error)) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing left to do with it
    }
  }
}

/**
 * The first `length` bytes of a regular file as UTF-8, or '' for anything else (missing, a FIFO,
 * a device, unreadable): doctor and profile peek at hook scripts and bundles a cloned repository
 * controls, and a FIFO there must not hang them. Never throws.
 */
export function readHead(path: string, length: number): string {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch {
    return '';
  }
  try {
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(length);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, length, 0));
  } catch {
    return '';
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing left to do with it
    }
  }
}

/** A small regular file's text (a manifest, a package.json) read the bounded way, or undefined. */
export function readSmallText(path: string): string | undefined {
  const read = readSettingsBytes(path);
  return read.kind === 'file' ? read.bytes.toString('utf8') : undefined;
}
