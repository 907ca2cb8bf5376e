import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPath } from '../../../lib/cache/_disk.ts';
import { clearMemoryCache, readCached } from '../../../lib/cache/index.ts';
import { cacheFiles, trustFreshStamps, useTempHome } from './_helpers.ts';

const t = useTempHome();

/** A lookup as a new process would make it: nothing in memory, only what is on disk. */
function readCachedCold(path: string, parse: (text: string) => unknown): unknown {
  clearMemoryCache();
  return readCached(path, parse, { version: 'v1' });
}

/** A valid entry for `path` as readCached would write it, with `patch` applied. */
function entryFor(path: string, patch: Record<string, unknown>): string {
  readCached(path, JSON.parse, { version: 'v1' });
  const valid = JSON.parse(readFileSync(entryPath(t.cache, 'file', path, 'v1'), 'utf8')) as Record<string, unknown>;
  return JSON.stringify({ ...valid, value: { planted: true }, ...patch });
}

const corruptions: [string, (path: string) => string | Buffer][] = [
  ['garbage bytes', () => Buffer.from([0xff, 0x00, 0xfe, 0x13, 0x37])],
  ['an empty file', () => ''],
  ['truncated JSON', (path) => entryFor(path, {}).slice(0, 30)],
  ['JSON that is not an object', () => '[1,2,3]'],
  ['JSON null', () => 'null'],
  ['another format version', (path) => entryFor(path, { format: 2 })],
  ['another key (a hash collision)', (path) => entryFor(path, { key: '/somewhere/else.json' })],
  ['another version', (path) => entryFor(path, { version: 'v0' })],
  ['another kind', (path) => entryFor(path, { kind: 'memo' })],
  ['no value', (path) => JSON.stringify({ ...JSON.parse(entryFor(path, {})), value: undefined })],
  ['a stamp that is not a string', (path) => entryFor(path, { stamp: 42 })],
  ['a hash that is not a string', (path) => entryFor(path, { hash: 42 })],
  ['a stale stamp', (path) => entryFor(path, { stamp: '1:1:7:1:1' })],
];

describe('readCached with a corrupt disk entry', () => {
  it.each(corruptions)('treats %s as a miss and replaces the entry', (_label, corrupt) => {
    trustFreshStamps();
    const path = join(t.work, 'settings.json');
    writeFileSync(path, '{"real":true}');
    const bad = corrupt(path);
    const file = entryPath(t.cache, 'file', path, 'v1');
    mkdirSync(t.cache, { recursive: true, mode: 0o700 });
    writeFileSync(file, bad);
    let calls = 0;
    const parse = (text: string): unknown => (calls++, JSON.parse(text));
    expect(readCachedCold(path, parse)).toEqual({ real: true });
    expect(calls).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 1, key: path, value: { real: true } });
    expect(readCachedCold(path, parse)).toEqual({ real: true });
    expect(calls).toBe(1);
    expect(cacheFiles(t.cache)).toEqual({ entries: [file.slice(t.cache.length + 1)], temps: [] });
  });

  it('keeps working when the entry path is a directory (a write that fails), leaving no temp file', () => {
    const path = join(t.work, 'settings.json');
    writeFileSync(path, '{"real":true}');
    const file = entryPath(t.cache, 'file', path, 'v1');
    mkdirSync(join(file, 'blocker'), { recursive: true });
    let calls = 0;
    const parse = (text: string): unknown => (calls++, JSON.parse(text));
    expect(readCachedCold(path, parse)).toEqual({ real: true });
    expect(readCachedCold(path, parse)).toEqual({ real: true });
    expect(calls).toBe(2);
    expect(cacheFiles(t.cache).temps).toEqual([]);
  });
});
