/**
 * One stdin payload schema per hook event (hooks-protocol §1.2; §8 wins where they differ). A
 * field is required only when every real 2.1.329 payload carries it and the docs do not call it
 * optional; enumerations are open (see `openEnum`) so new values never fail validation.
 */
import { z } from 'zod';
import type { EventName, ToolEventName } from '../events.ts';
import { genericPayloadSchema, nullable, openEnum, PERMISSION_MODES } from './common.ts';

/** The common fields, `hook_event_name` pinned to `name`, then the event's own fields. */
function eventSchema<const N extends EventName, const S extends z.ZodRawShape>(name: N, extra: S) {
  return genericPayloadSchema.extend({ hook_event_name: z.literal(name) }).extend(extra);
}

/** Every tool event names the tool and carries its arguments; `tool_input` is narrowed per tool elsewhere. */
const toolCall = {
  tool_name: z.string(),
  tool_input: z.record(z.string(), z.unknown()),
};

/** §8: set on the tool events when the tool belongs to an MCP server. */
const mcpServer = { mcp_server: z.string().optional() };

/** Entries of PermissionRequest `permission_suggestions` (the PermissionUpdate type of §4.2). */
const permissionSuggestion = z.looseObject({
  type: openEnum(['addRules', 'replaceRules', 'removeRules', 'setMode', 'addDirectories', 'removeDirectories']),
  rules: z.array(z.looseObject({ toolName: z.string(), ruleContent: z.string().optional() })).optional(),
  behavior: openEnum(['allow', 'deny', 'ask']).optional(),
  // `manual` is a setMode value only (2.1.200); payloads report it as `default`.
  mode: openEnum([...PERMISSION_MODES, 'manual']).optional(),
  directories: z.array(z.string()).optional(),
  destination: openEnum(['session', 'localSettings', 'projectSettings', 'userSettings']).optional(),
});

/** Stop/SubagentStop `background_tasks` entries (2.1.145); `type` and `status` have no documented value list. */
const backgroundTask = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  description: z.string(),
  command: z.string().optional(),
  agent_type: z.string().optional(),
  server: z.string().optional(),
  tool: z.string().optional(),
  name: z.string().optional(),
});

/** Stop/SubagentStop `session_crons` entries (2.1.145). */
const sessionCron = z.looseObject({
  id: z.string(),
  schedule: z.string(),
  recurring: z.boolean(),
  prompt: z.string(),
});

/** Fields Stop and SubagentStop share. */
const stopFields = {
  stop_hook_active: z.boolean(),
  last_assistant_message: z.string().optional(),
  background_tasks: z.array(backgroundTask).optional(),
  session_crons: z.array(sessionCron).optional(),
};

/** TaskCreated and TaskCompleted carry the same fields; `team_name` is deprecated since 2.1.178. */
const taskFields = {
  task_id: z.string(),
  task_subject: z.string(),
  task_description: z.string().optional(),
  teammate_name: z.string().optional(),
  team_name: z.string().optional(),
};

/** Pre/PostModelSwitch (§8, not in the v2.1.240 docs); only `source` differs. */
function modelSwitchFields<const T extends readonly string[]>(sources: T) {
  return {
    from_model: z.string(),
    to_model: z.string(),
    requested_model: nullable(z.string()),
    source: openEnum(sources),
    context_tokens: z.number(),
    prompt_cache_warm: z.boolean(),
    cache_ttl: openEnum(['5m', '1h']),
    estimated_cache_write_usd: z.number(),
    pricing: openEnum(['configured', 'catalog', 'default']),
  };
}

const compactTrigger = openEnum(['manual', 'auto']);
const elicitationMode = openEnum(['form', 'url']);

/** Stdin payload schema of each of the 33 events, keyed by event name. */
export const eventSchemas = {
  SessionStart: eventSchema('SessionStart', {
    // Fork was reported as `resume` before 2.1.214.
    source: openEnum(['startup', 'resume', 'clear', 'compact', 'fork']),
    model: z.string().optional(),
    session_title: z.string().optional(),
    seconds_since_last_response: z.number().optional(),
    context_tokens: z.number().optional(),
    prompt_cache_likely_expired: z.boolean().optional(),
    estimated_cache_write_usd: z.number().optional(),
  }),
  Setup: eventSchema('Setup', { trigger: openEnum(['init', 'maintenance']) }),
  InstructionsLoaded: eventSchema('InstructionsLoaded', {
    file_path: z.string(),
    memory_type: openEnum(['User', 'Project', 'Local', 'Managed']),
    load_reason: openEnum(['session_start', 'nested_traversal', 'path_glob_match', 'include', 'compact']),
    globs: z.array(z.string()).optional(),
    trigger_file_path: z.string().optional(),
    parent_file_path: z.string().optional(),
  }),
  UserPromptSubmit: eventSchema('UserPromptSubmit', {
    prompt: z.string(),
    session_title: z.string().optional(),
    source: openEnum(['user', 'sdk', 'system', 'loop_wakeup', 'schedule_wakeup', 'poll_event']).optional(),
  }),
  UserPromptExpansion: eventSchema('UserPromptExpansion', {
    expansion_type: openEnum(['slash_command', 'mcp_prompt']),
    command_name: z.string(),
    command_args: z.string(),
    command_source: z.string().optional(),
    prompt: z.string(),
  }),
  MessageDisplay: eventSchema('MessageDisplay', {
    turn_id: z.string(),
    message_id: z.string(),
    index: z.number(),
    final: z.boolean(),
    delta: z.string(),
  }),
  PreToolUse: eventSchema('PreToolUse', { ...toolCall, tool_use_id: z.string(), ...mcpServer }),
  // No `tool_use_id` here: the prompt is about the call, not a tool_use block yet.
  PermissionRequest: eventSchema('PermissionRequest', {
    ...toolCall,
    permission_suggestions: z.array(permissionSuggestion).optional(),
    ...mcpServer,
  }),
  PermissionDenied: eventSchema('PermissionDenied', {
    ...toolCall,
    tool_use_id: z.string(),
    reason: z.string(),
    ...mcpServer,
  }),
  PostToolUse: eventSchema('PostToolUse', {
    ...toolCall,
    // Built-ins send an object, MCP tools may send content arrays: typed per tool in toolResponseSchemas.
    tool_response: z.unknown(),
    tool_use_id: z.string(),
    duration_ms: z.number().optional(),
    ...mcpServer,
  }),
  PostToolUseFailure: eventSchema('PostToolUseFailure', {
    ...toolCall,
    tool_use_id: z.string(),
    error: z.string(),
    is_interrupt: z.boolean().optional(),
    duration_ms: z.number().optional(),
    ...mcpServer,
  }),
  PostToolBatch: eventSchema('PostToolBatch', {
    tool_calls: z.array(
      z.looseObject({
        ...toolCall,
        tool_use_id: z.string(),
        // The serialized tool_result the model sees, not PostToolUse's structured object.
        tool_response: z.unknown().optional(),
      }),
    ),
  }),
  Notification: eventSchema('Notification', {
    message: z.string(),
    title: z.string().optional(),
    notification_type: openEnum([
      'permission_prompt',
      'idle_prompt',
      'auth_success',
      'elicitation_dialog',
      'elicitation_url_dialog',
      'elicitation_complete',
      'elicitation_response',
      'agent_needs_input',
      'agent_completed',
    ]),
  }),
  SubagentStart: eventSchema('SubagentStart', { agent_id: z.string(), agent_type: z.string() }),
  // Also fires for compaction, with `agent_type: ""` (§8).
  SubagentStop: eventSchema('SubagentStop', {
    agent_id: z.string(),
    agent_type: z.string(),
    agent_transcript_path: z.string(),
    ...stopFields,
  }),
  TaskCreated: eventSchema('TaskCreated', taskFields),
  TaskCompleted: eventSchema('TaskCompleted', taskFields),
  Stop: eventSchema('Stop', stopFields),
  StopFailure: eventSchema('StopFailure', {
    error: openEnum([
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
    ]),
    error_details: z.string().optional(),
    last_assistant_message: z.string().optional(),
  }),
  TeammateIdle: eventSchema('TeammateIdle', {
    teammate_name: z.string(),
    // Deprecated since 2.1.178, so it may disappear.
    team_name: z.string().optional(),
  }),
  ConfigChange: eventSchema('ConfigChange', {
    source: openEnum(['user_settings', 'project_settings', 'local_settings', 'policy_settings', 'skills']),
    file_path: z.string().optional(),
  }),
  CwdChanged: eventSchema('CwdChanged', { old_cwd: z.string(), new_cwd: z.string() }),
  DirectoryAdded: eventSchema('DirectoryAdded', {
    directory: z.string(),
    source: openEnum(['slash_command', 'register_repo_root']),
  }),
  FileChanged: eventSchema('FileChanged', { file_path: z.string(), event: openEnum(['change', 'add', 'unlink']) }),
  WorktreeCreate: eventSchema('WorktreeCreate', { name: z.string() }),
  WorktreeRemove: eventSchema('WorktreeRemove', { worktree_path: z.string() }),
  // `custom_instructions` is null when none were given (seen on a manual /compact).
  PreCompact: eventSchema('PreCompact', { trigger: compactTrigger, custom_instructions: nullable(z.string()) }),
  PostCompact: eventSchema('PostCompact', { trigger: compactTrigger, compact_summary: z.string() }),
  Elicitation: eventSchema('Elicitation', {
    mcp_server_name: z.string(),
    message: z.string(),
    mode: elicitationMode.optional(),
    url: z.string().optional(),
    elicitation_id: z.string().optional(),
    requested_schema: z.record(z.string(), z.unknown()).optional(),
  }),
  ElicitationResult: eventSchema('ElicitationResult', {
    mcp_server_name: z.string(),
    action: openEnum(['accept', 'decline', 'cancel']),
    content: z.record(z.string(), z.unknown()).optional(),
    mode: elicitationMode.optional(),
    elicitation_id: z.string().optional(),
  }),
  SessionEnd: eventSchema('SessionEnd', {
    // `bypass_permissions_disabled` was removed in 2.1.234 but older clients still send it.
    reason: openEnum(['clear', 'resume', 'logout', 'prompt_input_exit', 'other', 'bypass_permissions_disabled']),
  }),
  PreModelSwitch: eventSchema('PreModelSwitch', modelSwitchFields(['command', 'picker', 'sdk'])),
  PostModelSwitch: eventSchema('PostModelSwitch', modelSwitchFields(['command', 'picker', 'sdk', 'auto', 'resume'])),
} as const satisfies { readonly [E in EventName]: z.ZodType };

/** The events whose payload has `tool_name`/`tool_input`; their `tool_input` is checked per tool. */
export const TOOL_EVENT_NAMES = [
  'PreToolUse',
  'PermissionRequest',
  'PermissionDenied',
  'PostToolUse',
  'PostToolUseFailure',
] as const satisfies readonly ToolEventName[];

/** Whether `name` is one of TOOL_EVENT_NAMES. */
export function isToolEvent(name: string): name is ToolEventName {
  return (TOOL_EVENT_NAMES as readonly string[]).includes(name);
}
