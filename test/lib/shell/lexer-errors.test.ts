import { describe, expect, it } from 'vitest';
import { ShellParseError } from '../../../lib/shell/errors.ts';
import { tokenize } from '../../../lib/shell/lexer.ts';

describe('the lexer refuses input bash would refuse', () => {
  it.each([
    ["echo 'open", 'unterminated single quote'],
    ['echo "open', 'unterminated double quote'],
    ['echo $(open', 'unterminated $( … )'],
    ['echo "$(open"', 'unterminated'],
    ['echo `open', 'unterminated backquote'],
    ['echo ${open', 'unterminated ${ … }'],
    ["echo $'open", "unterminated $'…' string"],
    ['echo $(echo "a)', 'unterminated double quote'],
  ])('%j: %s', (source, message) => {
    expect(() => tokenize(source)).toThrow(ShellParseError);
    expect(() => tokenize(source)).toThrow(message);
  });

  it('says where the problem is', () => {
    try {
      tokenize('echo ok; echo "open');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'E_SHELL_SYNTAX', offset: 14 });
    }
  });
});
