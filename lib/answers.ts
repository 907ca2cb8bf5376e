/**
 * Answer builders. A handler returns one of these values (or nothing); the runner renders it
 * into the JSON Claude Code expects for the hook's event (lib/runtime/render.ts). Which answers
 * an event accepts is enforced by the handler's return type (`AnswerFor<E>` in lib/define.ts).
 */

/** Fields every answer may carry: a warning shown to the user (not to Claude). */
export interface Universal {
  /** Shown to the user as a warning. Truncated by hookpack past 10,000 characters. */
  systemMessage?: string;
}

export interface PermissionRule {
  toolName: string;
  ruleContent?: string;
}

/** `updatedPermissions` entries for a PermissionRequest allow (hooks-protocol §4.2). */
export type PermissionUpdate =
  | {
      type: 'addRules' | 'replaceRules' | 'removeRules';
      rules: PermissionRule[];
      behavior: 'allow' | 'deny' | 'ask';
      destination: 'session' | 'localSettings' | 'projectSettings' | 'userSettings';
    }
  | {
      type: 'setMode';
      mode: 'default' | 'auto' | 'acceptEdits' | 'dontAsk' | 'bypassPermissions' | 'plan' | 'manual';
      destination: 'session' | 'localSettings' | 'projectSettings' | 'userSettings';
    }
  | {
      type: 'addDirectories' | 'removeDirectories';
      directories: string[];
      destination: 'session' | 'localSettings' | 'projectSettings' | 'userSettings';
    };

export interface Allow extends Universal {
  readonly kind: 'allow';
  /** PreToolUse: shown to the user only. */
  reason?: string;
  /** Replaces the whole tool input (PreToolUse, PermissionRequest). */
  updatedInput?: Record<string, unknown>;
  /** PermissionRequest only: permission rules to add, as if the user chose "always allow". */
  updatedPermissions?: PermissionUpdate[];
  /** PreToolUse only: context for Claude next to the tool result. */
  additionalContext?: string;
}

export interface Deny extends Universal {
  readonly kind: 'deny';
  /** Sent to Claude: say what to do instead. */
  reason: string;
  /** PreToolUse only. */
  additionalContext?: string;
  /** PermissionRequest only: also stop Claude's turn. */
  interrupt?: boolean;
}

export interface Ask extends Universal {
  readonly kind: 'ask';
  reason?: string;
  updatedInput?: Record<string, unknown>;
  additionalContext?: string;
}

export interface Defer extends Universal {
  readonly kind: 'defer';
}

export interface Block extends Universal {
  readonly kind: 'block';
  /** Required: Stop/SubagentStop feed it to Claude as the next instruction. */
  reason: string;
  additionalContext?: string;
}

export interface Context extends Universal {
  readonly kind: 'context';
  additionalContext: string;
  /** UserPromptSubmit and SessionStart: set the session title. */
  sessionTitle?: string;
}

export interface Retry extends Universal {
  readonly kind: 'retry';
}

export interface Halt extends Universal {
  readonly kind: 'halt';
  /** Shown to the user, not to Claude. */
  stopReason: string;
}

export interface Notice extends Universal {
  readonly kind: 'notice';
  systemMessage: string;
}

export type Answer = Allow | Deny | Ask | Defer | Block | Context | Retry | Halt | Notice;

type Opts<T extends Answer> = Omit<T, 'kind'>;

/** Let the call through (PreToolUse) or grant the permission (PermissionRequest). */
export function allow(options: Opts<Allow> = {}): Allow {
  return { kind: 'allow', ...options };
}

/** Refuse the call; `reason` reaches Claude, so tell it what to do instead. */
export function deny(reason: string, options: Omit<Opts<Deny>, 'reason'> = {}): Deny {
  return { kind: 'deny', reason, ...options };
}

/** Ask the user to confirm (PreToolUse). */
export function ask(reason?: string, options: Omit<Opts<Ask>, 'reason'> = {}): Ask {
  return reason === undefined ? { kind: 'ask', ...options } : { kind: 'ask', reason, ...options };
}

/** Defer the call to the caller of `claude -p` (PreToolUse, single tool call only). */
export function defer(options: Opts<Defer> = {}): Defer {
  return { kind: 'defer', ...options };
}

/** Block: Stop/SubagentStop keep Claude working with `reason`; PostToolUse shows it next to the result; UserPromptSubmit erases the prompt. */
export function block(reason: string, options: Omit<Opts<Block>, 'reason'> = {}): Block {
  return { kind: 'block', reason, ...options };
}

/** Add context for Claude (truncated by hookpack past 10,000 characters, with a marker). */
export function addContext(text: string, options: Omit<Opts<Context>, 'additionalContext'> = {}): Context {
  return { kind: 'context', additionalContext: text, ...options };
}

/** PermissionDenied: tell the model it may retry the call. */
export function retry(options: Opts<Retry> = {}): Retry {
  return { kind: 'retry', ...options };
}

/** `continue: false`: stop Claude after this hook; `stopReason` is shown to the user. */
export function halt(stopReason: string, options: Universal = {}): Halt {
  return { kind: 'halt', stopReason, ...options };
}

/** Only a warning for the user (`systemMessage`). */
export function notice(systemMessage: string): Notice {
  return { kind: 'notice', systemMessage };
}
