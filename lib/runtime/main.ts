import type { HookDefinition } from '../define.ts';
import { runBundle, type Validate } from './lifecycle.ts';
import type { Evaluation, Outcome } from './outcome.ts';

export interface RunMeta {
  /** The hook's name: its file name in hooks/ without `.ts`. */
  name: string;
  /** Generated at build time from lib/schemas for the hook's event. */
  validate: Validate;
}

/** A hook's own bundle prints its answer as rendered: nothing to merge it with. */
const own = (_event: string, _payload: Record<string, unknown>, [only]: Evaluation[]): Outcome =>
  only?.outcome ?? { exitCode: 0 };

/**
 * The entry of one hook's bundle (`dist/<name>.cjs`): the lifecycle of an event bundle of one
 * (lifecycle.ts), without the merge (its code stays out of the bundle).
 */
export function runHook(hook: HookDefinition, meta: RunMeta): void {
  runBundle({
    event: hook.event,
    hooks: [{ name: meta.name, hook }],
    validate: meta.validate,
    combine: own,
    single: true,
  });
}
