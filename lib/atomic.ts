import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * A temp name no other call shares: pid (other processes), counter (other calls in this one) and a
 * random suffix, so nobody can create the name ahead of us. Math.random, not node:crypto: loading
 * that costs every hook ~0.3 ms, and 'wx' already makes a planted name fail the write, not hijack it.
 */
function tempName(path: string, suffix: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${counter++}.${Math.random().toString(36).slice(2, 10)}${suffix}`,
  );
}

export interface AtomicWriteOptions {
  /** Permission bits the temp file is created with (before the umask); default 0600: state is private. */
  mode?: number;
  fsync?: boolean;
  /** How temp names end, default `.tmp` (the CLI's end in `.hookpack-tmp`, which projects git-ignore). */
  tempSuffix?: string;
  /** Runs on the written temp file's descriptor before the rename (e.g. to give it an owner). */
  beforeRename?: (fd: number) => void;
}

/**
 * Writes a file atomically: a temp file in the same directory, created exclusively ('wx': never an
 * existing file or a link someone planted), then rename over the target, so a reader sees the old
 * content or the new, never a torn one. Mode 0600 unless told otherwise: state is private.
 */
export function writeFileAtomic(path: string, content: string | Buffer, options: AtomicWriteOptions = {}): void {
  const tmp = tempName(path, options.tempSuffix ?? '.tmp');
  const fd = openSync(tmp, 'wx', options.mode ?? 0o600);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    options.beforeRename?.(fd);
    if (options.fsync) fsyncSync(fd);
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
