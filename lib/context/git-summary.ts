/**
 * The SessionStart git context as text, from the outcomes of `git status` and `git log`:
 *
 *   git: branch main (2 ahead, 1 behind origin/main); 3 modified, 1 staged, 4 untracked
 *   recent commits:
 *   a1b2c3d Fix parser (2 hours ago)
 *
 * `git log` prints each commit as hash, subject and relative date split by 0x1f (git-snapshot.ts);
 * a subject over 100 characters is shortened. Whatever could not be had is one short note in its place; with no git on PATH, or outside a
 * repository, the whole context is one line.
 */
import type { GitOutcome } from './git-outcome.ts';
import { parseGitStatus, type GitStatus } from './git-status.ts';

/** The two calls' outcomes and the directory they ran in. */
export interface GitSnapshot {
  cwd: string;
  status: GitOutcome;
  log: GitOutcome;
}

const MAX_SUBJECT = 100;

function branchPart(status: GitStatus): string {
  const name =
    status.branch !== undefined
      ? `branch ${status.branch}`
      : status.oid !== undefined
        ? `detached HEAD at ${status.oid.slice(0, 7)}`
        : 'detached HEAD';
  if (status.oid === undefined) return `${name} (no commits yet)`;
  const { upstream, ahead, behind } = status;
  if (upstream === undefined) return `${name} (no upstream)`;
  if (ahead === undefined || behind === undefined) return `${name} (upstream ${upstream} is gone)`;
  if (ahead === 0 && behind === 0) return `${name} (up to date with ${upstream})`;
  if (behind === 0) return `${name} (${ahead} ahead of ${upstream})`;
  if (ahead === 0) return `${name} (${behind} behind ${upstream})`;
  return `${name} (${ahead} ahead, ${behind} behind ${upstream})`;
}

function changesPart(status: GitStatus, truncated: boolean): string {
  const counts: [number, string][] = [
    [status.conflicted, 'conflicted'],
    [status.modified, 'modified'],
    [status.staged, 'staged'],
    [status.untracked, 'untracked'],
  ];
  const text =
    counts
      .filter(([n]) => n > 0)
      .map(([n, what]) => `${n} ${what}`)
      .join(', ') || 'clean';
  return truncated ? `at least ${text} (git status output was cut)` : text;
}

function unavailable(outcome: GitOutcome, command: string): string {
  if (outcome.kind === 'timeout') return `${command} took over ${outcome.ms} ms`;
  if (outcome.kind === 'failed') return outcome.message;
  return `${command} gave no answer`;
}

function statusLine(outcome: GitOutcome): string {
  if (outcome.kind !== 'ok') return `git: status unavailable (${unavailable(outcome, 'git status')})`;
  // A cut output may end in half a line: drop it rather than count it.
  const text = outcome.truncated ? outcome.stdout.slice(0, outcome.stdout.lastIndexOf('\n') + 1) : outcome.stdout;
  const status = parseGitStatus(text);
  return `git: ${branchPart(status)}; ${changesPart(status, outcome.truncated)}`;
}

function commitLines(outcome: GitOutcome): string[] {
  if (outcome.kind === 'no-commits') return ['recent commits: none yet'];
  if (outcome.kind !== 'ok') return [`recent commits: unavailable (${unavailable(outcome, 'git log')})`];
  const lines = outcome.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [hash = '', subject = '', when = ''] = line.split('\x1f');
      const short = subject.length > MAX_SUBJECT ? `${subject.slice(0, MAX_SUBJECT - 1)}…` : subject;
      return when === '' ? `${hash} ${short}`.trimEnd() : `${hash} ${short} (${when})`;
    });
  return lines.length > 0 ? ['recent commits:', ...lines] : ['recent commits: none yet'];
}

/** The context text for a snapshot: a status line and the commits, or one line saying why there are none. */
export function gitSummary(snapshot: GitSnapshot): string {
  const { status, log } = snapshot;
  if (status.kind === 'no-git' || log.kind === 'no-git')
    return 'git: not installed (no `git` on PATH); no repository context';
  if (status.kind === 'not-repo' || log.kind === 'not-repo') return `git: ${snapshot.cwd} is not a git repository`;
  if (status.kind === 'timeout' && log.kind === 'timeout') {
    return `git: no answer from git status or git log within ${Math.max(status.ms, log.ms)} ms; repository context skipped`;
  }
  return [statusLine(status), ...commitLines(log)].join('\n');
}
