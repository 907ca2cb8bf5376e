import type { Answer } from '../answers.ts';
import { HookError } from './errors.ts';
import type { Outcome } from './outcome.ts';
import { truncateForClaude } from './truncate.ts';

type Kind = Answer['kind'];
const UNIVERSAL: Kind[] = ['halt', 'notice'];
const BLOCK_CONTEXT: Kind[] = ['block', 'context', ...UNIVERSAL];
const CONTEXT: Kind[] = ['context', ...UNIVERSAL];
const BLOCK: Kind[] = ['block', ...UNIVERSAL];

/** Answers each event accepts (hooks-protocol §4.2); the runtime twin of `AnswerFor<E>`. */
const ACCEPTED: Record<string, Kind[]> = {
  PreToolUse: ['allow', 'deny', 'ask', 'defer', 'context', ...UNIVERSAL],
  PermissionRequest: ['allow', 'deny', ...UNIVERSAL],
  PermissionDenied: ['retry', ...UNIVERSAL],
  PostToolUse: BLOCK_CONTEXT,
  PostToolBatch: BLOCK_CONTEXT,
  UserPromptSubmit: BLOCK_CONTEXT,
  UserPromptExpansion: BLOCK_CONTEXT,
  Stop: BLOCK_CONTEXT,
  SubagentStop: BLOCK_CONTEXT,
  PostToolUseFailure: CONTEXT,
  SessionStart: CONTEXT,
  Setup: CONTEXT,
  SubagentStart: CONTEXT,
  TaskCreated: BLOCK,
  TaskCompleted: BLOCK,
  TeammateIdle: BLOCK,
  ConfigChange: BLOCK,
  PreCompact: BLOCK,
};

/** Events where "block" is spelled as exit 2 + stderr rather than JSON (hooks-protocol §4.2). */
const BLOCK_BY_EXIT: readonly string[] = ['TaskCompleted', 'TeammateIdle'];
const SESSION_TITLE_EVENTS: readonly string[] = ['UserPromptSubmit', 'SessionStart'];

/** Whether `event` accepts an answer of this kind. */
export function acceptsAnswer(event: string, kind: Kind): boolean {
  return (ACCEPTED[event] ?? UNIVERSAL).includes(kind) && !(kind === 'block' && BLOCK_BY_EXIT.includes(event));
}

function text(answer: object, key: string, required: boolean): string | undefined {
  const value = (answer as Record<string, unknown>)[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || (required && value.trim() === '')) {
    const kind = (answer as { kind: string }).kind;
    throw new HookError(
      'E_ANSWER_INVALID',
      `the handler's ${kind} answer needs \`${key}\` as a non-empty string, got ${value === undefined ? 'nothing' : typeof value}; pass it to ${kind}(...)`,
    );
  }
  return truncateForClaude(value);
}

function object(answer: object, key: string): Record<string, unknown> | undefined {
  const value = (answer as Record<string, unknown>)[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HookError(
      'E_ANSWER_INVALID',
      `the handler's answer has \`${key}\` of type ${Array.isArray(value) ? 'array' : typeof value}; it must be an object (the whole new tool input)`,
    );
  }
  return value as Record<string, unknown>;
}

function compact<T extends Record<string, unknown>>(record: T): T {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}

/** Turns a handler's return value into stdout JSON + exit code for `event`. Throws E_ANSWER_INVALID on anything else. */
export function renderAnswer(event: string, answer: unknown): Outcome {
  if (answer === undefined || answer === null) return { exitCode: 0 };
  if (typeof answer !== 'object' || typeof (answer as { kind?: unknown }).kind !== 'string') {
    throw new HookError(
      'E_ANSWER_INVALID',
      `the handler returned ${Array.isArray(answer) ? 'an array' : typeof answer}; return an answer built with allow(), deny(), block(), addContext() … or nothing`,
    );
  }
  const kind = (answer as Answer).kind;
  const accepted = ACCEPTED[event] ?? UNIVERSAL;
  if (!accepted.includes(kind)) {
    throw new HookError(
      'E_ANSWER_INVALID',
      `a ${event} hook cannot answer '${kind}'; it may answer ${accepted.join(', ')}`,
    );
  }
  const out: Record<string, unknown> = {};
  const systemMessage = text(answer, 'systemMessage', kind === 'notice');
  const additionalContext = text(answer, 'additionalContext', kind === 'context');
  const hso = (fields: Record<string, unknown>) => {
    out.hookSpecificOutput = compact({ hookEventName: event, ...fields });
  };

  switch (kind) {
    case 'allow':
    case 'ask':
    case 'deny':
    case 'defer': {
      const reason = text(answer, 'reason', kind === 'deny');
      const updatedInput = object(answer, 'updatedInput');
      if (event === 'PermissionRequest') {
        hso({
          decision:
            kind === 'allow'
              ? compact({
                  behavior: 'allow',
                  updatedInput,
                  updatedPermissions: (answer as { updatedPermissions?: unknown }).updatedPermissions,
                })
              : compact({
                  behavior: 'deny',
                  message: reason,
                  interrupt: (answer as { interrupt?: boolean }).interrupt === true ? true : undefined,
                }),
        });
      } else {
        hso({
          permissionDecision: kind,
          permissionDecisionReason: kind === 'defer' ? undefined : reason,
          updatedInput: kind === 'allow' || kind === 'ask' ? updatedInput : undefined,
          additionalContext,
        });
      }
      break;
    }
    case 'block': {
      const reason = text(answer, 'reason', true) as string;
      if (BLOCK_BY_EXIT.includes(event)) return { exitCode: 2, stderr: reason.replace(/\s*[\r\n]+\s*/g, ' ') };
      out.decision = 'block';
      out.reason = reason;
      if (additionalContext !== undefined) hso({ additionalContext });
      break;
    }
    case 'context': {
      const sessionTitle = SESSION_TITLE_EVENTS.includes(event) ? text(answer, 'sessionTitle', false) : undefined;
      hso({ additionalContext, sessionTitle });
      break;
    }
    case 'retry':
      hso({ retry: true });
      break;
    case 'halt':
      out.continue = false;
      out.stopReason = text(answer, 'stopReason', true);
      break;
    case 'notice':
      break;
    default: {
      // Every answer kind has its case: a new one fails the type check here, not a user's hook.
      const unhandled: never = kind;
      throw new HookError('E_ANSWER_INVALID', `unknown answer kind '${String(unhandled)}'`);
    }
  }
  if (systemMessage !== undefined) out.systemMessage = systemMessage;
  return { json: out, exitCode: 0 };
}
