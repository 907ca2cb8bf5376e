// lib/shell/limits.ts: each cap stops the parse with E_SHELL_TOO_LARGE naming it, at its own
// limit and not before (small limits here; the defaults are tested through the bundle in
// test/hooks/bash-guard-resource-caps.process.test.ts).
import { describe, expect, it } from 'vitest';
import { ShellParseError } from '../../../lib/shell/errors.ts';
import type { ShellLimits } from '../../../lib/shell/limits.ts';
import { parseScript } from '../../../lib/shell/script.ts';

const CASES: Array<[keyof ShellLimits, number, string, string, string]> = [
  // cap, limit, a command at the limit, one past it, the cap's words in the message
  ['tokens', 5, 'a b; c d', 'a b; c d e', 'more than 5 tokens'],
  ['commands', 3, 'a; b; c', 'a; b; c; d', 'more than 3 simple commands'],
  ['words', 4, 'a b c d', 'X=1 a b c d', 'more than 4 words'],
  ['words', 4, 'echo {a,b,c}', 'echo {a,b,c,d}', 'more than 4 words'],
  ['sources', 2, 'a $(b) `c`', 'a $(b) `c` <(d)', 'more than 2 command substitutions and nested scripts'],
  [
    'sources',
    2,
    "bash -c 'a' && eval b",
    "bash -c 'a' && eval b && sh -c c",
    'more than 2 command substitutions and nested scripts',
  ],
  ['braceWords', 4, 'echo {a,b}{c,d}', 'echo {a,b,c}{d,e}', 'more than 4 words from one brace expansion'],
];

describe('parseScript caps', () => {
  it.each(CASES)('%s: %i is allowed, one more is refused', (key, limit, atLimit, past, message) => {
    const limits = { [key]: limit };
    expect(() => parseScript(atLimit, { limits })).not.toThrow();
    let error: unknown;
    try {
      parseScript(past, { limits });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ShellParseError);
    expect(error).toMatchObject({ code: 'E_SHELL_TOO_LARGE', message: expect.stringContaining(message) });
  });
});
