/**
 * The shapes of `@anthropic-ai/claude-agent-sdk`'s `hooks` option (0.3.329, the SDK of Claude
 * Code 2.1.329: `HookCallbackMatcher`, `HookCallback`, `SyncHookJSONOutput`), written out
 * structurally so hookpack never depends on the SDK, not even for its types: a user's project
 * installs the SDK it wants, and these types are assignable to its `Options['hooks']`
 * (test/e2e/sdk.e2e.test.ts type-checks that against the real declarations).
 */
import type { EventName } from '../events.ts';

/** What the SDK hands a callback as its first argument: the event's payload, as a command hook gets it on stdin. */
export interface AgentSdkHookInput {
  readonly hook_event_name: string;
  readonly [field: string]: unknown;
}

type Destination = 'userSettings' | 'projectSettings' | 'localSettings' | 'session' | 'cliArg';

/** The SDK's `PermissionUpdate` (its modes lack hookpack's 'manual', so hookpack's own type is not assignable). */
export type AgentSdkPermissionUpdate =
  | {
      type: 'addRules' | 'replaceRules' | 'removeRules';
      rules: { toolName: string; ruleContent?: string }[];
      behavior: 'allow' | 'deny' | 'ask';
      destination: Destination;
    }
  | {
      type: 'setMode';
      mode: 'default' | 'acceptEdits' | 'bypassPermissions' | 'plan' | 'dontAsk' | 'auto';
      destination: Destination;
    }
  | { type: 'addDirectories' | 'removeDirectories'; directories: string[]; destination: Destination };

type ContextOnly<E extends string> = { hookEventName: E; additionalContext?: string };

/** The `hookSpecificOutput` variants hookpack's answers produce (render.ts), as the SDK types them. */
export type AgentSdkHookSpecificOutput =
  | {
      hookEventName: 'PreToolUse';
      permissionDecision?: 'allow' | 'deny' | 'ask' | 'defer';
      permissionDecisionReason?: string;
      updatedInput?: Record<string, unknown>;
      additionalContext?: string;
    }
  | {
      hookEventName: 'PermissionRequest';
      decision:
        | { behavior: 'allow'; updatedInput?: Record<string, unknown>; updatedPermissions?: AgentSdkPermissionUpdate[] }
        | { behavior: 'deny'; message?: string; interrupt?: boolean };
    }
  | { hookEventName: 'PermissionDenied'; retry?: boolean }
  | { hookEventName: 'UserPromptSubmit'; additionalContext?: string; sessionTitle?: string }
  | { hookEventName: 'SessionStart'; additionalContext?: string; sessionTitle?: string }
  | ContextOnly<'PostToolUse'>
  | ContextOnly<'PostToolBatch'>
  | ContextOnly<'PostToolUseFailure'>
  | ContextOnly<'UserPromptExpansion'>
  | ContextOnly<'Stop'>
  | ContextOnly<'SubagentStop'>
  | ContextOnly<'Setup'>
  | ContextOnly<'SubagentStart'>;

/** A callback's answer: the JSON a command hook would print (the SDK's `SyncHookJSONOutput`). */
export interface AgentSdkHookOutput {
  continue?: boolean;
  stopReason?: string;
  decision?: 'approve' | 'block';
  reason?: string;
  systemMessage?: string;
  hookSpecificOutput?: AgentSdkHookSpecificOutput;
}

/** The SDK's `HookCallback`. */
export type AgentSdkHookCallback = (
  input: AgentSdkHookInput,
  toolUseID: string | undefined,
  options: { signal: AbortSignal },
) => Promise<AgentSdkHookOutput>;

/** The SDK's `HookCallbackMatcher`. */
export interface AgentSdkHookCallbackMatcher {
  matcher?: string;
  hooks: AgentSdkHookCallback[];
  /** Seconds the client waits for these callbacks. */
  timeout?: number;
  /** `'block'`: a callback that throws or answers something invalid blocks the action (guards). */
  onFailure?: 'continue' | 'block';
}

/** The SDK's `Options['hooks']`. */
export type AgentSdkHooks = Partial<Record<EventName, AgentSdkHookCallbackMatcher[]>>;
