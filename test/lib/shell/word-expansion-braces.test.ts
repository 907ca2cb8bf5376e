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
  ])('%j', (text, expected) => {
    expect(expandBraces(text)).toEqual(expected);
  });

  it('stops at 256 words', () => {
    expect(expandBraces('{a,b}'.repeat(10))).toHaveLength(256);
  });
});
