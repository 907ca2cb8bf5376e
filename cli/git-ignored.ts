import type * as childProcess from 'node:child_process';
import { builtin } from '../lib/runtime/builtin.ts';

/**
 * Whether git would leave `path` out of a commit (a `dist/` line in the project's .gitignore
 * matches .claude/hooks/dist too). False when git is missing or the project is no repository.
 */
export function ignoredByGit(path: string, cwd: string): boolean {
  const { spawnSync } = builtin<typeof childProcess>('node:child_process');
  const result = spawnSync('git', ['check-ignore', '-q', path], { cwd, stdio: 'ignore', timeout: 5_000 });
  return result.status === 0;
}

/** What to say about bundles git ignores, and how to fix it. */
export const IGNORED_DIST = {
  message:
    'git ignores the bundles (a `dist/` line in a .gitignore?): a teammate who clones the project gets none, and with `|| exit 2` every call of a guarded event is blocked for them',
  fix: 'add a line `!dist/` to .claude/hooks/.gitignore (hookpack init writes it), then commit .claude/hooks/dist',
};
