import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPath } from '../../../lib/cache/_disk.ts';
import { clearMemoryCache, readCached } from '../../../lib/cache/index.ts';
import { resetHookpackHome } from '../../../lib/home.ts';
import { cacheFiles, trustFreshStamps, useTempHome } from './_helpers.ts';

const t = useTempHome();
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const posix = process.platform !== 'win32';

/** A lookup as a new process would make it: nothing in memory, only what is on disk. */
function readCold(path: string, parse: (text: string) => unknown): unknown {
  clearMemoryCache();
  return readCached(path, parse, { version: 'v1' });
}

/**
 * Writes the watched file, lets readCached store a valid entry for it, then rewrites that entry with
 * a planted value (still valid for the current stamp, so only the file's ownership or mode can
 * make it a miss). Returns the watched file and the entry's path.
 */
function plantedEntry(): { path: string; entry: string; planted: string } {
  trustFreshStamps();
  const path = join(t.work, 'settings.json');
  writeFileSync(path, '{"real":true}');
  readCold(path, JSON.parse);
  const entry = entryPath(t.cache, 'file', path, 'v1');
  const planted = JSON.stringify({ ...(JSON.parse(readFileSync(entry, 'utf8')) as object), value: { planted: true } });
  writeFileSync(entry, planted);
  chmodSync(entry, 0o600);
  return { path, entry, planted };
}

/** Reads cold and checks: the real value (parse ran again), and the entry replaced by a private one of ours with it. */
function expectMissAndReplaced(path: string, entry: string): void {
  let calls = 0;
  const parse = (text: string): unknown => (calls++, JSON.parse(text));
  expect(readCold(path, parse)).toEqual({ real: true });
  expect(calls).toBe(1);
  const stat = lstatSync(entry);
  expect(stat.isFile()).toBe(true);
  expect(stat.mode & 0o777).toBe(0o600);
  if (posix) expect(stat.uid).toBe(process.getuid!());
  expect(JSON.parse(readFileSync(entry, 'utf8'))).toMatchObject({ format: 1, key: path, value: { real: true } });
  // and the replacement is a hit for the next process
  expect(readCold(path, parse)).toEqual({ real: true });
  expect(calls).toBe(1);
  expect(cacheFiles(t.cache).temps).toEqual([]);
}

describe('a cache entry that is not ours alone', () => {
  it('is a hit while private (the control: the planted value is served from a 0600 file of ours)', () => {
    const { path } = plantedEntry();
    expect(readCold(path, JSON.parse)).toEqual({ planted: true });
  });

  it.runIf(posix).each([
    ['666', 0o666],
    ['664', 0o664],
    ['646', 0o646],
  ] as const)(
    'is a miss when someone made it writable by group or others (mode %s), and is replaced',
    (_octal, mode) => {
      const { path, entry } = plantedEntry();
      chmodSync(entry, mode);
      expectMissAndReplaced(path, entry);
    },
  );

  it.runIf(posix)(
    'is a miss when it is a symbolic link (even to a valid entry of ours), and the link is replaced, not its target',
    () => {
      const { path, entry, planted } = plantedEntry();
      const elsewhere = join(t.root, 'elsewhere.json');
      writeFileSync(elsewhere, planted, { mode: 0o600 });
      chmodSync(elsewhere, 0o600);
      rmSync(entry);
      symlinkSync(elsewhere, entry);
      expectMissAndReplaced(path, entry);
      expect(readFileSync(elsewhere, 'utf8')).toBe(planted);
    },
  );

  it.skipIf(!isRoot)(
    'is a miss when it is owned by another user, even 0600, and is replaced [root only: chown needs it]',
    () => {
      const { path, entry } = plantedEntry();
      chownSync(entry, NOBODY, NOBODY);
      expectMissAndReplaced(path, entry);
    },
  );
});

describe.runIf(posix)('a symbolic-link HOOKPACK_HOME', () => {
  it('keeps entries in the real directory it leads to', () => {
    const real = join(t.root, 'real-home');
    mkdirSync(real, { mode: 0o700 });
    chmodSync(real, 0o700);
    symlinkSync(real, t.home);
    resetHookpackHome();
    trustFreshStamps();
    const path = join(t.work, 'settings.json');
    writeFileSync(path, '{"real":true}');
    let calls = 0;
    const parse = (text: string): unknown => (calls++, JSON.parse(text));
    expect(readCold(path, parse)).toEqual({ real: true });
    expect(readCold(path, parse)).toEqual({ real: true });
    expect(calls).toBe(1);
    const realCache = join(realpathSync(real), 'cache');
    expect(statSync(realCache).mode & 0o777).toBe(0o700);
    expect(cacheFiles(realCache).entries).toEqual([
      entryPath(realCache, 'file', path, 'v1').slice(realCache.length + 1),
    ]);
  });
});
