// The bench's one error class. run.mjs is the only place an error becomes an exit code:
// E_BENCH_USAGE exits 2, everything else 1.
export class BenchError extends Error {
  /**
   * @param {'E_BENCH_USAGE' | 'E_BENCH_BUILD' | 'E_BENCH_PROGRAM' | 'E_BENCH_BUDGET'} code
   * @param {string} message what failed, then what to do about it
   * @param {{ cause?: unknown, details?: unknown }} [extra]
   */
  constructor(code, message, extra = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'BenchError';
    this.code = code;
    if (extra.details !== undefined) this.details = extra.details;
  }
}
