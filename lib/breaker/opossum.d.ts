// The part of opossum 9 that lib/breaker uses. opossum ships no types and @types/opossum is not a
// dependency; keep this to what we call so a wrong guess about the library shows up as a type error.
declare module 'opossum' {
  import { EventEmitter } from 'node:events';

  namespace CircuitBreaker {
    /** The flags `toJSON().state` reports and the `state` option restores. */
    interface State {
      enabled?: boolean;
      closed?: boolean;
      open?: boolean;
      halfOpen?: boolean;
      warmUp?: boolean;
      shutdown?: boolean;
      lastTimerAt?: number;
    }

    /** Counters over the rolling window (`circuit.stats`). */
    interface Stats {
      fires: number;
      failures: number;
      fallbacks: number;
      successes: number;
      rejects: number;
      timeouts: number;
      [counter: string]: unknown;
    }

    interface Status {
      readonly stats: Stats;
    }

    interface Options {
      name?: string;
      timeout?: number | false;
      resetTimeout?: number;
      errorThresholdPercentage?: number;
      rollingCountTimeout?: number;
      volumeThreshold?: number;
      enableSnapshots?: boolean;
      rollingPercentilesEnabled?: boolean;
      state?: State;
      status?: Status | Stats;
    }
  }

  class CircuitBreaker<A extends unknown[] = unknown[], R = unknown> extends EventEmitter {
    constructor(action: (...args: A) => R | Promise<R>, options?: CircuitBreaker.Options);
    static isOurError(error: unknown): boolean;
    static newStatus(options: {
      stats?: CircuitBreaker.Stats;
      enableSnapshots?: boolean;
      rollingPercentilesEnabled?: boolean;
    }): CircuitBreaker.Status;
    readonly closed: boolean;
    readonly opened: boolean;
    readonly halfOpen: boolean;
    readonly pendingClose: boolean;
    readonly stats: CircuitBreaker.Stats;
    readonly status: CircuitBreaker.Status;
    fire(...args: A): Promise<R>;
    fallback(fn: (...args: never[]) => unknown): this;
    open(): void;
    close(): void;
    shutdown(): void;
    toJSON(): { state: CircuitBreaker.State; status: CircuitBreaker.Stats };
  }

  export = CircuitBreaker;
}
