import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir } from '../../../lib/context/private-dir.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hookpack-private-dir-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ensurePrivateDir', () => {
  it('creates the directory 0700 with a .gitignore of everything', () => {
    const dir = join(root, '.claude', 'context-bundles');
    ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe(
      '# hookpack context-bundle: per-session tool records stay local\n*\n',
    );
  });

  it('leaves an existing directory as it is', () => {
    const dir = join(root, 'bundles');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.jsonl'), '');
    ensurePrivateDir(dir);
    expect(readdirSync(dir)).toEqual(['a.jsonl']);
  });

  it.skipIf(process.platform === 'win32')('refuses a symlink, even to a directory', () => {
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'bundles'));
    expect(() => ensurePrivateDir(join(root, 'bundles'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('throws when a file is in the way', () => {
    writeFileSync(join(root, 'file'), '');
    expect(() => ensurePrivateDir(join(root, 'file', 'bundles'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});
