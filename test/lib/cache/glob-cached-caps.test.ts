// globCached's caps: a walk past maxEntries or maxDepth throws ListingCapError (nothing returned,
// nothing cached), so a listing of a directory someone else filled stays bounded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globCached, ListingCapError } from '../../../lib/cache/index.ts';
import { useTempHome } from './_helpers.ts';

const t = useTempHome();

function files(names: string[]): void {
  for (const name of names) {
    mkdirSync(join(t.work, name, '..'), { recursive: true });
    writeFileSync(join(t.work, name), name);
  }
}

describe('globCached caps', () => {
  it.each([
    ['entries: exactly the cap is listed', { maxEntries: 3 }, ['a', 'b', 'c'], ['a', 'b', 'c']],
    ['depth: files at the deepest allowed level are listed', { maxDepth: 2 }, ['x/y/z.md'], ['x/y/z.md']],
  ])('%s', (_, caps, names, expected) => {
    files(names);
    expect(globCached(t.work, '*', { recursive: true, ...caps })).toEqual(expected);
  });

  it.each([
    ['one entry past maxEntries (directories count too)', { maxEntries: 3 }, ['a', 'b', 'sub/c']],
    ['a directory below maxDepth', { maxDepth: 1 }, ['x/y/z.md']],
  ])('throws ListingCapError for %s', (_, caps, names) => {
    files(names);
    expect(() => globCached(t.work, '*', { recursive: true, ...caps })).toThrow(ListingCapError);
  });

  it('caches nothing from a walk it gave up: the same call throws again', () => {
    files(['a', 'b', 'c', 'd']);
    expect(() => globCached(t.work, '*', { maxEntries: 2 })).toThrow(ListingCapError);
    expect(() => globCached(t.work, '*', { maxEntries: 2 })).toThrow(ListingCapError);
  });
});
