/**
 * The zod-powered payload check: the reference the generated validators are tested against.
 * Build time and tests only; full zod never ships in a hook.
 */
import type { z } from 'zod';
import { isKnownEvent } from '../events.ts';
import { genericPayloadSchema } from './common.ts';
import { descriptorAt, descriptorOf, formatError, literalName, typeName } from './descriptor.ts';
import { eventSchemas, isToolEvent } from './events.ts';
import { isKnownTool, toolInputSchemas } from './tools.ts';

/** The outcome of parsePayload: the payload as given (never a copy), or the first error. */
export type ParseResult = { ok: true; event: string; payload: unknown } | { ok: false; error: string };

/**
 * Validates a parsed stdin payload against its event's schema (unknown events: common fields
 * only) and, on tool events naming a built-in tool, `tool_input` against that tool's schema.
 */
export function parsePayload(value: unknown): ParseResult {
  const event = eventNameOf(value);
  const schema = event !== undefined && isKnownEvent(event) ? eventSchemas[event] : genericPayloadSchema;
  const error = firstError(schema, value, []) ?? toolInputError(event, value);
  // Valid means `event` was read from it; the payload is returned as is because zod's output
  // drops `__proto__` keys, and the schemas have no transforms or defaults to apply.
  return error === undefined ? { ok: true, event: event as string, payload: value } : { ok: false, error };
}

function eventNameOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = (value as { hook_event_name?: unknown }).hook_event_name;
  return typeof name === 'string' ? name : undefined;
}

function toolInputError(event: string | undefined, payload: unknown): string | undefined {
  if (event === undefined || !isToolEvent(event)) return undefined;
  const { tool_name: tool, tool_input: input } = payload as { tool_name: unknown; tool_input: unknown };
  return isKnownTool(tool) ? firstError(toolInputSchemas[tool], input, ['tool_input']) : undefined;
}

/**
 * The first issue zod finds (it checks keys in schema order, depth first), worded like the
 * generated validators: `<prefix+path>: expected <schema node>, got <value's type>`.
 */
export function firstError(schema: z.ZodType, value: unknown, prefix: readonly PropertyKey[]): string | undefined {
  const result = schema.safeParse(value);
  const issue = result.error?.issues[0];
  if (issue === undefined) return undefined;
  const actual = valueAt(value, issue.path);
  const got = issue.code === 'invalid_value' ? literalName(actual) : typeName(actual);
  return formatError([...prefix, ...issue.path], descriptorAt(descriptorOf(schema), issue.path), got);
}

/** Reads along `path` the way zod does (`input[key]`, inherited keys included). */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
