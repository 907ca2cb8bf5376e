import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPath } from '../../../lib/cache/_disk.ts';
import { hash53 } from '../../../lib/cache/_hash.ts';
import { racyWindow } from '../../../lib/cache/_stamp.ts';
import { clearMemoryCache, readCached } from '../../../lib/cache/index.ts';
import { runWorker, trustFreshStamps, useTempHome, useWorker } from './_helpers.ts';

const t = useTempHome();
const worker = useWorker();
const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);

/** Writes content and pins mtime to tomorrow, as `touch -d tomorrow` or a skewed NFS server would. */
function writeInFuture(path: string, content: string): void {
  writeFileSync(path, content);
  utimesSync(path, tomorrow, tomorrow);
}

describe('readCached with racy stamps', () => {
  it.each([
    ['in this process (memory layer)', false],
    ['across a cleared memory layer (disk layer)', true],
  ])('sees new content of the same size and the same future mtime %s', (_label, cold) => {
    // Even with fresh stamps trusted, a future mtime stays racy: that is the case under test.
    trustFreshStamps();
    const path = join(t.work, 'skewed.json');
    writeInFuture(path, '{"v":1}');
    const parse = (text: string): unknown => JSON.parse(text);
    expect(readCached(path, parse, { version: 'v1' })).toEqual({ v: 1 });
    expect(JSON.parse(readFileSync(entryPath(t.cache, 'file', path, 'v1'), 'utf8'))).toHaveProperty('hash');
    writeInFuture(path, '{"v":2}');
    if (cold) clearMemoryCache();
    expect(readCached(path, parse, { version: 'v1' })).toEqual({ v: 2 });
  });

  it.each([
    ['racy (future mtime): the content hash decides', true, { v: 2 }],
    ['trusted: the stamp decides', false, { v: 1 }],
  ])(
    'handles an entry whose stamp matches content it no longer has when the stamp is %s',
    (_label, future, expected) => {
      // Two same-size writes within one timestamp tick leave identical stats, ctime included; a
      // planted entry with the current stamp reproduces that without racing the clock.
      trustFreshStamps();
      const path = join(t.work, 'tick.json');
      if (future) writeInFuture(path, '{"v":2}');
      else writeFileSync(path, '{"v":2}');
      const stats = statSync(path, { bigint: true });
      const stamp = `${stats.mtimeNs}:${stats.ctimeNs}:${stats.size}:${stats.ino}:${stats.dev}`;
      mkdirSync(t.cache, { recursive: true, mode: 0o700 });
      const racy = future ? { hash: hash53('{"v":1}') } : {};
      writeFileSync(
        entryPath(t.cache, 'file', path, 'v1'),
        JSON.stringify({ format: 1, kind: 'file', key: path, version: 'v1', stamp, ...racy, value: { v: 1 } }),
      );
      expect(readCached(path, (text): unknown => JSON.parse(text), { version: 'v1' })).toEqual(expected);
    },
  );

  it('sees it in another process too', async () => {
    const path = join(t.work, 'skewed.json');
    writeInFuture(path, '{"v":1}');
    expect(await runWorker(worker.path, { op: 'read', path, version: 'v1' })).toMatchObject({
      value: { v: 1 },
      calls: 1,
    });
    expect(await runWorker(worker.path, { op: 'read', path, version: 'v1' })).toMatchObject({
      value: { v: 1 },
      calls: 0,
      hits: 1,
    });
    writeInFuture(path, '{"v":2}');
    expect(await runWorker(worker.path, { op: 'read', path, version: 'v1' })).toMatchObject({
      value: { v: 2 },
      calls: 1,
      misses: 1,
    });
  });

  it('still skips the parse while the content hashes the same', () => {
    const path = join(t.work, 'skewed.json');
    writeInFuture(path, '{"v":1}');
    let calls = 0;
    const parse = (text: string): unknown => (calls++, JSON.parse(text));
    readCached(path, parse, { version: 'v1' });
    clearMemoryCache();
    readCached(path, parse, { version: 'v1' });
    expect(calls).toBe(1);
  });

  it('treats a just-written file as racy, then upgrades its entry to stamp-only once it ages out', () => {
    expect(racyWindow.ms).toBeGreaterThanOrEqual(2000);
    const path = join(t.work, 'fresh.json');
    writeFileSync(path, '{"v":1}');
    const parse = (text: string): unknown => JSON.parse(text);
    readCached(path, parse, { version: 'v1' });
    const file = entryPath(t.cache, 'file', path, 'v1');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('hash');
    trustFreshStamps(); // stands in for waiting out the window
    clearMemoryCache();
    expect(readCached(path, parse, { version: 'v1' })).toEqual({ v: 1 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).not.toHaveProperty('hash');
  });
});
