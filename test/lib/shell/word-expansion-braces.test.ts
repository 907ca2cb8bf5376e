import { describe, expect, it } from 'vitest';
import { expandBraces } from '../../../lib/shell/word-expansion.ts';

describe('expandBraces expands comma lists as bash does', () => {
  it.each([
    ['{rm,-rf,/}', ['rm', '-rf', '/']],
    ['a{b,c}d', ['abd', 'acd']],
    ['r{m,}', ['rm', 'r']],
    ['{a,b}{1,2}', ['a1', 'a2', 'b1', 'b2']],
    ['{a,{b,c}}', ['a', 'b', 'c']],
    ['{a}', ['{a}']],
    ['{}', ['{}']],
    ['{1..3}', ['{1..3}']],
    ['${x,y}', ['${x,y}']],
    ['{{a,b}', ['{a', '{b']],
    ['x{a}y{b,c}', ['x{a}yb', 'x{a}yc']],
    ['{a,b}{c,{d,e}}', ['ac', 'ad', 'ae', 'bc', 'bd', 'be']],
    ['${a,b}{c,d}', ['${a,b}c', '${a,b}d']],
  ])('%j', (text, expected) => {
    expect(expandBraces(text)).toEqual(expected);
  });

  it('expands into up to 256 words', () => {
    expect(expandBraces('{a,b}'.repeat(8))).toHaveLength(256);
  });

  // Cutting the list short could drop the word a rule looks for: `rm -rf {a1,…,a300,/}`.
  it('refuses a word that expands into more than 256 words instead of dropping the rest', () => {
    expect(() => expandBraces('{a,b}'.repeat(9))).toThrow(/more than 256 words from one brace expansion/);
    expect(() => expandBraces(`{${Array.from({ length: 300 }, (_, i) => `a${i}`).join(',')},/}`)).toThrow(
      expect.objectContaining({ code: 'E_SHELL_TOO_LARGE' }),
    );
  });

  it('refuses 20,000 groups in one word without expanding them (the recursion used to overflow the stack)', () => {
    expect(() => expandBraces('{a,b}'.repeat(20_000))).toThrow(expect.objectContaining({ code: 'E_SHELL_TOO_LARGE' }));
    expect(() => expandBraces(`${'{a,'.repeat(20_000)}x${'}'.repeat(20_000)}`)).toThrow(
      expect.objectContaining({ code: 'E_SHELL_TOO_LARGE' }),
    );
  });
});
