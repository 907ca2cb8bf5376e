import { writeSync } from 'node:fs';

/**
 * Writes all of `text` to `fd` synchronously, riding out EAGAIN on non-blocking pipes. False when
 * the reader is gone (EPIPE); other errors (EBADF, ENOSPC …) throw.
 */
export function writeAll(fd: number, text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(sleeper, 0, 0, 1);
        continue;
      }
      if (code === 'EPIPE') return false; // the reader is gone: nobody is left to tell
      throw error;
    }
  }
  return true;
}
