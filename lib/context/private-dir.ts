import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Creates `dir` (and missing parents) with mode 0700 and checks that it is a real directory, not
 * a symlink: a repository could ship `.claude/context-bundles` as a link to somewhere else.
 * When this call created it, a `.gitignore` of `*` goes in, so records (commands may hold
 * secrets) are never committed by accident. Throws (code ENOTDIR, or the fs error) when it can't be used.
 */
export function ensurePrivateDir(dir: string): void {
  const created = mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stats = lstatSync(dir);
  if (!stats.isDirectory()) {
    throw Object.assign(
      new Error(
        `${dir} is ${stats.isSymbolicLink() ? 'a symlink' : 'not a directory'}; context bundles are only written into a real directory`,
      ),
      { code: 'ENOTDIR' },
    );
  }
  if (created === undefined) return;
  try {
    writeFileSync(join(dir, '.gitignore'), '# hookpack context-bundle: per-session tool records stay local\n*\n', {
      mode: 0o600,
      flag: 'wx',
    });
  } catch {
    // Another writer made it first, or it can't be written: the record matters more than the ignore file.
  }
}
