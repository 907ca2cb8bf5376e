import { describe, expect, it } from 'vitest';
import { median, p95, percentile, ratio, summarize } from '../../bench/stats.mjs';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 10, 1000], 10],
  ])('of %j is %d', (samples, expected) => {
    expect(median(samples)).toBe(expected);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses an empty array', () => {
    expect(() => median([])).toThrow(/non-empty/);
  });
});

describe('p95 (nearest rank)', () => {
  it('is the 95th of 1..100 and the 19th of 1..20', () => {
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(95);
    expect(p95(Array.from({ length: 20 }, (_, i) => 20 - i))).toBe(19);
  });

  it('is the maximum for fewer than 20 samples', () => {
    expect(p95([1, 2, 3, 4, 50])).toBe(50);
  });

  it('rejects a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

it('summarizes median, p95, min, max and count', () => {
  expect(summarize([30, 10, 20, 40])).toEqual({ median: 25, p95: 40, min: 10, max: 40, n: 4 });
});

it('rounds a ratio to 3 decimals and gives null without a base', () => {
  expect(ratio(44, 35)).toBe(1.257);
  expect(ratio(44, 0)).toBeNull();
  expect(ratio(null, 35)).toBeNull();
});
