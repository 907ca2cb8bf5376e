import type { HookDefinition } from '../define.ts';
import { block, deny } from '../answers.ts';
import { isHookError, oneLine } from './errors.ts';
import type { Outcome } from './outcome.ts';
import { acceptsAnswer, renderAnswer } from './render.ts';

/** Names a thrown value's code: ours, or E_HANDLER_THREW for anything else. */
export function errorCode(error: unknown): string {
  return isHookError(error) ? error.code : 'E_HANDLER_THREW';
}

/** The JSON that says "blocked" on this event, where the event has one. */
function blockingJson(event: string, reason: string): Record<string, unknown> | undefined {
  const answer = acceptsAnswer(event, 'deny')
    ? deny(reason)
    : acceptsAnswer(event, 'block')
      ? block(reason)
      : undefined;
  return answer === undefined ? undefined : renderAnswer(event, answer).json;
}

/**
 * The failure policy, in one place. Fail closed: exit 2 with a one-line reason on stderr, plus
 * the event's blocking JSON where it has one. Exit 2 blocks even if the JSON were lost, and with
 * the JSON the model reads our reason instead of `[<the hook's command line>]: <stderr>`
 * (verified against Claude Code 2.1.329); PermissionRequest ignores exit 2 and needs the JSON.
 * Fail open: exit 1, one line on stderr, nothing on stdout. A guard never exits 1: exit 1 does
 * not block in Claude Code.
 */
export function failureAnswer(hook: Pick<HookDefinition, 'event' | 'onError'>, name: string, error: unknown): Outcome {
  const code = errorCode(error);
  const detail = oneLine(error instanceof Error ? error.message : String(error), 300);
  if (hook.onError === 'block') {
    const reason = `hookpack ${name} failed closed (${code}: ${detail}); the call was blocked because the hook could not check it. Ask the user to fix the hook (HOOKPACK_DEBUG=1 shows details)`;
    const json = blockingJson(hook.event, reason);
    return json ? { exitCode: 2, stderr: reason, json } : { exitCode: 2, stderr: reason };
  }
  return { exitCode: 1, stderr: `hookpack ${name} failed open (${code}: ${detail}); the hook's answer was skipped` };
}

/**
 * The policy for this run. A fail-closed Stop/SubagentStop hook that keeps failing would refuse
 * every stop; once Claude Code is already continuing because of a stop hook
 * (`stop_hook_active`), it fails open instead of looping until the client's cap.
 */
export function effectivePolicy<H extends Pick<HookDefinition, 'event' | 'onError'>>(
  hook: H,
  payload: Record<string, unknown>,
): H {
  const stopping = hook.event === 'Stop' || hook.event === 'SubagentStop';
  return stopping && hook.onError === 'block' && payload.stop_hook_active === true
    ? { ...hook, onError: 'allow' }
    : hook;
}
