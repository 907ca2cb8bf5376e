import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPath } from '../../../lib/cache/_disk.ts';
import { cacheFiles, runBatch, useTempHome, useWorker } from './_helpers.ts';

const t = useTempHome();
const worker = useWorker();
const PROCESSES = 20;

const batch = (count: number, command: (index: number) => Record<string, unknown>) =>
  runBatch(worker.path, count, command);

describe('the cache under concurrent processes', () => {
  it(`gives ${PROCESSES} processes missing on one memo key the full value and leaves one whole entry`, async () => {
    const value = { rows: Array.from({ length: 5000 }, (_, i) => ({ i, text: `row ${i}` })) };
    const results = await batch(PROCESSES, () => ({
      op: 'memo',
      key: 'session:shared',
      ttlMs: 60_000,
      value,
      delayMs: 20,
    }));
    expect(results).toHaveLength(PROCESSES);
    for (const result of results) expect(result.value).toEqual(value);
    // Every process either computed (a miss) or read another's entry (a hit): nothing in between.
    expect(results.every((r) => r.hits + r.misses === 1 && r.calls === r.misses)).toBe(true);
    const entry = JSON.parse(readFileSync(entryPath(t.cache, 'memo', 'session:shared', ''), 'utf8')) as {
      value: unknown;
    };
    expect(entry.value).toEqual(value);
    expect(cacheFiles(t.cache)).toEqual({
      entries: [entryPath(t.cache, 'memo', 'session:shared', '').slice(t.cache.length + 1)],
      temps: [],
    });
  });

  it(`gives ${PROCESSES} processes reading one file the full parse and leaves one whole entry`, async () => {
    const path = join(t.work, 'big.json');
    const content = { items: Array.from({ length: 5000 }, (_, i) => `item-${i}`) };
    writeFileSync(path, JSON.stringify(content));
    const results = await batch(PROCESSES, () => ({ op: 'read', path, version: 'v1' }));
    expect(results).toHaveLength(PROCESSES);
    for (const result of results) expect(result.value).toEqual(content);
    expect(results.every((r) => r.hits + r.misses === 1 && r.calls === r.misses)).toBe(true);
    const file = entryPath(t.cache, 'file', path, 'v1');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 1,
      kind: 'file',
      key: path,
      value: content,
    });
    expect(cacheFiles(t.cache)).toEqual({ entries: [file.slice(t.cache.length + 1)], temps: [] });
  });

  it('never lets a reader see part of an entry while others rewrite it', async () => {
    const writers = 10;
    const readers = 10;
    const results = await batch(writers + readers, (index) =>
      index < writers
        ? { op: 'hammer-write', key: 'hot', durationMs: 1000, chars: 100_000 }
        : { op: 'hammer-read', key: 'hot', durationMs: 1000 },
    );
    const read = results.slice(writers);
    expect(read.map((r) => r.torn)).toEqual(Array.from({ length: readers }, () => 0));
    // The check must have had something to check.
    expect(read.reduce((sum, r) => sum + (r.seen ?? 0), 0)).toBeGreaterThan(0);
    expect(cacheFiles(t.cache)).toEqual({
      entries: [entryPath(t.cache, 'memo', 'hot', '').slice(t.cache.length + 1)],
      temps: [],
    });
  });
});
