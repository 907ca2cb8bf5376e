import { describe, expect, it } from 'vitest';
import { parseGitStatus } from '../../../lib/context/git-status.ts';

describe('parseGitStatus', () => {
  it('reads the branch headers and counts staged, modified, untracked and conflicted paths', () => {
    const text = [
      '# branch.oid 1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c',
      '# branch.head main',
      '# branch.upstream origin/main',
      '# branch.ab +2 -1',
      '1 .M N... 100644 100644 100644 aaaa bbbb src/a.ts',
      '1 M. N... 100644 100644 100644 aaaa bbbb src/b.ts',
      '1 MM N... 100644 100644 100644 aaaa bbbb src/c.ts',
      '2 R. N... 100644 100644 100644 aaaa bbbb R100 src/new.ts\tsrc/old.ts',
      'u UU N... 100644 100644 100644 100644 aaaa bbbb cccc src/conflict.ts',
      '? notes.txt',
      '? build/',
      '! ignored.log',
      '',
    ].join('\n');
    expect(parseGitStatus(text)).toEqual({
      branch: 'main',
      oid: '1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c',
      upstream: 'origin/main',
      ahead: 2,
      behind: 1,
      staged: 3,
      modified: 2,
      untracked: 2,
      conflicted: 1,
    });
  });

  it('reads a detached HEAD, a repository without commits, and a branch without upstream', () => {
    expect(parseGitStatus('# branch.oid abc1234def\n# branch.head (detached)\n')).toMatchObject({
      branch: undefined,
      oid: 'abc1234def',
      upstream: undefined,
      ahead: undefined,
    });
    expect(parseGitStatus('# branch.oid (initial)\n# branch.head main\n? a\n')).toMatchObject({
      branch: 'main',
      oid: undefined,
      untracked: 1,
    });
  });

  it('ignores lines it does not know', () => {
    expect(parseGitStatus('# stash 3\n# branch.head dev\nsomething new\n')).toMatchObject({
      branch: 'dev',
      staged: 0,
      modified: 0,
    });
  });
});
