/** The `p`-th percentile (0-100) of values already sorted ascending, by nearest rank; NaN for none. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** The `p`-th percentile (0-100) of `values` by nearest rank; NaN for none. Sorts a copy. */
export function percentile(values: readonly number[], p: number): number {
  // A typed array sorts numerically, in place, without a comparator call per pair.
  return percentileOfSorted(Float64Array.from(values).sort(), p);
}

/** The median (p50, nearest rank) of `values`. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The largest of `values` (-Infinity for none), without spreading them onto the stack. */
export function maxOf(values: Iterable<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) if (value > max) max = value;
  return max;
}
