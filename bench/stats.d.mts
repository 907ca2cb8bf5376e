// Types for stats.mjs (the bench is plain .mjs so `node bench/run.mjs` needs no loader).
export declare function median(samples: readonly number[]): number;
export declare function percentile(samples: readonly number[], p: number): number;
export declare function p95(samples: readonly number[]): number;
export declare function summarize(samples: readonly number[]): {
  median: number;
  p95: number;
  min: number;
  max: number;
  n: number;
};
export declare function ratio(value: number | null | undefined, base: number | null | undefined): number | null;
