import { runBundle } from './lifecycle.ts';
import type { BundledHook, Validate } from './lifecycle-steps.ts';
import { mergeEvaluations } from './merge.ts';

export type { BundledHook } from './lifecycle-steps.ts';

/**
 * The entry of an event bundle (`dist/on-<Event>.cjs`): one process for every hook of an event.
 * Reads and checks the payload once, applies each hook's own matcher and switches, runs the
 * matching handlers concurrently (each under its own deadline and failure policy, so one slow
 * or crashing hook can't take the others' answers down), merges their answers by Claude Code's
 * rules, prints one JSON object or nothing, and records one telemetry line per hook that ran.
 * The lifecycle itself: lifecycle.ts.
 */
export function runEvent(event: string, hooks: BundledHook[], meta: { validate: Validate }): void {
  runBundle({ event, hooks, validate: meta.validate, combine: mergeEvaluations, single: false });
}
