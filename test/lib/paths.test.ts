import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPath, isWindowsLike, normalizePath, realPathOf } from '../../lib/paths.ts';

describe('normalizePath', () => {
  it.each([
    // POSIX
    ['/repo/.env', '/cwd', '/repo/.env'],
    ['.env', '/repo', '/repo/.env'],
    ['./src/../.env', '/repo', '/repo/.env'],
    ['src/../../.env', '/repo/app', '/repo/.env'],
    ['/repo//src///a.ts', '/cwd', '/repo/src/a.ts'],
    ['/repo/src/', '/cwd', '/repo/src'],
    ['/../../etc/passwd', '/cwd', '/etc/passwd'],
    ['/', '/cwd', '/'],
    ['.', '/repo', '/repo'],
    ['~/.aws/credentials', '/repo', '/home/ada/.aws/credentials'],
    ['~', '/repo', '/home/ada'],
    ['a~/b', '/repo', '/repo/a~/b'],
    // Windows separators
    ['C:\\repo\\.env', 'C:\\repo', 'C:/repo/.env'],
    ['c:\\repo\\.env', 'C:\\repo', 'C:/repo/.env'],
    ['src\\..\\.env', 'C:\\repo', 'C:/repo/.env'],
    ['src\\\\..\\\\.env', 'C:\\repo', 'C:/repo/.env'],
    ['C:/repo/.git\\config', '/cwd', 'C:/repo/.git/config'],
    ['C:\\repo\\..\\..\\.env', '/cwd', 'C:/.env'],
    ['C:\\repo\\src\\', '/cwd', 'C:/repo/src'],
    ['\\\\server\\share\\.env', '/cwd', '//server/share/.env'],
    // A POSIX directory: a backslash is part of a file name there (`fix\.env` is not `fix/.env`).
    ['fix\\.env', '/repo', '/repo/fix\\.env'],
    ['src\\..\\.env', '/repo', '/repo/src\\..\\.env'],
    ['/repo/a\\b', 'C:\\repo', '/repo/a\\b'],
  ])('%j in %j is %j', (path, cwd, expected) => {
    expect(normalizePath(path, cwd, '/home/ada')).toBe(expected);
  });

  it('leaves `~` alone when no home is given', () => {
    expect(normalizePath('~/x', '/repo')).toBe('/repo/~/x');
  });
});

describe('isWindowsLike', () => {
  it.each([
    ['C:\\repo', true],
    ['C:/repo', true],
    ['\\\\server\\share', true],
    ['src\\a.ts', false],
    ['fix\\.env', false],
    ['/repo/a.ts', false],
    ['a.ts', false],
  ])('%j: %s', (path, expected) => {
    expect(isWindowsLike(path)).toBe(expected);
  });
});

describe('displayPath', () => {
  it.each([
    ['/repo/src/a.ts', '/repo', 'src/a.ts'],
    ['/home/ada/.aws/credentials', '/repo', '~/.aws/credentials'],
    ['/etc/passwd', '/repo', '/etc/passwd'],
    ['/repository/x', '/repo', '/repository/x'],
    ['C:/repo/.env', 'C:\\repo', '.env'],
    ['/etc/passwd', '/', '/etc/passwd'],
  ])('shows %j from %j as %j', (path, cwd, expected) => {
    expect(displayPath(path, cwd, '/home/ada')).toBe(expected);
  });
});

describe.skipIf(process.platform === 'win32')('realPathOf', () => {
  let dir: string;
  beforeAll(() => {
    // realpath: on macOS the temp dir itself sits behind the /var -> /private/var symlink.
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-paths-')));
    mkdirSync(join(dir, 'repo/.git/refs'), { recursive: true });
    writeFileSync(join(dir, 'repo/.git/config'), '[core]\n');
    writeFileSync(join(dir, 'repo/.env'), 'SECRET=1\n');
    mkdirSync(join(dir, 'repo/src'));
    symlinkSync(join(dir, 'repo/.git'), join(dir, 'repo/src/gitdir'));
    symlinkSync('../.env', join(dir, 'repo/src/settings.txt'));
    symlinkSync(join(dir, 'repo/.env.new'), join(dir, 'repo/dangling.txt'));
    symlinkSync('loop-b', join(dir, 'repo/loop-a'));
    symlinkSync('loop-a', join(dir, 'repo/loop-b'));
    symlinkSync(join(dir, 'repo/.git/refs'), join(dir, 'repo/src/refs'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows a symlinked directory into .git', () => {
    expect(realPathOf(join(dir, 'repo/src/gitdir/config'), '/')).toEqual({
      kind: 'resolved',
      path: `${dir}/repo/.git/config`,
    });
  });

  it('follows a relative symlink to .env', () => {
    expect(realPathOf('src/settings.txt', join(dir, 'repo'))).toEqual({ kind: 'resolved', path: `${dir}/repo/.env` });
  });

  it('resolves a file that does not exist yet under a symlinked directory', () => {
    expect(realPathOf(join(dir, 'repo/src/gitdir/hooks/pre-commit'), '/')).toEqual({
      kind: 'resolved',
      path: `${dir}/repo/.git/hooks/pre-commit`,
    });
  });

  it('follows a dangling symlink to the file a write would create', () => {
    expect(realPathOf(join(dir, 'repo/dangling.txt'), '/')).toEqual({ kind: 'resolved', path: `${dir}/repo/.env.new` });
  });

  it('applies `..` after following a symlink, as the kernel does', () => {
    // refs -> repo/.git/refs, so src/refs/.. is repo/.git (lexically it would be repo/src).
    // Built by hand: path.join would collapse the `..` before the symlink is seen.
    expect(realPathOf(`${dir}/repo/src/refs/../HEAD`, '/')).toEqual({
      kind: 'resolved',
      path: `${dir}/repo/.git/HEAD`,
    });
    expect(realPathOf('src/refs/../HEAD', `${dir}/repo`)).toEqual({ kind: 'resolved', path: `${dir}/repo/.git/HEAD` });
  });

  it('reports a symlink loop without throwing', () => {
    expect(realPathOf(join(dir, 'repo/loop-a'), '/')).toEqual({ kind: 'loop' });
    expect(realPathOf(join(dir, 'repo/loop-a/child.txt'), '/')).toEqual({ kind: 'loop' });
  });

  it('returns a plain path unchanged when nothing on it is a symlink', () => {
    expect(realPathOf(join(dir, 'repo/new/dir/file.ts'), '/')).toEqual({
      kind: 'resolved',
      path: `${dir}/repo/new/dir/file.ts`,
    });
  });

  it('expands `~` against the given home', () => {
    expect(realPathOf('~/.env', '/', join(dir, 'repo'))).toEqual({ kind: 'resolved', path: `${dir}/repo/.env` });
  });

  it('does not ask the disk about a Windows path on POSIX', () => {
    expect(realPathOf('C:\\repo\\.env', '/')).toEqual({ kind: 'unresolved' });
    expect(realPathOf('src\\.env', 'C:\\repo')).toEqual({ kind: 'unresolved' });
  });
});
