// Shared by the Agent SDK adapter's tests: realistic payloads, and calling an event's callback the way the SDK does.
import { readFileSync } from 'node:fs';
import type { AgentSdkHookOutput, AgentSdkHooks } from '../../../lib/sdk/index.ts';

/** cli/payloads/<event>.json (captured from Claude Code 2.1.329), with `overrides` on top. */
export function payload(
  event: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { hook_event_name: string } {
  const base = JSON.parse(
    readFileSync(new URL(`../../../cli/payloads/${event}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  return { ...base, ...overrides } as Record<string, unknown> & { hook_event_name: string };
}

/** Calls the one callback `hooks` registers for the payload's event, as the SDK would (no client-side matcher applied). */
export async function callEvent(
  hooks: AgentSdkHooks,
  input: Record<string, unknown> & { hook_event_name: string },
  signal = new AbortController().signal,
): Promise<AgentSdkHookOutput> {
  const matchers = hooks[input.hook_event_name as keyof AgentSdkHooks];
  const callback = matchers?.[0]?.hooks[0];
  if (callback === undefined) throw new Error(`no callback for ${input.hook_event_name}`);
  return callback(input, typeof input.tool_use_id === 'string' ? input.tool_use_id : undefined, { signal });
}
