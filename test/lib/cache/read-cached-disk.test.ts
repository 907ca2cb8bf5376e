import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPath } from '../../../lib/cache/_disk.ts';
import { clearMemoryCache, readCached } from '../../../lib/cache/index.ts';
import { runStats } from '../../../lib/runtime/stats.ts';
import { cacheFiles, runWorker, trustFreshStamps, useTempHome, useWorker } from './_helpers.ts';

const t = useTempHome();
const worker = useWorker();

function countingJson() {
  const parse = (text: string): unknown => {
    parse.calls++;
    return JSON.parse(text);
  };
  parse.calls = 0;
  return parse;
}

describe('readCached disk layer', () => {
  it('serves a later process from disk without parsing', async () => {
    const path = join(t.work, 'settings.json');
    writeFileSync(path, '{"rules":["a","b"]}');
    const first = await runWorker(worker.path, { op: 'read', path, version: 'v1' });
    const second = await runWorker(worker.path, { op: 'read', path, version: 'v1' });
    expect(first).toMatchObject({ value: { rules: ['a', 'b'] }, calls: 1, hits: 0, misses: 1 });
    expect(second).toMatchObject({ value: { rules: ['a', 'b'] }, calls: 0, hits: 1, misses: 0 });
  });

  it.each([
    ['racy (content hash checked)', () => {}],
    ['trusted (stamp checked only)', trustFreshStamps],
  ])('serves this process from disk after the memory layer is cleared, stamps %s', (_label, setup) => {
    setup();
    const path = join(t.work, 'settings.json');
    writeFileSync(path, '{"n":1}');
    const parse = countingJson();
    expect(readCached(path, parse, { version: 'v1' })).toEqual({ n: 1 });
    clearMemoryCache();
    expect(readCached(path, parse, { version: 'v1' })).toEqual({ n: 1 });
    expect(parse.calls).toBe(1);
    expect(runStats).toMatchObject({ cacheHits: 1, cacheMisses: 1 });
  });

  it('misses when the version changes, and keeps both entries', () => {
    const path = join(t.work, 'settings.json');
    writeFileSync(path, '{"n":1}');
    const parse = countingJson();
    readCached(path, parse, { version: 'v1' });
    clearMemoryCache();
    readCached(path, parse, { version: 'v2' });
    expect(parse.calls).toBe(2);
    expect(cacheFiles(t.cache).entries).toHaveLength(2);
  });

  it('writes nothing to disk without a version', () => {
    const path = join(t.work, 'settings.json');
    writeFileSync(path, '{"n":1}');
    readCached(path, countingJson());
    expect(cacheFiles(t.cache)).toEqual({ entries: [], temps: [] });
  });

  it('writes one 0600 JSON envelope: format, kind, key, version, stamp, value', () => {
    trustFreshStamps();
    const path = join(t.work, 'settings.json');
    writeFileSync(path, '{"n":1}');
    readCached(path, countingJson(), { version: 'v1' });
    const file = entryPath(t.cache, 'file', path, 'v1');
    expect(cacheFiles(t.cache).entries).toEqual([file.slice(t.cache.length + 1)]);
    expect(file).toMatch(/\/file-[0-9a-z]+\.json$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stats = statSync(path, { bigint: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      format: 1,
      kind: 'file',
      key: path,
      version: 'v1',
      stamp: `${stats.mtimeNs}:${stats.ctimeNs}:${stats.size}:${stats.ino}:${stats.dev}`,
      value: { n: 1 },
    });
  });

  it('keeps a value too large for an entry in memory only', () => {
    const path = join(t.work, 'big.txt');
    writeFileSync(path, 'x'.repeat(1.5 * 1024 * 1024));
    const parse = (text: string) => text;
    expect(readCached(path, parse, { version: 'v1' })).toHaveLength(1.5 * 1024 * 1024);
    expect(cacheFiles(t.cache)).toEqual({ entries: [], temps: [] });
  });

  it('swallows a value JSON cannot hold and keeps it in memory', () => {
    const path = join(t.work, 'n.txt');
    writeFileSync(path, '1');
    const parse = (text: string) => BigInt(text);
    expect(readCached(path, parse, { version: 'v1' })).toBe(1n);
    expect(readCached(path, parse, { version: 'v1' })).toBe(1n);
    expect(cacheFiles(t.cache)).toEqual({ entries: [], temps: [] });
  });
});
