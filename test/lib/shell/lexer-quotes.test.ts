import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/shell/lexer.ts';
import type { WordToken } from '../../../lib/shell/tokens.ts';

const words = (source: string) => tokenize(source).filter((token): token is WordToken => token.kind === 'word');
const texts = (source: string) => words(source).map((word) => word.text);

describe('the lexer removes quotes the way bash does', () => {
  it.each([
    ['plain words', 'rm -rf /', ['rm', '-rf', '/']],
    ['empty single quotes inside a word', "r''m", ['rm']],
    ['double quotes around a word', '"rm"', ['rm']],
    ['single quotes around part of a word', "'r'm", ['rm']],
    ['a backslash before a letter', '\\rm', ['rm']],
    ['an escaped space', 'a\\ b', ['a b']],
    ['spaces inside double quotes', 'echo "a  b"', ['echo', 'a  b']],
    ['a single quote inside double quotes', `echo "it's"`, ['echo', "it's"]],
    ['the close-reopen idiom', "echo 'it'\\''s'", ['echo', "it's"]],
    ['escapes that double quotes honour', 'echo "\\"\\$\\\\"', ['echo', '"$\\']],
    ['escapes that double quotes keep', 'echo "\\n"', ['echo', '\\n']],
    ['ANSI-C quoting', "$'\\x72\\x6d' $'a\\tb' $'\\101'", ['rm', 'a\tb', 'A']],
    ['locale quoting', '$"hi there"', ['hi there']],
    ['a line continuation', 'rm \\\n -rf', ['rm', '-rf']],
    ['a line continuation inside a word', 'r\\\nm', ['rm']],
    ['variables, kept as written', 'echo $HOME ${HOME} "$X" $1 $@', ['echo', '$HOME', '${HOME}', '$X', '$1', '$@']],
    ['a lone dollar', 'echo $ a$', ['echo', '$', 'a$']],
  ])('%s: %j', (_, source, expected) => {
    expect(texts(source)).toEqual(expected);
  });

  it.each([
    ['rm', false],
    ['"rm"', true],
    ["r''m", true],
    ['\\rm', true],
    ["$'rm'", true],
    ['$HOME', false],
  ])('marks %j as quoted: %s', (source, quoted) => {
    expect(words(source)[0]?.quoted).toBe(quoted);
  });

  it('notes unquoted braces that may expand', () => {
    expect(words('{rm,-rf} "{a,b}" {} ${x}').map((word) => word.braces)).toEqual([true, false, false, false]);
  });
});
