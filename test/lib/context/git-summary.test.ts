import { describe, expect, it } from 'vitest';
import type { GitOutcome } from '../../../lib/context/git-outcome.ts';
import { gitSummary } from '../../../lib/context/git-summary.ts';

const ok = (stdout: string, truncated = false): GitOutcome => ({ kind: 'ok', stdout, truncated });
const head = (lines: string[]) => ok(`${['# branch.oid 1f2e3d4c5b6a', ...lines].join('\n')}\n`);
const commits = ok('a1b2c3d\x1fFix parser\x1f2 hours ago\nb2c3d4e\x1fAdd tests\x1f3 days ago\n');
const summary = (status: GitOutcome, log: GitOutcome = commits) => gitSummary({ cwd: '/repo', status, log });

describe('gitSummary', () => {
  it('gives the branch, its distance from upstream, the changes, and the commits', () => {
    const status = head([
      '# branch.head main',
      '# branch.upstream origin/main',
      '# branch.ab +2 -1',
      '1 .M N... x',
      '1 .M N... x',
      '1 .M N... x',
      '1 A. N... x',
      '? a',
      '? b',
      '? c',
      '? d',
    ]);
    expect(summary(status)).toBe(
      'git: branch main (2 ahead, 1 behind origin/main); 3 modified, 1 staged, 4 untracked\nrecent commits:\na1b2c3d Fix parser (2 hours ago)\nb2c3d4e Add tests (3 days ago)',
    );
  });

  it.each([
    [
      ['# branch.head main', '# branch.upstream origin/main', '# branch.ab +0 -0'],
      'git: branch main (up to date with origin/main); clean',
    ],
    [
      ['# branch.head main', '# branch.upstream origin/main', '# branch.ab +3 -0'],
      'git: branch main (3 ahead of origin/main); clean',
    ],
    [
      ['# branch.head main', '# branch.upstream origin/main', '# branch.ab +0 -4'],
      'git: branch main (4 behind origin/main); clean',
    ],
    [['# branch.head main', '# branch.upstream origin/gone'], 'git: branch main (upstream origin/gone is gone); clean'],
    [['# branch.head feature/x'], 'git: branch feature/x (no upstream); clean'],
    [['# branch.head (detached)'], 'git: detached HEAD at 1f2e3d4 (no upstream); clean'],
    [['# branch.head main', 'u UU N... x'], 'git: branch main (no upstream); 1 conflicted'],
  ])('describes %j', (lines, line) => {
    expect(summary(head(lines)).split('\n')[0]).toBe(line);
  });

  it('says when there are no commits yet', () => {
    expect(summary(ok('# branch.oid (initial)\n# branch.head main\n? README.md\n'), { kind: 'no-commits' })).toBe(
      'git: branch main (no commits yet); 1 untracked\nrecent commits: none yet',
    );
  });

  it('marks counts from a cut status output as lower bounds and drops its half line', () => {
    expect(summary(ok('# branch.oid 1f2e\n# branch.head main\n? a\n? b\n? c', true), commits).split('\n')[0]).toBe(
      'git: branch main (no upstream); at least 2 untracked (git status output was cut)',
    );
  });

  it('shortens a long subject but keeps its date', () => {
    const long = ok(`a1b2c3d\x1f${'x'.repeat(150)}\x1fyesterday\n`);
    expect(summary(head(['# branch.head main']), long).split('\n')[2]).toBe(`a1b2c3d ${'x'.repeat(99)}… (yesterday)`);
  });

  it('keeps what answered and notes what did not', () => {
    expect(summary(head(['# branch.head main']), { kind: 'timeout', ms: 1500 })).toBe(
      'git: branch main (no upstream); clean\nrecent commits: unavailable (git log took over 1500 ms)',
    );
    expect(summary({ kind: 'failed', message: 'fatal: index file corrupt' })).toBe(
      'git: status unavailable (fatal: index file corrupt)\nrecent commits:\na1b2c3d Fix parser (2 hours ago)\nb2c3d4e Add tests (3 days ago)',
    );
  });

  it.each([
    ['outside a repository', { kind: 'not-repo' }, { kind: 'not-repo' }, 'git: /repo is not a git repository'],
    [
      'without git',
      { kind: 'no-git' },
      { kind: 'no-git' },
      'git: not installed (no `git` on PATH); no repository context',
    ],
    [
      'when git answered nothing in time',
      { kind: 'timeout', ms: 1100 },
      { kind: 'timeout', ms: 1100 },
      'git: no answer from git status or git log within 1100 ms; repository context skipped',
    ],
  ] as [string, GitOutcome, GitOutcome, string][])('is one line %s', (_label, status, log, line) => {
    expect(summary(status, log)).toBe(line);
  });
});
