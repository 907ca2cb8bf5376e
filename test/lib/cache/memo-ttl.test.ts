import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryPath } from '../../../lib/cache/_disk.ts';
import { clearMemoryCache, memo } from '../../../lib/cache/index.ts';
import { runStats } from '../../../lib/runtime/stats.ts';
import { cacheFiles, runWorker, useTempHome, useWorker } from './_helpers.ts';

const t = useTempHome();
const worker = useWorker();
afterEach(() => vi.useRealTimers());

/** A computation that counts its calls and returns `value` after a tick. */
function counting<T>(value: T) {
  const fn = async () => {
    fn.calls++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return value;
  };
  fn.calls = 0;
  return fn;
}

describe('memo', () => {
  describe.each([
    ['in this process', false],
    ['across processes (disk layer)', true],
  ])('%s', (_label, cold) => {
    it('returns the remembered value until the TTL passes, then computes again', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const fn = counting({ answer: 42 });
      expect(await memo('session:1', 1000, fn)).toEqual({ answer: 42 });
      vi.setSystemTime(Date.now() + 999);
      if (cold) clearMemoryCache();
      expect(await memo('session:1', 1000, fn)).toEqual({ answer: 42 });
      expect(fn.calls).toBe(1);
      vi.setSystemTime(Date.now() + 1);
      if (cold) clearMemoryCache();
      expect(await memo('session:1', 1000, fn)).toEqual({ answer: 42 });
      expect(fn.calls).toBe(2);
    });

    it.each([
      ['the caller now asks for a shorter TTL', 100, 0],
      ['the clock went back', 1000, -60_000],
    ])('computes again when %s', async (_case, ttlAfter, clockShift) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const fn = counting('v');
      await memo('k', 1000, fn);
      vi.setSystemTime(Date.now() + clockShift + 500);
      if (cold) clearMemoryCache();
      await memo('k', ttlAfter, fn);
      expect(fn.calls).toBe(2);
    });

    it.each([
      [
        'throws',
        () => {
          throw new Error('boom');
        },
      ],
      ['rejects', () => Promise.reject(new Error('boom'))],
    ])('does not cache a computation that %s', async (_case, failing) => {
      await expect(memo('k', 60_000, failing)).rejects.toThrow('boom');
      if (cold) clearMemoryCache();
      expect(await memo('k', 60_000, () => 'recovered')).toBe('recovered');
      expect(cacheFiles(t.cache).entries).toHaveLength(1);
    });
  });

  it('shares one in-flight computation between concurrent callers', async () => {
    const fn = counting('shared');
    const results = await Promise.all([memo('k', 60_000, fn), memo('k', 60_000, fn), memo('k', 60_000, fn)]);
    expect(results).toEqual(['shared', 'shared', 'shared']);
    expect(fn.calls).toBe(1);
    expect(runStats).toMatchObject({ cacheHits: 2, cacheMisses: 1 });
  });

  it('lets every concurrent caller see the rejection, then computes again', async () => {
    let calls = 0;
    const failing = () => (calls++, Promise.reject(new Error('boom')));
    const settled = await Promise.allSettled([memo('k', 60_000, failing), memo('k', 60_000, failing)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    expect(await memo('k', 60_000, () => 'ok')).toBe('ok');
  });

  it('keeps different keys and versions apart', async () => {
    expect(await memo('a', 60_000, () => 1)).toBe(1);
    expect(await memo('b', 60_000, () => 2)).toBe(2);
    expect(await memo('a', 60_000, () => 3, { version: 'v2' })).toBe(3);
    clearMemoryCache();
    expect(
      await Promise.all([
        memo('a', 60_000, () => 0),
        memo('b', 60_000, () => 0),
        memo('a', 60_000, () => 0, { version: 'v2' }),
      ]),
    ).toEqual([1, 2, 3]);
  });

  it('writes an envelope with expiresAt', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_800_000_000_000);
    await memo('session:1', 5000, () => ['x']);
    expect(JSON.parse(readFileSync(entryPath(t.cache, 'memo', 'session:1', ''), 'utf8'))).toEqual({
      format: 1,
      kind: 'memo',
      key: 'session:1',
      version: '',
      expiresAt: 1_800_000_005_000,
      value: ['x'],
    });
  });

  it('serves a later process from disk', async () => {
    const command = { op: 'memo', key: 'session:1', ttlMs: 60_000, value: { list: [1, 2, 3] } };
    expect(await runWorker(worker.path, command)).toMatchObject({ value: { list: [1, 2, 3] }, calls: 1, misses: 1 });
    expect(await runWorker(worker.path, { ...command, value: 'not this' })).toMatchObject({
      value: { list: [1, 2, 3] },
      calls: 0,
      hits: 1,
    });
  });

  it.each([
    ['`ttlMs` is zero', () => memo('k', 0, () => 1), /memo: `ttlMs` must be a positive number of milliseconds, got 0/],
    ['`ttlMs` is NaN', () => memo('k', Number.NaN, () => 1), /got NaN/],
    ['`ttlMs` is Infinity', () => memo('k', Number.POSITIVE_INFINITY, () => 1), /got Infinity/],
    ['`key` is not a string', () => memo(1 as never, 1000, () => 1), /memo: `key` must be a string, got number/],
    ['`fn` is not a function', () => memo('k', 1000, 'x' as never), /memo: `fn` must be a function, got string/],
  ])('rejects, naming the option, when %s', async (_label, call, message) => {
    await expect(call()).rejects.toThrow(message);
  });
});
