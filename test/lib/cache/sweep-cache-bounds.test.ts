import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shouldSweep, sweepCache } from '../../../lib/cache/index.ts';
import { cacheFiles, useTempHome } from './_helpers.ts';

const t = useTempHome();
const MINUTE = 60_000;

/** Plants entries named `<name>.json` of `bytes` bytes, each last used `ageMinutes` ago. */
function plant(entries: [name: string, ageMinutes: number, bytes?: number][]): void {
  mkdirSync(t.cache, { recursive: true, mode: 0o700 });
  for (const [name, ageMinutes, bytes = 10] of entries) {
    const path = join(t.cache, name);
    writeFileSync(path, 'x'.repeat(bytes));
    const when = new Date(Date.now() - ageMinutes * MINUTE);
    utimesSync(path, when, when);
  }
}

describe('sweepCache', () => {
  it.each([
    ['entries', { maxEntries: 2 }, ['new.json', 'mid.json']],
    ['bytes', { maxBytes: 25 }, ['new.json', 'mid.json']],
    ['bytes, below one entry', { maxBytes: 5 }, []],
    ['age', { maxAgeMs: 45 * MINUTE }, ['new.json', 'mid.json']],
    ['nothing (all within bounds)', {}, ['new.json', 'mid.json', 'old.json', 'oldest.json']],
  ])('evicts least recently used first down to the bound on %s', (_label, options, kept) => {
    plant([
      ['mid.json', 30],
      ['oldest.json', 120],
      ['new.json', 1],
      ['old.json', 60],
    ]);
    const result = sweepCache(options);
    expect(cacheFiles(t.cache).entries.sort()).toEqual([...kept].sort());
    expect(result).toEqual({ removed: 4 - kept.length, kept: kept.length, bytes: kept.length * 10 });
  });

  it('removes temp files of dead writers (over a minute old) and leaves fresh ones and foreign files', () => {
    plant([
      ['.file-a.json.1.2.0.tmp', 5],
      ['.file-b.json.1.2.0.tmp', 0],
      ['notes.txt', 500],
    ]);
    mkdirSync(join(t.cache, 'a-dir.json'));
    sweepCache({ maxEntries: 0, maxAgeMs: 1 });
    expect(readdirSync(t.cache).sort()).toEqual(['.file-b.json.1.2.0.tmp', '.swept', 'a-dir.json', 'notes.txt']);
  });

  it('does nothing, and creates nothing, without a safe cache directory', () => {
    writeFileSync(join(t.root, 'plain'), '');
    process.env.HOOKPACK_HOME = join(t.root, 'plain', 'home');
    expect(sweepCache()).toEqual({ removed: 0, kept: 0, bytes: 0 });
  });
});

describe('shouldSweep', () => {
  it('is false while there is no cache directory, and creates none', () => {
    expect(shouldSweep()).toBe(false);
    expect(existsSync(t.home)).toBe(false);
  });

  it('is true for a cache directory never swept, then false for an hour after a sweep', () => {
    plant([['a.json', 1]]);
    expect(shouldSweep()).toBe(true);
    sweepCache();
    expect(shouldSweep()).toBe(false);
    expect(shouldSweep(Date.now() + 59 * MINUTE)).toBe(false);
    expect(shouldSweep(Date.now() + 61 * MINUTE)).toBe(true);
  });
});
