import { describe, expect, it } from 'vitest';
import { parseKnowledgeChecks } from '../../../lib/context/knowledge-checks.ts';

describe('parseKnowledgeChecks', () => {
  it('turns each entry into its check and its folded keyword words', () => {
    const text = JSON.stringify([
      { keywords: ['migration', 'DB schema'], check: 'Run npm run db:check before committing a migration' },
      { keywords: ['releases'], check: '  Releases are\n  tagged by CI  ', owner: 'ops' },
    ]);
    expect(parseKnowledgeChecks(text)).toEqual({
      entries: [
        { check: 'Run npm run db:check before committing a migration', words: ['migration', 'db', 'schema'] },
        { check: 'Releases are tagged by CI', words: ['release'] },
      ],
      problems: [],
    });
  });

  it('skips malformed entries, naming each, and keeps the rest', () => {
    const text = JSON.stringify([
      'just a string',
      { keywords: 'migration', check: 'x' },
      { keywords: [], check: 'x' },
      { keywords: ['ok', 1], check: 'x' },
      { keywords: ['deploy'] },
      { keywords: ['the', 'a'], check: 'x' },
      { keywords: ['deploy'], check: 'Deploys go through CI' },
      null,
    ]);
    const { entries, problems } = parseKnowledgeChecks(text);
    expect(entries).toEqual([{ check: 'Deploys go through CI', words: ['deploy'] }]);
    expect(problems).toEqual([
      'entry 0: expected an object with `keywords` and `check`, got string',
      'entry 1: `keywords` must be a non-empty array of strings',
      'entry 2: `keywords` must be a non-empty array of strings',
      'entry 3: `keywords` must be a non-empty array of strings',
      'entry 4: `check` must be a non-empty string',
      'entry 5: `keywords` hold no usable word (only stop words or single characters)',
      'entry 7: expected an object with `keywords` and `check`, got null',
    ]);
  });

  it.each([
    ['not JSON', '[{"keywords": ["a"],', /^not valid JSON \(/],
    ['an object', '{"checks": []}', /^expected a JSON array/],
  ])('yields no entries and one problem for %s', (_label, text, problem) => {
    const { entries, problems } = parseKnowledgeChecks(text);
    expect(entries).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });
});
