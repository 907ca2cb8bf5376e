import { basename, resolve } from 'node:path';
import type { HookDefinition, HookWorld } from '../define.ts';
import { hookDeadline } from '../runtime/deadline.ts';
import { collectEmbedded } from '../runtime/embed.ts';
import { HookError, oneLine } from '../runtime/errors.ts';
import { evaluateHook, failed, type Evaluation } from '../runtime/evaluate.ts';
import { checkPayload, type Validate } from '../runtime/lifecycle-steps.ts';
import { payloadMatches } from '../runtime/matcher.ts';
import { effectivePolicy, failureAnswer } from '../runtime/policy.ts';
import { disarmStartupGuard } from '../runtime/startup.ts';
import type { OwnBundle } from './table.ts';

/** One of the project's own hooks, loaded from its bundle into the runner's process. */
export interface OwnHook {
  name: string;
  hook: HookDefinition;
  validate: Validate;
}

/** The hooks the bundles handed over, and the bundles that could not be loaded. */
export interface LoadedOwn {
  hooks: OwnHook[];
  broken: Array<{ bundle: OwnBundle; error: Error }>;
}

/**
 * Loads the project's own bundles of this event (hookpack install's entries that adopt folded
 * into the runner's): each bundle, instead of running, hands its hooks over (lib/runtime/embed.ts),
 * so they run in this process, beside the adopted commands, with their own matchers, switches,
 * deadlines and failure policies. A bundle that cannot load is reported, not thrown.
 */
export function loadOwnHooks(bundles: OwnBundle[], runnerDir: string, event: string): LoadedOwn {
  const loaded: LoadedOwn = { hooks: [], broken: [] };
  for (const bundle of bundles) {
    try {
      const handed = collectEmbedded(() => require(resolve(runnerDir, bundle.path)));
      const mine = handed.filter((e) => e.event === event);
      if (mine.length === 0)
        throw new Error(
          'it ran instead of handing its hooks over: not a hookpack bundle of this event, or one built before hookpack adopt existed (run hookpack build)',
        );
      for (const embedded of mine)
        for (const { name, hook } of embedded.hooks) loaded.hooks.push({ name, hook, validate: embedded.validate });
    } catch (error) {
      // A bundle that threw while loading leaves its startup guard listening: it must not answer for us.
      disarmStartupGuard();
      loaded.broken.push({ bundle, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }
  return loaded;
}

/** A bundle that could not be loaded fails as its entry would have: closed when it held a guard. */
export function brokenBundle(bundle: OwnBundle, event: string, error: Error): Evaluation {
  const name = basename(bundle.path).replace(/\.cjs$/, '');
  const failure = new HookError(
    'E_STARTUP',
    `the bundle ${bundle.path} could not be loaded: ${oneLine(error.message, 200)}`,
  );
  return {
    name,
    outcome: failureAnswer({ event, onError: bundle.failClosed ? 'block' : 'allow' }, name, failure),
    decision: bundle.failClosed ? 'fail-closed' : 'fail-open',
    error: 'E_STARTUP',
    ms: 0,
  };
}

/**
 * Runs the own hooks that match the payload, as their event bundle would (lib/runtime/dispatch.ts):
 * the payload checked against each bundle's validator, each hook's matcher and policy applied,
 * each under its own deadline. An invalid payload fails the hooks by their policies.
 */
export function evaluateOwnHooks(
  hooks: OwnHook[],
  event: string,
  payload: Record<string, unknown>,
  debug: boolean,
  env: NodeJS.ProcessEnv,
  startMs: number,
  world: HookWorld,
): Array<{ own: OwnHook; result: Evaluation | Promise<Evaluation> }> {
  return hooks.flatMap((own) => {
    const { name, hook, validate } = own;
    try {
      checkPayload(event, payload, validate);
    } catch (error) {
      return [{ own, result: failed(hook, name, error, debug) }];
    }
    if (!payloadMatches(event, hook.matcher, payload)) return [];
    return [
      {
        own,
        result: evaluateHook(
          effectivePolicy(hook, payload),
          name,
          payload,
          hookDeadline(hook.timeout, env, startMs),
          debug,
          world,
        ),
      },
    ];
  });
}
