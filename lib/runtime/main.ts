import type { HookDefinition } from '../define.ts';
import { runBundle } from './lifecycle.ts';
import { passThrough, type Validate } from './lifecycle-steps.ts';

export interface RunMeta {
  /** The hook's name: its file name in hooks/ without `.ts`. */
  name: string;
  /** Generated at build time from lib/schemas for the hook's event. */
  validate: Validate;
}

/**
 * The entry of one hook's bundle (`dist/<name>.cjs`): the lifecycle of an event bundle of one
 * (lifecycle.ts), without the merge (its code stays out of the bundle).
 */
export function runHook(hook: HookDefinition, meta: RunMeta): void {
  runBundle({
    event: hook.event,
    hooks: [{ name: meta.name, hook }],
    validate: meta.validate,
    combine: passThrough,
    single: true,
  });
}
