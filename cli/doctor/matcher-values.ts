/** Built-in tool names (hooks-protocol §1.2, Claude Code 2.1.329): all start with an upper-case letter. */
export const BUILTIN_TOOLS = [
  'Bash',
  'PowerShell',
  'Write',
  'Edit',
  'MultiEdit',
  'Read',
  'Glob',
  'Grep',
  'WebFetch',
  'WebSearch',
  'Agent',
  'Task',
  'NotebookEdit',
  'AskUserQuestion',
  'ExitPlanMode',
  'TodoWrite',
  'Skill',
  'TaskCreate',
  'TaskUpdate',
  'LSP',
] as const;

/** Events whose payload carries `tool_name`: matchers there name tools. */
export const TOOL_EVENTS: readonly string[] = [
  'PreToolUse',
  'PermissionRequest',
  'PermissionDenied',
  'PostToolUse',
  'PostToolUseFailure',
];

/**
 * The values Claude Code 2.1.329 sends in the matched field of events with a fixed set
 * (hooks-protocol §1.2). A name outside the set never matches today; new values do get added,
 * so this is a warning, not an error.
 */
export const MATCHER_VALUES: Readonly<Record<string, readonly string[]>> = {
  SessionStart: ['startup', 'resume', 'clear', 'compact', 'fork'],
  Setup: ['init', 'maintenance'],
  InstructionsLoaded: ['session_start', 'nested_traversal', 'path_glob_match', 'include', 'compact'],
  Notification: [
    'permission_prompt',
    'idle_prompt',
    'auth_success',
    'elicitation_dialog',
    'elicitation_url_dialog',
    'elicitation_complete',
    'elicitation_response',
    'agent_needs_input',
    'agent_completed',
  ],
  StopFailure: [
    'rate_limit',
    'overloaded',
    'authentication_failed',
    'oauth_org_not_allowed',
    'billing_error',
    'invalid_request',
    'model_not_found',
    'server_error',
    'max_output_tokens',
    'unknown',
  ],
  ConfigChange: ['user_settings', 'project_settings', 'local_settings', 'policy_settings', 'skills'],
  DirectoryAdded: ['slash_command', 'register_repo_root'],
  PreCompact: ['manual', 'auto'],
  PostCompact: ['manual', 'auto'],
  SessionEnd: ['clear', 'resume', 'logout', 'prompt_input_exit', 'other'],
};

/** The same test Claude Code uses to tell an exact-name list from a regex (§2.3). */
export const EXACT_LIST = /^[A-Za-z0-9_\- ,|]*$/;

/** The names of an exact-list matcher, or undefined when it is a regex (or matches everything). */
export function exactNames(matcher: string | undefined): string[] | undefined {
  if (matcher === undefined || matcher === '' || matcher === '*' || !EXACT_LIST.test(matcher)) return undefined;
  return matcher
    .split(/[|,]/)
    .map((n) => n.trim())
    .filter(Boolean);
}
