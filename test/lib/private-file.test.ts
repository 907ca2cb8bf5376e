import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPrivate, readPrivateFile, readPrivateText } from '../../lib/private-file.ts';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const posix = process.platform !== 'win32';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookpack-private-file-'));
  chmodSync(dir, 0o700);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file with `content` and exactly `mode` (chmod, so the umask does not hide bits). */
function file(name: string, content: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

/** A FIFO made with mkfifo(1), or undefined where there is none. */
function fifo(name: string): string | undefined {
  const path = join(dir, name);
  return spawnSync('mkfifo', ['-m', '600', path]).status === 0 ? path : undefined;
}

// A separate process reads, so a FIFO that blocked open() would time the child out instead of
// hanging the test runner, and HOOKPACK_DEBUG's notes on stderr can be checked.
let reader = '';
let readerDir = '';
beforeAll(() => {
  readerDir = mkdtempSync(join(tmpdir(), 'hookpack-private-reader-'));
  reader = join(readerDir, 'reader.cjs');
  buildSync({
    stdin: {
      contents: `import { readPrivateFile } from ${JSON.stringify(fileURLToPath(new URL('../../lib/private-file.ts', import.meta.url)))};
        const bytes = readPrivateFile(process.argv[2]);
        process.stdout.write(JSON.stringify(bytes === undefined ? null : bytes.toString('utf8')));`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    outfile: reader,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(readerDir, { recursive: true, force: true }));

/** readPrivateFile(path) in a child under HOOKPACK_DEBUG, killed after 10 s. */
function readInChild(path: string): { value: string | null; stderr: string; status: number | null } {
  const run = spawnSync(process.execPath, [reader, path], {
    env: { ...process.env, HOOKPACK_DEBUG: '1' },
    encoding: 'utf8',
    timeout: 10_000,
  });
  return {
    value: run.status === 0 ? (JSON.parse(run.stdout) as string | null) : null,
    stderr: run.stderr,
    status: run.status,
  };
}

describe('readPrivateFile', () => {
  it('reads a regular file of ours that only we can write (0600, 0644, 0400)', () => {
    for (const mode of [0o600, 0o644, 0o400]) {
      const path = file(`ok-${mode.toString(8)}`, `content ${mode}`, mode);
      expect(readPrivateFile(path)?.toString('utf8')).toBe(`content ${mode}`);
      expect(readPrivateText(path)).toBe(`content ${mode}`);
    }
    expect(readPrivateText(file('empty', ''))).toBe('');
  });

  it('returns undefined for a missing file, silently', () => {
    const path = join(dir, 'absent.json');
    expect(readPrivateFile(path)).toBeUndefined();
    expect(readPrivate(path)).toBe('missing');
    expect(readPrivate(join(dir, 'absent-dir', 'x.json'))).toBe('missing');
    expect(readInChild(path)).toEqual({ value: null, stderr: '', status: 0 });
  });

  it.runIf(posix).each([
    ['666', 0o666],
    ['646', 0o646],
    ['620', 0o620],
    ['602', 0o602],
    ['622', 0o622],
  ] as const)('refuses a file writable by group or others (mode %s), and says why', (_octal, mode) => {
    const path = file('shared.json', '{"planted":true}', mode);
    expect(readPrivateFile(path)).toBeUndefined();
    expect(readPrivate(path)).toBe('refused');
    const child = readInChild(path);
    expect(child.value).toBeNull();
    expect(child.stderr).toBe(
      `hookpack: not reading ${path}: it is writable by group or others (mode ${mode.toString(8)})\n`,
    );
  });

  it('refuses a directory', () => {
    const path = join(dir, 'a-dir');
    mkdirSync(path, { mode: 0o700 });
    expect(readPrivateFile(path)).toBeUndefined();
    expect(readPrivate(path)).toBe('refused');
  });

  it.runIf(posix)('refuses a symbolic link to a file of ours (O_NOFOLLOW), though the file itself reads', () => {
    const target = file('target.json', '{"planted":true}');
    const link = join(dir, 'link.json');
    symlinkSync(target, link);
    expect(readPrivateText(target)).toBe('{"planted":true}');
    expect(readPrivateFile(link)).toBeUndefined();
    expect(readPrivate(link)).toBe('refused');
    const child = readInChild(link);
    expect(child.value).toBeNull();
    expect(child.stderr).toBe(`hookpack: not reading ${link}: it is a symbolic link\n`);
  });

  it.runIf(posix)('refuses a dangling symbolic link (not a missing file: someone put it there)', () => {
    const link = join(dir, 'dangling.json');
    symlinkSync(join(dir, 'nowhere.json'), link);
    expect(readPrivate(link)).toBe('refused');
  });

  it.runIf(posix)('refuses a FIFO without blocking on it (O_NONBLOCK), and says why', (context) => {
    const path = fifo('pipe.json');
    if (path === undefined) return context.skip('mkfifo is not available here');
    // In a child first: if open() blocked, it times out there rather than hanging this runner.
    const child = readInChild(path);
    expect(child).toEqual({
      value: null,
      stderr: `hookpack: not reading ${path}: it is not a regular file\n`,
      status: 0,
    });
    expect(readPrivate(path)).toBe('refused');
  });

  it.skipIf(!isRoot)(
    'refuses a file owned by another user, even 0600 [root only: chown needs it; skipped otherwise]',
    () => {
      const path = file('theirs.json', '{"planted":true}');
      chownSync(path, NOBODY, NOBODY);
      expect(readPrivateFile(path)).toBeUndefined();
      expect(readPrivate(path)).toBe('refused');
      const child = readInChild(path);
      expect(child.value).toBeNull();
      expect(child.stderr).toBe(`hookpack: not reading ${path}: it is owned by uid ${NOBODY}, not by you (uid 0)\n`);
    },
  );

  it('refuses a file larger than maxBytes, and reads one of exactly maxBytes', () => {
    const path = file('sized.json', '0123456789');
    expect(readPrivateText(path, 10)).toBe('0123456789');
    expect(readPrivateText(path, 9)).toBeUndefined();
    expect(readPrivate(path, 9)).toBe('refused');
  });

  it('reads a file larger than one read() returns whole', () => {
    const big = 'x'.repeat(3 * 1024 * 1024 + 17);
    const path = file('big.json', big);
    expect(readPrivateText(path)).toBe(big);
    expect(readFileSync(path, 'utf8')).toBe(big);
  });
});
