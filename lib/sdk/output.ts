/**
 * An outcome as the runtime renders it for a command hook (JSON + exit code + stderr) turned
 * into what an Agent SDK callback returns: JSON only. The JSON is the same object (the client
 * reads a callback's answer with the code that reads a command hook's stdout); what only an exit
 * code said is spelled in JSON.
 */
import type { Outcome } from '../runtime/outcome.ts';
import { EXIT_2_BLOCKS } from '../events.ts';
import type { AgentSdkHookOutput } from './types.ts';

type Json = Record<string, unknown>;

/** Whether the JSON already stops what the event guards. */
function blocks(json: Json): boolean {
  const specific = (json.hookSpecificOutput ?? {}) as Json;
  return (
    json.decision === 'block' ||
    json.continue === false ||
    specific.permissionDecision === 'deny' ||
    (specific.decision as Json | undefined)?.behavior === 'deny'
  );
}

const joined = (a: unknown, b: string) => (typeof a === 'string' && a !== '' ? `${a}\n${b}` : b);

/**
 * Exit 2 without a blocking JSON (a block on TaskCompleted or TeammateIdle, a guard failing
 * closed on an event with no JSON way to block) becomes `decision: "block"` with the stderr line
 * as the reason, which the client reads as a block on every event (the same path as a command
 * hook's `decision: "block"`); where exit 2 does not block, the line is shown to the user as a
 * `systemMessage`, as the client shows a command hook's stderr. A hook failing open (exit 1, no
 * JSON) gets its one line shown the same way, as the client's "hook error" notice would.
 */
export function toSdkOutput(event: string, outcome: Outcome): AgentSdkHookOutput {
  const json: Json = { ...outcome.json };
  const stderr = outcome.stderr?.trim();
  if (stderr && outcome.exitCode === 2 && !blocks(json)) {
    if (EXIT_2_BLOCKS.includes(event)) {
      json.decision = 'block';
      json.reason = joined(json.reason, stderr);
    } else {
      json.systemMessage = joined(json.systemMessage, stderr);
    }
  } else if (stderr && outcome.exitCode === 1 && outcome.json === undefined) {
    json.systemMessage = stderr;
  }
  return json as AgentSdkHookOutput;
}
