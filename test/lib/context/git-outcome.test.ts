import { describe, expect, it } from 'vitest';
import { gitOutcome } from '../../../lib/context/git-outcome.ts';
import type { RunResult } from '../../../lib/run.ts';

const result = (fields: Partial<RunResult>): RunResult => ({
  stdout: '',
  stderr: '',
  exitCode: 0,
  signal: null,
  timedOut: false,
  aborted: false,
  durationMs: 5,
  truncated: false,
  ...fields,
});

describe('gitOutcome', () => {
  it.each([
    [
      'output',
      result({ stdout: '# branch.head main\n' }),
      { kind: 'ok', stdout: '# branch.head main\n', truncated: false },
    ],
    [
      'not a repository',
      result({ exitCode: 128, stderr: 'fatal: not a git repository (or any of the parent directories): .git\n' }),
      { kind: 'not-repo' },
    ],
    [
      'an empty repository',
      result({ exitCode: 128, stderr: "fatal: your current branch 'main' does not have any commits yet\n" }),
      { kind: 'no-commits' },
    ],
    [
      'no git',
      result({
        exitCode: null,
        error: { code: 'ENOENT', message: '`git` not found on PATH; install it or pass its full path' },
      }),
      { kind: 'no-git' },
    ],
    [
      'a missing cwd',
      result({
        exitCode: null,
        error: { code: 'ENOENT', message: '`cwd` /gone does not exist; create it or pass an existing directory' },
      }),
      { kind: 'failed', message: '`cwd` /gone does not exist; create it or pass an existing directory' },
    ],
    ['a timeout', result({ exitCode: null, signal: 'SIGTERM', timedOut: true }), { kind: 'timeout', ms: 1500 }],
    ['an abort', result({ exitCode: null, aborted: true }), { kind: 'timeout', ms: 1500 }],
    [
      'another failure',
      result({
        exitCode: 128,
        stderr: "\nfatal: detected dubious ownership in repository at '/srv/repo'\nTo add an exception …\n",
      }),
      { kind: 'failed', message: "fatal: detected dubious ownership in repository at '/srv/repo'" },
    ],
    ['a silent failure', result({ exitCode: 3 }), { kind: 'failed', message: 'exit code 3' }],
    ['a signal', result({ exitCode: null, signal: 'SIGSEGV' }), { kind: 'failed', message: 'killed by SIGSEGV' }],
  ])('classifies %s', (_label, run, outcome) => {
    expect(gitOutcome(run, 1500)).toEqual(outcome);
  });
});
