import type { RunResult } from '../run/types.ts';
import { HookError, oneLine } from '../runtime/errors.ts';
import type { Evaluation, Outcome } from '../runtime/outcome.ts';
import { failureAnswer } from '../runtime/policy.ts';

type Json = Record<string, unknown>;

/** Events whose plain-text stdout (exit 0) Claude Code adds as context (hooks-protocol §3). */
const TEXT_CONTEXT_EVENTS: readonly string[] = ['UserPromptSubmit', 'UserPromptExpansion', 'SessionStart'];

/** What adopt needs to know of a hook to read its result. */
export interface Reading {
  name: string;
  event: string;
  /** Fails closed: a timeout, crash, start failure or open breaker blocks the call. */
  guard: boolean;
  /** Seconds, for messages. */
  timeout: number;
}

/** How one adopted command went: it ran (a result), or its breaker kept it from running. */
export type Ran = { kind: 'ran'; result: RunResult } | { kind: 'breaker-open'; detail: string };

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const firstLine = (text: string) => oneLine(text.trim().split(/\r?\n/)[0] ?? '', 300);

/**
 * stdout read as Claude Code reads it (hooks-protocol §3): a JSON object when its first non-blank
 * character is `{` and it parses; anything else is text. An answer for another event
 * (`hookSpecificOutput.hookEventName` differs) is invalid, and Claude Code ignores it.
 */
export function parseAnswer(stdout: string, event: string): { json?: Json; invalid?: string; text?: string } {
  const trimmed = stdout.trim();
  if (trimmed === '') return {};
  if (!trimmed.startsWith('{')) return { text: trimmed };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { text: trimmed };
  }
  if (!isObject(parsed)) return { text: trimmed };
  const specific = parsed.hookSpecificOutput;
  if (specific !== undefined && (!isObject(specific) || specific.hookEventName !== event)) {
    return {
      invalid: `its JSON answer names hookEventName ${JSON.stringify(isObject(specific) ? specific.hookEventName : specific)}, not ${event}, so Claude Code would ignore it`,
    };
  }
  return { json: legacyToSpecific(parsed, event) };
}

/**
 * The deprecated top-level PreToolUse `decision: "approve" | "block"` as Claude Code maps it
 * (hooks-protocol §4.2), so the event merge ranks it with the other hooks' decisions.
 */
function legacyToSpecific(json: Json, event: string): Json {
  if (event !== 'PreToolUse' || (json.decision !== 'approve' && json.decision !== 'block')) return json;
  const { decision, reason, ...rest } = json;
  const specific = isObject(rest.hookSpecificOutput) ? rest.hookSpecificOutput : { hookEventName: event };
  if (specific.permissionDecision !== undefined) return rest;
  return {
    ...rest,
    hookSpecificOutput: {
      ...specific,
      permissionDecision: decision === 'approve' ? 'allow' : 'deny',
      ...(typeof reason === 'string' ? { permissionDecisionReason: reason } : {}),
    },
  };
}

/** The decision a telemetry line records for an answer. */
function decisionOf(json: Json | undefined, exitCode: number): string {
  if (exitCode === 2) return 'block';
  const specific = isObject(json?.hookSpecificOutput) ? json.hookSpecificOutput : undefined;
  if (typeof specific?.permissionDecision === 'string') return specific.permissionDecision;
  if (isObject(specific?.decision) && typeof specific.decision.behavior === 'string') return specific.decision.behavior;
  if (json?.decision === 'block') return 'block';
  if (json?.continue === false) return 'halt';
  if (typeof specific?.additionalContext === 'string') return 'context';
  return 'none';
}

/** A failure of the hook itself: a guard blocks (hookpack's fail-closed answer), anything else is a notice. */
function failure(
  hook: Reading,
  code: 'E_ADOPTED_TIMEOUT' | 'E_ADOPTED_EXIT' | 'E_ADOPTED_START' | 'E_BREAKER_OPEN',
  detail: string,
  ms: number,
): Evaluation {
  if (hook.guard) {
    const outcome = failureAnswer({ event: hook.event, onError: 'block' }, hook.name, new HookError(code, detail));
    return { name: hook.name, outcome, decision: 'fail-closed', error: code, ms };
  }
  // Claude Code shows a failing hook as a "hook error" notice to the user and goes on; a notice
  // (systemMessage) says the same whatever the other hooks of the event answered.
  const outcome: Outcome = {
    exitCode: 0,
    json: { systemMessage: `hookpack: ${hook.name} ${detail}; its answer was skipped` },
  };
  return {
    name: hook.name,
    outcome,
    decision: code === 'E_BREAKER_OPEN' ? 'breaker-open' : 'fail-open',
    error: code,
    ms,
  };
}

/** Whether a result counts against the hook's breaker: it did not exit 0 or 2 by itself in time. */
export function isFailure(result: RunResult): boolean {
  return (
    result.error !== undefined ||
    result.timedOut ||
    result.exitCode === null ||
    (result.exitCode !== 0 && result.exitCode !== 2)
  );
}

/**
 * One adopted command's result as Claude Code would read it (hooks-protocol §3, §8): exit 2
 * blocks with stderr (its JSON fields still count); exit 0 is a JSON answer, or text that is
 * context on the prompt and session-start events; any other exit is non-blocking unless stdout
 * holds a valid JSON answer, which then decides. A hook marked as a guard that times out,
 * crashes or can't start blocks instead, as does a guard whose breaker is open.
 */
export function readResult(hook: Reading, ran: Ran): Evaluation {
  if (ran.kind === 'breaker-open') return failure(hook, 'E_BREAKER_OPEN', ran.detail, 0);
  const { result } = ran;
  const ms = Math.round(result.durationMs * 100) / 100;
  if (result.error !== undefined)
    return failure(hook, 'E_ADOPTED_START', `could not start (${result.error.message})`, ms);
  if (result.timedOut)
    return failure(
      hook,
      'E_ADOPTED_TIMEOUT',
      `timed out after ${hook.timeout} s and was stopped with its process group`,
      ms,
    );
  const answer = parseAnswer(result.stdout, hook.event);
  const cut = result.truncated ? ' (its output was cut at the output cap)' : '';
  if (result.exitCode === 2) {
    const outcome: Outcome = { exitCode: 2, stderr: result.stderr.trim() || `${hook.name} exited 2` };
    if (answer.json !== undefined) outcome.json = answer.json;
    return { name: hook.name, outcome, decision: 'block', ms };
  }
  if (result.exitCode === 0 || answer.json !== undefined) {
    if (answer.invalid !== undefined)
      return {
        name: hook.name,
        outcome: { exitCode: 0, json: { systemMessage: `hookpack: ${hook.name}: ${answer.invalid}` } },
        decision: 'invalid',
        ms,
      };
    let json = answer.json;
    if (json === undefined && answer.text !== undefined && TEXT_CONTEXT_EVENTS.includes(hook.event)) {
      json = { hookSpecificOutput: { hookEventName: hook.event, additionalContext: answer.text } };
    }
    return {
      name: hook.name,
      outcome: json === undefined ? { exitCode: 0 } : { exitCode: 0, json },
      decision: decisionOf(json, 0),
      ms,
    };
  }
  const how =
    result.exitCode === null
      ? `was killed by ${result.signal ?? 'a signal'}`
      : result.exitCode === 126 || result.exitCode === 127
        ? `could not start (exit ${result.exitCode})`
        : `exited ${result.exitCode}`;
  const said = firstLine(result.stderr);
  const detail = `${how}${said ? `: ${said}` : ''}${cut}`;
  return failure(
    hook,
    result.exitCode === 126 || result.exitCode === 127 ? 'E_ADOPTED_START' : 'E_ADOPTED_EXIT',
    detail,
    ms,
  );
}
