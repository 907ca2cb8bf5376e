import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLine } from '../../../lib/context/append-line.ts';

let dir: string;
let file: string;
let rotated: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookpack-append-line-'));
  file = join(dir, 's.jsonl');
  rotated = join(dir, 's.1.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('appendLine', () => {
  it('creates the file 0600 and appends lines in order', () => {
    appendLine(file, 'one\n', { maxBytes: 100, rotatedPath: rotated });
    appendLine(file, 'two\n', { maxBytes: 100, rotatedPath: rotated });
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rotates a full file to the rotated path before writing, keeping one generation', () => {
    writeFileSync(file, 'a'.repeat(95) + '\n');
    writeFileSync(rotated, 'older generation\n');
    appendLine(file, 'next\n', { maxBytes: 100, rotatedPath: rotated });
    expect(readFileSync(rotated, 'utf8')).toBe(`${'a'.repeat(95)}\n`);
    expect(readFileSync(file, 'utf8')).toBe('next\n');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('writes a line larger than maxBytes into an empty file rather than rotating forever', () => {
    appendLine(file, `${'b'.repeat(200)}\n`, { maxBytes: 100, rotatedPath: rotated });
    expect(readFileSync(file, 'utf8')).toHaveLength(201);
    expect(existsSync(rotated)).toBe(false);
  });

  it('appends past the limit when another writer holds the rotation lock', () => {
    writeFileSync(file, 'a'.repeat(99) + '\n');
    writeFileSync(`${file}.lock`, '');
    appendLine(file, 'late\n', { maxBytes: 100, rotatedPath: rotated });
    expect(readFileSync(file, 'utf8')).toBe(`${'a'.repeat(99)}\nlate\n`);
    expect(existsSync(rotated)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('refuses to follow a symlink planted at the file name', () => {
    const target = join(dir, 'target');
    writeFileSync(target, '');
    symlinkSync(target, file);
    expect(() => appendLine(file, 'x\n', { maxBytes: 100, rotatedPath: rotated })).toThrow(
      expect.objectContaining({ code: 'ELOOP' }),
    );
    expect(readFileSync(target, 'utf8')).toBe('');
  });
});
