/**
 * Starts each session with where the repository stands: branch, upstream distance, counts of
 * changed files, the last 5 commits. git runs concurrently under a 1.5 s limit per call and the
 * hook's deadline; a slow or missing git costs one line of context, never the session's start.
 * Outside a repository the context is the one line "git: <cwd> is not a git repository".
 */
import { addContext, defineHook } from 'hookpack';
import { gitSnapshot } from 'hookpack/context/git-snapshot.ts';
import { gitSummary } from 'hookpack/context/git-summary.ts';

export default defineHook({
  event: 'SessionStart',
  timeout: 5,
  onError: 'allow',
  async run({ cwd }, ctx) {
    const snapshot = await gitSnapshot(cwd, { signal: ctx.signal, remainingMs: ctx.remainingMs(), env: ctx.env });
    return addContext(gitSummary(snapshot));
  },
});
