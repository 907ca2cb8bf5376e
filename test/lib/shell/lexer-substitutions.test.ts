import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/shell/lexer.ts';
import type { WordToken } from '../../../lib/shell/tokens.ts';

const firstWordAfterEcho = (source: string) => tokenize(`echo ${source}`)[1] as WordToken;

describe('the lexer finds command substitutions and keeps their text', () => {
  it.each([
    ['$(date)', '$(date)', [['$(', 'date']]],
    ['"$(date)"', '$(date)', [['$(', 'date']]],
    ['`date`', '`date`', [['`', 'date']]],
    ['"a`date`b"', 'a`date`b', [['`', 'date']]],
    ['$(echo $(date))', '$(echo $(date))', [['$(', 'echo $(date)']]],
    ['$(echo ")")', '$(echo ")")', [['$(', 'echo ")"']]],
    ["$(echo ')')", "$(echo ')')", [['$(', "echo ')'"]]],
    ['$(case x in a) echo a;; esac)', '$(case x in a) echo a;; esac)', [['$(', 'case x in a) echo a;; esac']]],
    ['$( (cd /; ls) )', '$( (cd /; ls) )', [['$(', ' (cd /; ls) ']]],
    ['`echo \\`date\\``', '`echo \\`date\\``', [['`', 'echo `date`']]],
    ['<(sort a)', '<(sort a)', [['<(', 'sort a']]],
    ['>(tee log)', '>(tee log)', [['>(', 'tee log']]],
    ['${X:-$(date)}', '${X:-$(date)}', [['$(', 'date']]],
    ['$((1 + $(date +%s)))', '$((1 + $(date +%s)))', [['$(', 'date +%s']]],
    ["'$(date)'", '$(date)', []],
    ['"\\$(date)"', '$(date)', []],
  ])('%s', (source, text, substitutions) => {
    const word = firstWordAfterEcho(source);
    expect(word.text).toBe(text);
    expect(word.substitutions.map((s) => [s.kind, s.source])).toEqual(substitutions);
  });

  it('reads a here-document inside $( … ) inside double quotes, as in commit messages', () => {
    const source = 'git commit -m "$(cat <<\'EOF\'\nDon\'t (ever) "break"\nEOF\n)"';
    const message = tokenize(source)[3] as WordToken;
    expect(message.substitutions).toEqual([{ kind: '$(', source: "cat <<'EOF'\nDon't (ever) \"break\"\nEOF\n" }]);
  });
});
