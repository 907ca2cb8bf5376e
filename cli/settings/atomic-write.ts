import { fchmodSync, fchownSync } from 'node:fs';
import { writeFileAtomic } from '../../lib/atomic.ts';
import { TEMP_SUFFIX } from './lock.ts';

/** Who should own a rewritten file, and with which permission bits. */
export interface Keep {
  /** Exact bits to set (no umask); undefined: a new file, 0666 minus the umask like an editor's. */
  mode?: number;
  uid?: number;
  gid?: number;
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Writes a settings file (or its backup) atomically (lib/atomic.ts: a temp file created
 * exclusively, then renamed over the target), the temp file named `*.hookpack-tmp` so the
 * .gitignore install writes keeps one left by a crash out of git, given the old file's mode and
 * (when we are root and may) owner, and synced: Claude Code's watcher and a concurrent reader see
 * the old content or the new, never half, and `sudo hookpack install` leaves the user's file the
 * user's.
 */
export function writeSettingsAtomic(path: string, content: string | Buffer, keep: Keep = {}): void {
  writeFileAtomic(path, content, {
    mode: keep.mode ?? 0o666,
    fsync: true,
    tempSuffix: TEMP_SUFFIX,
    beforeRename(fd) {
      // open() applied the umask; put back exactly the bits the file had.
      if (keep.mode !== undefined) fchmodSync(fd, keep.mode);
      if (isRoot() && keep.uid !== undefined && keep.gid !== undefined) {
        fchownSync(fd, keep.uid, keep.gid);
        // chown clears setuid/setgid bits: set them again.
        if (keep.mode !== undefined && (keep.mode & 0o6000) !== 0) fchmodSync(fd, keep.mode);
      }
    },
  });
}
