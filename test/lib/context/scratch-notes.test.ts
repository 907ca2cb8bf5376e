import { describe, expect, it } from 'vitest';
import { isVisible, rankScratch, scratchCandidates, scratchWords } from '../../../lib/context/scratch-notes.ts';
import { keywordsOf } from '../../../lib/context/words.ts';

const prompt = (text: string) => new Set(keywordsOf(text));

describe('scratchWords', () => {
  it('uses every path segment and drops the extension', () => {
    expect(scratchWords('incidents/2026-11-03-authTokenRefresh.md')).toEqual([
      'incident',
      '2026',
      '11',
      '03',
      'auth',
      'token',
      'refresh',
    ]);
  });
});

describe('isVisible', () => {
  it.each([
    ['notes.md', true],
    ['.DS_Store', false],
    ['designs/.draft.md', false],
    ['.git/config', false],
  ])('%s → %s', (path, visible) => {
    expect(isVisible(path)).toBe(visible);
  });
});

describe('scratchCandidates', () => {
  const paths = [
    'db-migration-plan.md',
    'release-checklist.md',
    'migration/schema-v2.md',
    '.hidden-migration.md',
    'random.txt',
  ];

  it('keeps the files whose name words meet the prompt, scored by how many', () => {
    expect(scratchCandidates(paths, prompt('the schema migration fails'))).toEqual([
      { path: 'db-migration-plan.md', score: 1 },
      { path: 'migration/schema-v2.md', score: 2 },
    ]);
  });

  it('keeps every visible file when the prompt asks about the scratch notes', () => {
    expect(scratchCandidates(paths, prompt('what is in my notes?')).map((c) => c.path)).toEqual([
      'db-migration-plan.md',
      'release-checklist.md',
      'migration/schema-v2.md',
      'random.txt',
    ]);
  });

  it('keeps nothing when no name matches', () => {
    expect(scratchCandidates(paths, prompt('refactor the router'))).toEqual([]);
  });
});

describe('rankScratch', () => {
  it('orders by score, then newest, then path, and keeps at most the limit', () => {
    const files = [
      { path: 'a.md', mtimeMs: 1, score: 1 },
      { path: 'b.md', mtimeMs: 3, score: 1 },
      { path: 'c.md', mtimeMs: 2, score: 2 },
      { path: 'd.md', mtimeMs: 3, score: 1 },
    ];
    expect(rankScratch(files, 3).map((f) => f.path)).toEqual(['c.md', 'b.md', 'd.md']);
  });
});
