// The breaker's public surface. Import it from here, never from lib/index.ts: it bundles opossum,
// which only hooks that use a breaker should carry.
export { breaker } from './breaker/index.ts';
export type { Breaker } from './breaker/index.ts';
export type { BreakerOptions } from './breaker/options.ts';
export type { BreakerStateName, PersistedState } from './breaker/state.ts';
export type { BreakerStats } from './breaker/circuit.ts';
