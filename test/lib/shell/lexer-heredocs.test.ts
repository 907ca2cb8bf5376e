import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/shell/lexer.ts';
import type { RedirectToken, Token } from '../../../lib/shell/tokens.ts';

const heredocs = (source: string) =>
  tokenize(source)
    .filter((token: Token): token is RedirectToken => token.kind === 'redirect' && token.heredoc !== undefined)
    .map((token) => token.heredoc);
const words = (source: string) => tokenize(source).flatMap((token) => (token.kind === 'word' ? [token.text] : []));

describe('the lexer reads here-documents as data', () => {
  it('reads the body up to the delimiter line', () => {
    expect(heredocs('cat <<EOF\nrm -rf /\nEOF\necho after')).toEqual([
      { text: 'rm -rf /\n', quoted: false, substitutions: [] },
    ]);
    expect(words('cat <<EOF\nrm -rf /\nEOF\necho after')).toEqual(['cat', 'EOF', 'echo', 'after']);
  });

  it.each([["<<'EOF'"], ['<<"EOF"'], ['<<\\EOF'], ['<<E"O"F']])('keeps a body literal after %s', (operator) => {
    expect(heredocs(`cat ${operator}\n$(rm -rf /)\nEOF\n`)).toEqual([
      { text: '$(rm -rf /)\n', quoted: true, substitutions: [] },
    ]);
  });

  it('finds substitutions in an unquoted body, since the shell runs them', () => {
    expect(heredocs('cat <<EOF\nnow: $(date) `id`\nEOF\n')[0]?.substitutions).toEqual([
      { kind: '$(', source: 'date' },
      { kind: '`', source: 'id' },
    ]);
  });

  it('strips leading tabs with <<-', () => {
    expect(heredocs('cat <<-END\n\tindented\n\tEND\n')[0]?.text).toBe('indented\n');
  });

  it('reads two here-documents on one line in order', () => {
    expect(heredocs('cat <<A <<B\na\nA\nb\nB\n').map((body) => body?.text)).toEqual(['a\n', 'b\n']);
  });

  it('ends a body at the end of input, as bash does', () => {
    expect(heredocs('cat <<EOF\nno end')[0]?.text).toBe('no end\n');
  });

  it('does not take << inside arithmetic for a here-document', () => {
    expect(words('x=$(( 1 << 2 ))\nrm -rf /')).toEqual(['x=$(( 1 << 2 ))', 'rm', '-rf', '/']);
  });
});
