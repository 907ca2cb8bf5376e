import { MAX_TIMER_MS } from './check-options.ts';

/** Why a child is being stopped before it exited. */
export type StopReason = 'timeout' | 'abort';

/**
 * Calls `onStop` once, when `timeoutMs` passes or `signal` aborts, whichever comes first; returns
 * a function that stops watching. One cleared timer and one removed listener, rather than
 * `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: the result must tell a timeout from an
 * abort, `AbortSignal.any` is missing before Node 20.3 and leaks when one input is long-lived like
 * a hook's context signal (nodejs/node#48419, #55351), and `AbortSignal.timeout`'s timer can't be cleared.
 */
export function watchStop(
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
  onStop: (reason: StopReason) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onAbort = () => stop('abort');
  const dispose = () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  };
  const stop = (reason: StopReason) => {
    dispose();
    onStop(reason);
  };
  if (timeoutMs !== undefined && timeoutMs <= MAX_TIMER_MS) timer = setTimeout(stop, timeoutMs, 'timeout');
  signal?.addEventListener('abort', onAbort, { once: true });
  return dispose;
}
