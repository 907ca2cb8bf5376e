/**
 * Building blocks shared by every payload schema: the open-enum helper, the known enum values,
 * and the fields Claude Code sends with every event (hooks-protocol §1.1, corrected by §8).
 */
import { z } from 'zod';

/**
 * A string typed as a union of known values that still accepts any string at run time.
 * Claude Code adds enum values without notice; a fail-closed guard must not start blocking
 * every call the day a new `permission_mode` appears. The JSON Schema stays a plain string
 * with the known values as `knownValues` metadata.
 */
export function openEnum<const T extends readonly string[]>(values: T) {
  return z.string().meta({ knownValues: values }) as unknown as z.ZodType<T[number] | (string & {})>;
}

/** `null` or the given schema; written as a union so every consumer sees one shape. */
export function nullable<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.null()]);
}

/** Permission modes; "Manual" is sent as `default` (§1.1). */
export const PERMISSION_MODES = ['default', 'plan', 'acceptEdits', 'auto', 'dontAsk', 'bypassPermissions'] as const;

/** Effort levels; ultracode reports `xhigh` (§1.1). */
export const EFFORT_LEVELS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;

/**
 * Fields of every payload. Only the first four are always present: §8 saw SessionStart at
 * `startup` with nothing else, and `permission_mode`/`prompt_id`/`effort` only on some events.
 */
export const commonFields = {
  session_id: z.string(),
  transcript_path: z.string(),
  cwd: z.string(),
  hook_event_name: z.string(),
  permission_mode: openEnum(PERMISSION_MODES).optional(),
  prompt_id: z.string().optional(),
  effort: z.looseObject({ level: openEnum(EFFORT_LEVELS) }).optional(),
  agent_id: z.string().optional(),
  agent_type: z.string().optional(),
};

/** The schema of any payload: the common fields only, unknown keys kept. */
export const genericPayloadSchema = z.looseObject(commonFields);
