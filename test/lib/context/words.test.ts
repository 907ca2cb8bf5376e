import { describe, expect, it } from 'vitest';
import { fold, keywordsOf, mayContain, overlap, wordTokens } from '../../../lib/context/words.ts';

describe('wordTokens', () => {
  it.each([
    ['Fix the DB migration!', ['fix', 'the', 'db', 'migration']],
    ['parseConfig in src/lib/authToken.ts', ['parse', 'config', 'in', 'src', 'lib', 'auth', 'token', 'ts']],
    ['2026-11-03-release_notes.md', ['2026', '11', '03', 'release', 'notes', 'md']],
    ['Überprüfe die Datenbank-Migration', ['überprüfe', 'die', 'datenbank', 'migration']],
    ['', []],
  ])('splits %j into %j', (text, tokens) => {
    expect(wordTokens(text)).toEqual(tokens);
  });
});

describe('fold', () => {
  it.each([
    ['migrations', 'migration'],
    ['policies', 'policy'],
    ['class', 'class'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['bus', 'bus'],
    ['js', 'js'],
  ])('folds %s to %s', (word, folded) => {
    expect(fold(word)).toBe(folded);
  });
});

describe('keywordsOf', () => {
  it('drops stop words and one-character tokens, folds plurals, and deduplicates', () => {
    expect(keywordsOf('Please fix the migrations and the migration schema in a DB')).toEqual([
      'fix',
      'migration',
      'schema',
      'db',
    ]);
  });

  it('gives nothing for a prompt of filler', () => {
    expect(keywordsOf('yes, please do it now')).toEqual([]);
  });
});

describe('mayContain', () => {
  it('is true whenever the tokens of a text include the word', () => {
    for (const text of ['Auth-Tokens', 'authToken', 'db_policies', 'SCHEMA']) {
      const lower = text.toLowerCase();
      for (const word of keywordsOf(text)) expect(mayContain(lower, word)).toBe(true);
    }
  });

  it('rules out a text that cannot hold the word', () => {
    expect(mayContain('release-plan', 'migration')).toBe(false);
  });
});

describe('overlap', () => {
  it('counts the words the prompt holds', () => {
    expect(overlap(['migration', 'schema', 'deploy'], new Set(['schema', 'migration', 'user']))).toBe(2);
  });
});
