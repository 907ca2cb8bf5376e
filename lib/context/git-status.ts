/**
 * Reads `git status --porcelain=v2 --branch` output (git >= 2.11): the branch headers and one
 * line per changed path. A path staged and also changed in the worktree counts in both `staged`
 * and `modified`, as `git status` lists it under both. Untracked directories count once (git's
 * default `--untracked-files=normal` does not descend into them).
 */

/** What the status says about the branch and the worktree. */
export interface GitStatus {
  /** The branch name, or undefined when HEAD is detached. */
  branch: string | undefined;
  /** The commit HEAD points at, or undefined before the first commit. */
  oid: string | undefined;
  upstream: string | undefined;
  /** Commits ahead of / behind the upstream; undefined without an upstream (or when it is gone). */
  ahead: number | undefined;
  behind: number | undefined;
  staged: number;
  modified: number;
  untracked: number;
  conflicted: number;
}

/** Parses porcelain v2 output; unknown lines are ignored, so a newer git's additions pass. */
export function parseGitStatus(text: string): GitStatus {
  const status: GitStatus = {
    branch: undefined,
    oid: undefined,
    upstream: undefined,
    ahead: undefined,
    behind: undefined,
    staged: 0,
    modified: 0,
    untracked: 0,
    conflicted: 0,
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('# ')) {
      const space = line.indexOf(' ', 2);
      const key = space < 0 ? line.slice(2) : line.slice(2, space);
      const value = space < 0 ? '' : line.slice(space + 1);
      if (key === 'branch.oid') status.oid = value === '(initial)' ? undefined : value;
      else if (key === 'branch.head') status.branch = value === '(detached)' ? undefined : value;
      else if (key === 'branch.upstream') status.upstream = value;
      else if (key === 'branch.ab') {
        const match = /^\+(\d+) -(\d+)$/.exec(value);
        if (match) [status.ahead, status.behind] = [Number(match[1]), Number(match[2])];
      }
    } else if (line.startsWith('1 ') || line.startsWith('2 ')) {
      if (line[2] !== '.') status.staged++;
      if (line[3] !== '.') status.modified++;
    } else if (line.startsWith('u ')) status.conflicted++;
    else if (line.startsWith('? ')) status.untracked++;
  }
  return status;
}
