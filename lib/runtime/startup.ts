import type { OnError } from '../define.ts';
import { HookError } from './errors.ts';
import { failureAnswer } from './policy.ts';
import { exitNow, printOutcome, protectStdout } from './protocol.ts';
import { recordRun } from './telemetry.ts';

const GUARD = Symbol.for('hookpack.startupGuard');

/**
 * Installed by every bundle before the hook modules are evaluated (build.mjs puts it first): an
 * error while they load (a throwing top-level statement, a defineHook option this Node rejects)
 * still fails the way the hook declared, with one line and no stack trace, instead of Node's
 * crash with exit 1, which would let a guard fail open. runHook/runEvent take over from it.
 */
export function guardStartup(meta: { name: string; event: string; onError: OnError }): void {
  const onCrash = (error: unknown) => {
    const startupError = new HookError(
      'E_STARTUP',
      `the hook failed while loading: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
    const outcome = failureAnswer({ event: meta.event, onError: meta.onError }, meta.name, startupError);
    const exitCode = printOutcome(outcome);
    recordRun({
      hook: meta.name,
      event: meta.event,
      exit: exitCode,
      decision: meta.onError === 'block' ? 'fail-closed' : 'fail-open',
      error: 'E_STARTUP',
    });
    exitNow(exitCode, false, false);
  };
  (globalThis as Record<symbol, unknown>)[GUARD] = onCrash;
  process.on('uncaughtException', onCrash);
  // Before the hook modules run: text one prints at its top level would come before the answer,
  // and Claude Code would then read stdout as text and ignore a guard's JSON deny.
  protectStdout();
}

/** Removes the startup guard once the runner's own handlers are in place. */
export function disarmStartupGuard(): void {
  const onCrash = (globalThis as Record<symbol, unknown>)[GUARD];
  if (typeof onCrash === 'function') process.off('uncaughtException', onCrash as (error: Error) => void);
}
