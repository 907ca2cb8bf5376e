import { mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCached } from '../../../lib/cache/index.ts';
import { runStats } from '../../../lib/runtime/stats.ts';
import { trustFreshStamps, useTempHome } from './_helpers.ts';

const t = useTempHome();

/** A parse function that counts its calls. */
function counting() {
  const parse = (text: string) => {
    parse.calls++;
    return text.trim();
  };
  parse.calls = 0;
  return parse;
}

const changes: [string, (path: string) => void][] = [
  [
    'its mtime changes (same content)',
    (path) => utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000)),
  ],
  ['its size changes', (path) => writeFileSync(path, 'version two, longer\n')],
  ['it gets new content of the same size', (path) => writeFileSync(path, 'version 2\n')],
  [
    'it is replaced by rename (new inode)',
    (path) => {
      writeFileSync(`${path}.new`, 'version 2\n');
      renameSync(`${path}.new`, path);
    },
  ],
];

describe('readCached invalidation', () => {
  describe.each([
    ['inside the racy window (content hash checked)', () => {}],
    ['with stamps trusted (stamp checked only)', trustFreshStamps],
  ])('%s', (_label, setup) => {
    it.each(changes)('parses again after %s, and not before', (_change, change) => {
      setup();
      const path = join(t.work, 'config.txt');
      writeFileSync(path, 'version 1\n');
      const parse = counting();
      expect(readCached(path, parse)).toBe('version 1');
      expect(readCached(path, parse)).toBe('version 1');
      expect(parse.calls).toBe(1);
      change(path);
      const after = readCached(path, parse);
      expect(parse.calls).toBe(2);
      expect(after).toBe(readFileSync(path, 'utf8').trim());
      expect(readCached(path, parse)).toBe(after);
      expect(parse.calls).toBe(2);
    });
  });

  it.each([
    ['a file that does not exist', (dir: string) => join(dir, 'absent.json')],
    [
      'a path under a regular file (ENOTDIR)',
      (dir: string) => (writeFileSync(join(dir, 'plain'), ''), join(dir, 'plain', 'x.json')),
    ],
  ])('returns undefined for %s, caches nothing, and counts a miss', (_label, make) => {
    const path = make(t.work);
    const parse = counting();
    expect(readCached(path, parse)).toBeUndefined();
    expect(parse.calls).toBe(0);
    expect(runStats).toMatchObject({ cacheHits: 0, cacheMisses: 1 });
  });

  it('reads a file that appears after a lookup found nothing', () => {
    const path = join(t.work, 'late.txt');
    const parse = counting();
    expect(readCached(path, parse, { version: 'v1' })).toBeUndefined();
    writeFileSync(path, 'now here\n');
    expect(readCached(path, parse, { version: 'v1' })).toBe('now here');
  });

  it('lets other errors through (a directory is not a file)', () => {
    const path = join(t.work, 'a-dir');
    mkdirSync(path);
    expect(() => readCached(path, counting())).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });

  it('lets a parse error through and caches nothing', () => {
    const path = join(t.work, 'broken.json');
    writeFileSync(path, '{');
    let calls = 0;
    const parse = (text: string) => (calls++, JSON.parse(text) as unknown);
    expect(() => readCached(path, parse, { version: 'v1' })).toThrow(SyntaxError);
    expect(() => readCached(path, parse, { version: 'v1' })).toThrow(SyntaxError);
    expect(calls).toBe(2);
  });

  it('counts a hit or a miss on every lookup', () => {
    const path = join(t.work, 'counted.txt');
    writeFileSync(path, 'x');
    const parse = counting();
    readCached(path, parse);
    readCached(path, parse);
    readCached(path, parse);
    expect(runStats).toMatchObject({ cacheHits: 2, cacheMisses: 1 });
  });

  it('tells parse functions apart by identity, or by version when one is given', () => {
    const path = join(t.work, 'shared.txt');
    writeFileSync(path, 'abc');
    const suffix = (tail: string) => (text: string) => text + tail;
    expect([readCached(path, suffix('1')), readCached(path, suffix('2'))]).toEqual(['abc1', 'abc2']);
    expect([
      readCached(path, suffix('1'), { version: 'same' }),
      readCached(path, suffix('2'), { version: 'same' }),
    ]).toEqual(['abc1', 'abc1']);
  });

  it('resolves relative paths, so the same file is one entry whatever the spelling', () => {
    const path = join(t.work, 'spelled.txt');
    writeFileSync(path, 'x');
    const parse = counting();
    readCached(path, parse);
    readCached(join(t.work, '.', '..', 'work', 'spelled.txt'), parse);
    expect(parse.calls).toBe(1);
  });

  it.each([
    [
      '`parse` is not a function',
      () => readCached('x', 'nope' as never),
      /readCached: `parse` must be a function, got string/,
    ],
    [
      '`version` is not a string',
      () => readCached('x', String, { version: 1 as never }),
      /readCached: `version` must be a string, got number/,
    ],
  ])('names the option when %s', (_label, call, message) => {
    expect(call).toThrow(message);
  });
});
