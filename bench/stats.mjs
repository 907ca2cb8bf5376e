// Order statistics for timing samples. Medians and nearest-rank percentiles, not means: a
// process start on a shared machine has a long right tail that a mean would smear over every row.

function sorted(samples) {
  if (!Array.isArray(samples) || samples.length === 0)
    throw new TypeError('stats: `samples` must be a non-empty array of numbers');
  return [...samples].sort((a, b) => a - b);
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(samples) {
  const s = sorted(samples);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The nearest-rank percentile `p` (0 < p <= 100): the smallest sample with at least p% of samples at or below it. */
export function percentile(samples, p) {
  if (!(p > 0 && p <= 100)) throw new RangeError(`stats: \`p\` must be in (0, 100], got ${p}`);
  const s = sorted(samples);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

export const p95 = (samples) => percentile(samples, 95);

/** Median, p95, min, max and count of one program's samples. */
export function summarize(samples) {
  const s = sorted(samples);
  return { median: median(s), p95: percentile(s, 95), min: s[0], max: s[s.length - 1], n: s.length };
}

/** `value / base`, rounded to 3 decimals; null when either is missing. */
export function ratio(value, base) {
  if (typeof value !== 'number' || typeof base !== 'number' || !(base > 0)) return null;
  return Math.round((value / base) * 1000) / 1000;
}
