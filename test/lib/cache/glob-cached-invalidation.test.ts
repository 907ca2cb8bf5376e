import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearMemoryCache, globCached } from '../../../lib/cache/index.ts';
import { runStats } from '../../../lib/runtime/stats.ts';
import { runWorker, trustFreshStamps, useTempHome, useWorker } from './_helpers.ts';

const t = useTempHome();
const worker = useWorker();

function files(names: string[]): void {
  for (const name of names) {
    mkdirSync(join(t.work, name, '..'), { recursive: true });
    writeFileSync(join(t.work, name), name);
  }
}

describe('globCached', () => {
  it.each([
    ['*.md', ['a.md', 'b.md', 'c.txt', '.hidden.md'], ['.hidden.md', 'a.md', 'b.md']],
    ['?.md', ['a.md', 'ab.md'], ['a.md']],
    ['*.{ts,tsx}', ['a.ts', 'b.tsx', 'c.js'], ['a.ts', 'b.tsx']],
    ['[ab]*', ['a1', 'b2', 'c3'], ['a1', 'b2']],
    ['*', ['z', 'a', 'm'], ['a', 'm', 'z']],
  ])('lists %s in %j as %j, sorted', (pattern, names, expected) => {
    files(names);
    expect(globCached(t.work, pattern)).toEqual(expected);
  });

  it('lists neither directories nor what is inside them unless recursive', () => {
    files(['top.md', 'sub/inner.md', 'sub/deeper/deep.md']);
    expect(globCached(t.work, '*.md')).toEqual(['top.md']);
    expect(globCached(t.work, '*.md', { recursive: true })).toEqual(['sub/deeper/deep.md', 'sub/inner.md', 'top.md']);
    expect(globCached(t.work, 'sub/*.md', { recursive: true })).toEqual(['sub/inner.md']);
  });

  it('lists a symlink as an entry and does not follow it', () => {
    files(['real/x.md']);
    symlinkSync(join(t.work, 'real'), join(t.work, 'link'));
    expect(globCached(t.work, '*', { recursive: true })).toEqual(['link', 'real/x.md']);
  });

  it.each([
    ['a directory that does not exist', () => join(t.work, 'absent')],
    ['a regular file', () => (writeFileSync(join(t.work, 'plain'), ''), join(t.work, 'plain'))],
  ])('returns [] for %s', (_label, make) => {
    expect(globCached(make(), '*')).toEqual([]);
  });

  const changes: [string, boolean, () => void, string[]][] = [
    ['a file is added', false, () => files(['c.md']), ['a.md', 'b.md', 'c.md']],
    ['a file is removed', false, () => rmSync(join(t.work, 'b.md')), ['a.md']],
    ['a file is renamed', false, () => renameSync(join(t.work, 'b.md'), join(t.work, 'z.md')), ['a.md', 'z.md']],
    [
      'a file is added in a subdirectory (recursive)',
      true,
      () => files(['sub/new.md']),
      ['a.md', 'b.md', 'sub/new.md', 'sub/old.md'],
    ],
    [
      'a subdirectory is removed (recursive)',
      true,
      () => rmSync(join(t.work, 'sub'), { recursive: true }),
      ['a.md', 'b.md'],
    ],
  ];

  describe.each([
    ['in this process', false],
    ['in a fresh process (disk layer)', true],
  ])('%s', (_label, cold) => {
    it.each(changes)('lists again when %s', (_change, recursive, change, expected) => {
      trustFreshStamps();
      files(['a.md', 'b.md', 'sub/old.md']);
      globCached(t.work, '*.md', { recursive });
      change();
      if (cold) clearMemoryCache();
      expect(globCached(t.work, '*.md', { recursive })).toEqual(expected);
    });

    it('returns the cached list when only a file content changes (not tracked: the directory is unchanged)', () => {
      trustFreshStamps();
      files(['a.md', 'b.md']);
      const first = globCached(t.work, '*.md');
      writeFileSync(join(t.work, 'a.md'), 'new content, new size');
      if (cold) clearMemoryCache();
      expect(globCached(t.work, '*.md')).toEqual(first);
      expect(runStats).toMatchObject({ cacheHits: 1, cacheMisses: 1 });
    });
  });

  it('keeps a listing only once its directories have aged out of the racy window', () => {
    files(['a.md']);
    globCached(t.work, '*.md');
    globCached(t.work, '*.md');
    expect(runStats).toMatchObject({ cacheHits: 0, cacheMisses: 2 });
    trustFreshStamps();
    globCached(t.work, '*.md');
    globCached(t.work, '*.md');
    expect(runStats).toMatchObject({ cacheHits: 1, cacheMisses: 3 });
  });

  it('misses in a changed subdirectory only when recursive; a top-level listing ignores it (documented limit)', () => {
    trustFreshStamps();
    files(['a.md', 'sub/old.md']);
    expect(globCached(t.work, '*', { recursive: false })).toEqual(['a.md']);
    expect(globCached(t.work, '*', { recursive: true })).toEqual(['a.md', 'sub/old.md']);
    files(['sub/new.md']);
    expect(globCached(t.work, '*', { recursive: false })).toEqual(['a.md']);
    expect(globCached(t.work, '*', { recursive: true })).toEqual(['a.md', 'sub/new.md', 'sub/old.md']);
    expect(runStats).toMatchObject({ cacheHits: 1, cacheMisses: 3 });
  });

  it('serves another process from disk, once the directory is out of the racy window', async () => {
    files(['a.md', 'b.md']);
    const command = { op: 'glob', dir: t.work, pattern: '*.md' };
    // Still racy: a window far longer than these runs take, however loaded the machine (the default
    // 3 s passed between two process starts at a load average of 30, and the second run hit).
    const fresh = { ...command, racyMs: 60_000 };
    expect(await runWorker(worker.path, fresh)).toMatchObject({ value: ['a.md', 'b.md'], misses: 1 });
    expect(await runWorker(worker.path, fresh)).toMatchObject({ value: ['a.md', 'b.md'], misses: 1 });
    expect(await runWorker(worker.path, { ...command, racyMs: -60_000 })).toMatchObject({
      value: ['a.md', 'b.md'],
      misses: 1,
    });
    expect(await runWorker(worker.path, { ...command, racyMs: -60_000 })).toMatchObject({
      value: ['a.md', 'b.md'],
      hits: 1,
      misses: 0,
    });
  });
});
