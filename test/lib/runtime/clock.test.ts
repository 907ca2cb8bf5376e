import { describe, expect, it } from 'vitest';
import { isoTime } from '../../../lib/runtime/clock.ts';

const YEAR_10000 = Date.parse('+010000-01-01T00:00:00.000Z');

describe('isoTime writes the instant as Date#toISOString does', () => {
  it.each([
    ['the epoch', 0],
    ['a millisecond before the epoch', -1],
    ['the first instant of year 0', Date.parse('0000-01-01T00:00:00.000Z')],
    ['the last millisecond of year 9999', YEAR_10000 - 1],
    ['29 February 2000 (a leap year divisible by 400)', Date.parse('2000-02-29T23:59:59.999Z')],
    ['1 March 2100 (not a leap year)', Date.parse('2100-03-01T00:00:00.000Z')],
    ['28 February 1900 (not a leap year)', Date.parse('1900-02-28T12:34:56.789Z')],
    ['31 December 2024 at noon', Date.parse('2024-12-31T12:00:00.000Z')],
    ['now', Date.now()],
  ])('for %s', (_label, ms) => {
    expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('for 20,000 instants spread over years 0-9999', () => {
    const start = Date.parse('0000-01-01T00:00:00.000Z');
    const wrong: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const ms = start + Math.floor(((YEAR_10000 - start) * i) / 20_000) + (i % 1000);
      if (isoTime(ms) !== new Date(ms).toISOString()) wrong.push(`${ms}: ${isoTime(ms)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('drops a fraction of a millisecond as Date does', () => {
    expect(isoTime(1_700_000_000_123.9)).toBe(new Date(1_700_000_000_123.9).toISOString());
  });

  it('reads the clock when given no instant', () => {
    const before = Date.now();
    const written = Date.parse(isoTime());
    expect(written).toBeGreaterThanOrEqual(before);
    expect(written).toBeLessThanOrEqual(Date.now());
  });
});
