import type { HookDefinition } from '../define.ts';
import { disarmStartupGuard } from './startup.ts';

/** Checks a payload against a hook's event schema (main.ts's Validate, repeated to keep this module import-free). */
type Validate = (payload: unknown) => string | undefined;

/** What a bundle hands over instead of running: its event, its hooks in declared order, its payload validator. */
export interface Embedded {
  event: string;
  hooks: Array<{ name: string; hook: HookDefinition }>;
  validate: Validate;
}

const EMBED = Symbol.for('hookpack.embed');

/**
 * When the adopted-hooks runner (lib/adopt/) loads a project's bundle to run its hooks in its own
 * process, it sets a receiver first: the bundle's runner then hands its hooks over and returns
 * instead of reading stdin and exiting. Costs a normal start one global lookup.
 */
export function handOver(embedded: Embedded): boolean {
  const receive = (globalThis as Record<symbol, unknown>)[EMBED];
  if (typeof receive !== 'function') return false;
  disarmStartupGuard();
  (receive as (embedded: Embedded) => void)(embedded);
  return true;
}

/** Loads bundles with `load` while collecting what they hand over (lib/adopt's side of handOver). */
export function collectEmbedded(load: () => void): Embedded[] {
  const received: Embedded[] = [];
  const global = globalThis as Record<symbol, unknown>;
  global[EMBED] = (embedded: Embedded) => received.push(embedded);
  try {
    load();
  } finally {
    delete global[EMBED];
  }
  return received;
}
