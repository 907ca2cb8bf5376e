/**
 * What one git call came to, from its `run` result: its output, or the reason there is none,
 * told apart so the summary can say one short true thing (no repository, no git, too slow …).
 * Git runs with LC_ALL=C, so its messages can be recognised.
 */
import type { RunResult } from '../run.ts';

export type GitOutcome =
  | { kind: 'ok'; stdout: string; truncated: boolean }
  | { kind: 'not-repo' }
  | { kind: 'no-commits' }
  | { kind: 'no-git' }
  | { kind: 'timeout'; ms: number }
  | { kind: 'failed'; message: string };

/** The first line of git's complaint, short enough for one line of context. */
function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/** Classifies a git call's result; `limitMs` is the time it was given, reported on a timeout. */
export function gitOutcome(result: RunResult, limitMs: number): GitOutcome {
  if (result.error !== undefined)
    return result.error.code === 'ENOENT' && !/`cwd`/.test(result.error.message)
      ? { kind: 'no-git' }
      : { kind: 'failed', message: result.error.message };
  if (result.timedOut || result.aborted) return { kind: 'timeout', ms: Math.round(limitMs) };
  if (result.exitCode === 0) return { kind: 'ok', stdout: result.stdout, truncated: result.truncated };
  if (/not a git repository/i.test(result.stderr)) return { kind: 'not-repo' };
  if (/does not have any commits yet|bad default revision 'HEAD'/i.test(result.stderr)) return { kind: 'no-commits' };
  const why = firstLine(result.stderr);
  return {
    kind: 'failed',
    message:
      why !== '' ? why : result.signal !== null ? `killed by ${result.signal}` : `exit code ${String(result.exitCode)}`,
  };
}
