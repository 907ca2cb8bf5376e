/**
 * The hook events Claude Code 2.1.329 fires (hooks-protocol.md §1 and §8) and, for those that
 * support a matcher, the payload field the matcher filters on. Plain data: hooks may import it
 * without pulling in any schema code.
 */
export const EVENT_NAMES = [
  'SessionStart',
  'Setup',
  'InstructionsLoaded',
  'UserPromptSubmit',
  'UserPromptExpansion',
  'MessageDisplay',
  'PreToolUse',
  'PermissionRequest',
  'PermissionDenied',
  'PostToolUse',
  'PostToolUseFailure',
  'PostToolBatch',
  'Notification',
  'SubagentStart',
  'SubagentStop',
  'TaskCreated',
  'TaskCompleted',
  'Stop',
  'StopFailure',
  'TeammateIdle',
  'ConfigChange',
  'CwdChanged',
  'DirectoryAdded',
  'FileChanged',
  'WorktreeCreate',
  'WorktreeRemove',
  'PreCompact',
  'PostCompact',
  'Elicitation',
  'ElicitationResult',
  'SessionEnd',
  'PreModelSwitch',
  'PostModelSwitch',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

/** Events whose payload carries `tool_name` and `tool_input`. */
export type ToolEventName =
  | 'PreToolUse'
  | 'PermissionRequest'
  | 'PermissionDenied'
  | 'PostToolUse'
  | 'PostToolUseFailure';

/** The payload field a settings.json `matcher` filters on, per event (§2.3, §1.2, §8). */
export const MATCHER_FIELD: { readonly [E in EventName]?: string } = {
  SessionStart: 'source',
  Setup: 'trigger',
  InstructionsLoaded: 'load_reason',
  UserPromptExpansion: 'command_name',
  PreToolUse: 'tool_name',
  PermissionRequest: 'tool_name',
  PermissionDenied: 'tool_name',
  PostToolUse: 'tool_name',
  PostToolUseFailure: 'tool_name',
  Notification: 'notification_type',
  SubagentStart: 'agent_type',
  SubagentStop: 'agent_type',
  StopFailure: 'error',
  ConfigChange: 'source',
  DirectoryAdded: 'source',
  FileChanged: 'file_path',
  PreCompact: 'trigger',
  PostCompact: 'trigger',
  Elicitation: 'mcp_server_name',
  ElicitationResult: 'mcp_server_name',
  SessionEnd: 'reason',
  PreModelSwitch: 'to_model',
  PostModelSwitch: 'to_model',
};

/** Default failure policy: guards on these events fail closed (hooks-protocol §3). */
export const FAIL_CLOSED_EVENTS: readonly string[] = ['PreToolUse', 'PermissionRequest'];

/** Events on which a command hook's exit 2 blocks (hooks-protocol §3); elsewhere its stderr is only shown. */
export const EXIT_2_BLOCKS: readonly string[] = [
  'PreToolUse',
  'UserPromptSubmit',
  'UserPromptExpansion',
  'Stop',
  'SubagentStop',
  'TeammateIdle',
  'TaskCreated',
  'TaskCompleted',
  'ConfigChange',
  'PostToolBatch',
  'PreCompact',
  'Elicitation',
  'ElicitationResult',
];

export function isKnownEvent(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name);
}
