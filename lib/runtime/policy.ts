import type { HookDefinition } from '../define.ts';
import { HookError, oneLine } from './errors.ts';
import type { Rendered } from './render.ts';

export interface Failure {
  exitCode: 1 | 2;
  stderr: string;
  json?: Record<string, unknown>;
}

/** Names a thrown value's code: ours, or E_HANDLER_THREW for anything else. */
export function errorCode(error: unknown): string {
  return error instanceof HookError ? error.code : 'E_HANDLER_THREW';
}

/**
 * The failure policy, in one place. Fail closed: exit 2 with a one-line reason (Claude Code
 * blocks and shows it); PermissionRequest ignores exit 2, so there the block is a JSON deny.
 * Fail open: exit 1 with a one-line message and nothing on stdout. Never exit 1 for a guard:
 * exit 1 does not block in Claude Code.
 */
export function failureAnswer(hook: Pick<HookDefinition, 'event' | 'onError'>, name: string, error: unknown): Failure {
  const code = errorCode(error);
  const detail = oneLine(error instanceof Error ? error.message : String(error), 300);
  if (hook.onError === 'block') {
    const reason = `hookpack ${name} failed closed (${code}: ${detail}); the call was blocked because the hook could not check it. Ask the user to fix the hook (HOOKPACK_DEBUG=1 shows details)`;
    const json =
      hook.event === 'PermissionRequest'
        ? { hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'deny', message: reason } } }
        : undefined;
    return json ? { exitCode: 2, stderr: reason, json } : { exitCode: 2, stderr: reason };
  }
  return { exitCode: 1, stderr: `hookpack ${name} failed open (${code}: ${detail}); the hook's answer was skipped` };
}

export type Outcome = Rendered | Failure;
