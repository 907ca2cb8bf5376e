/**
 * The AbortSignal the Agent SDK passes a callback (the query was interrupted, or the client gave
 * up on the hook) reaching the handler: its `ctx.signal` aborts with it, and a handler still
 * running when it fires fails by its policy (a guard denies) instead of answering later into
 * nothing.
 */
import type { HookContext, HookDefinition } from '../define.ts';
import { HookError } from '../runtime/errors.ts';

function abortedError(): HookError {
  return new HookError(
    'E_HANDLER_ABORTED',
    'the Agent SDK aborted the hook before it answered (the query was interrupted or the client stopped waiting)',
  );
}

/** AbortSignal.any (Node >= 20.3), or the same by hand on the Node 20 releases before it. */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** `hook` with a handler that also stops when `outer` aborts; the deadline's own abort still applies. */
export function abortableBy(hook: HookDefinition, outer: AbortSignal | undefined): HookDefinition {
  if (outer === undefined) return hook;
  const run = (input: never, ctx: HookContext): unknown => {
    if (outer.aborted) throw abortedError();
    // Only `signal` changes; cwd, env, home stay the context's own (lazy) getters.
    let signal: AbortSignal | undefined;
    const context: HookContext = Object.create(ctx, {
      signal: { get: () => (signal ??= eitherSignal(ctx.signal, outer)), enumerable: true },
    });
    const result = hook.run(input, context);
    if (!isThenable(result)) return result;
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abortedError());
      // A handler that never settles must not keep a listener on a session-long signal: its
      // deadline (which has already answered for it) ends the wait too.
      const done = () => {
        outer.removeEventListener('abort', onAbort);
        ctx.signal.removeEventListener('abort', done);
      };
      outer.addEventListener('abort', onAbort, { once: true });
      ctx.signal.addEventListener('abort', done, { once: true });
      result.then(
        (value) => {
          done();
          resolve(value);
        },
        (error: unknown) => {
          done();
          reject(error);
        },
      );
    });
  };
  return { ...hook, run };
}
