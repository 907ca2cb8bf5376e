/**
 * The file name stem for a session's context bundle. Claude Code's session ids are UUIDs; any id
 * that is not 1-128 characters of `[A-Za-z0-9_-]` (a `../../etc/passwd`, a slash, a dot, an empty
 * string) becomes `session-<sha256 prefix>` instead, so the name can never leave its directory or
 * collide with the `.1.jsonl` rotation.
 */
import type * as crypto from 'node:crypto';
import { join } from 'node:path';
import { builtin } from '../runtime/builtin.ts';

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** `sessionId` itself when it is safe as a file name, else `session-` and 16 hex digits of its SHA-256. */
export function sessionFileStem(sessionId: string): string {
  if (SAFE_ID.test(sessionId)) return sessionId;
  // Loaded only for odd ids: node:crypto costs every start ~0.3 ms.
  const digest = builtin<typeof crypto>('node:crypto').createHash('sha256').update(sessionId).digest('hex');
  return `session-${digest.slice(0, 16)}`;
}

/** Where a session's bundle lives: `<project>/.claude/context-bundles/<stem>.jsonl` and its one rotated generation `<stem>.1.jsonl`. */
export function bundlePaths(projectDir: string, sessionId: string): { dir: string; file: string; rotated: string } {
  const dir = join(projectDir, '.claude', 'context-bundles');
  const stem = sessionFileStem(sessionId);
  return { dir, file: join(dir, `${stem}.jsonl`), rotated: join(dir, `${stem}.1.jsonl`) };
}
