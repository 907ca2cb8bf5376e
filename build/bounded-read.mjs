// @ts-check
// Reads a file a repository controls without letting it hang or flood us: opened non-blocking
// (a FIFO can't stall the open), only a regular file, at most `cap` bytes (a link to /dev/zero
// is refused, not read). Needs only node (the CLI bundles it through check.mjs).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The file's bytes, or undefined when it is missing, not a regular file, or larger than `cap`.
 * @param {string} path
 * @param {number} cap
 * @returns {Buffer | undefined}
 */
export function readBounded(path, cap) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > cap) return undefined;
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
