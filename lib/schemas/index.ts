/**
 * Zod schemas of Claude Code hook payloads and the types inferred from them. Build time and
 * tests only: hooks import the types, and get generated zod-free validators (./codegen.ts).
 */
import type { z } from 'zod';
import type { EventName } from '../events.ts';
import { genericPayloadSchema } from './common.ts';
import { eventSchemas } from './events.ts';
import { toolInputSchemas, toolResponseSchemas } from './tools.ts';

export { parsePayload } from './parse.ts';
export type { ParseResult } from './parse.ts';
export { eventSchemas, genericPayloadSchema, toolInputSchemas, toolResponseSchemas };

/** The stdin payload of each event, as its schema infers it. */
export type HookPayloads = { [E in EventName]: z.infer<(typeof eventSchemas)[E]> };

/** The payload of an event hookpack does not know: the common fields, unknown keys kept. */
export type GenericPayload = z.infer<typeof genericPayloadSchema>;

/** `tool_input` of each built-in tool. */
export type ToolInputs = { [T in keyof typeof toolInputSchemas]: z.infer<(typeof toolInputSchemas)[T]> };

/** PostToolUse `tool_response` of the built-in tools whose response is known. */
export type ToolResponses = { [T in keyof typeof toolResponseSchemas]: z.infer<(typeof toolResponseSchemas)[T]> };
