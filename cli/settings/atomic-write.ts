import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TEMP_SUFFIX } from './lock.ts';

/** Who should own a rewritten file, and with which permission bits. */
export interface Keep {
  /** Exact bits to set (no umask); undefined: a new file, 0666 minus the umask like an editor's. */
  mode?: number;
  uid?: number;
  gid?: number;
}

/**
 * The temp file of an edit: hidden, next to the file (rename stays in one filesystem), unique per
 * process and call, ending in `.hookpack-tmp` so the .gitignore install writes keeps one left by
 * a crash out of git.
 */
function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}${TEMP_SUFFIX}`);
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Writes a settings file (or its backup) atomically: a temp file created exclusively ('wx': never
 * a name someone planted), written, given the old file's mode and (when we are root and may)
 * owner, synced, then renamed over the target, so Claude Code's watcher and a concurrent reader
 * see the old content or the new, never half, and `sudo hookpack install` leaves the user's file
 * the user's.
 */
export function writeSettingsAtomic(path: string, content: string | Buffer, keep: Keep = {}): void {
  const tmp = tempName(path);
  const fd = openSync(tmp, 'wx', keep.mode ?? 0o666);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    // open() applied the umask; put back exactly the bits the file had.
    if (keep.mode !== undefined) fchmodSync(fd, keep.mode);
    if (isRoot() && keep.uid !== undefined && keep.gid !== undefined) {
      fchownSync(fd, keep.uid, keep.gid);
      // chown clears setuid/setgid bits: set them again.
      if (keep.mode !== undefined && (keep.mode & 0o6000) !== 0) fchmodSync(fd, keep.mode);
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
