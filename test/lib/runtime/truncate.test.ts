import { describe, expect, it } from 'vitest';
import { OUTPUT_CHAR_CAP, truncateForClaude } from '../../../lib/runtime/truncate.ts';

describe('truncateForClaude', () => {
  it('passes text of exactly 10,000 characters through untouched (the client accepts exactly that)', () => {
    const text = 'x'.repeat(OUTPUT_CHAR_CAP);
    expect(truncateForClaude(text)).toBe(text);
  });

  it('cuts 10,001 characters to at most 10,000 and says how much was cut', () => {
    const out = truncateForClaude('y'.repeat(OUTPUT_CHAR_CAP + 1));
    expect(out.length).toBeLessThanOrEqual(OUTPUT_CHAR_CAP);
    const match = /truncated by hookpack: (\d+) of 10001 characters/.exec(out);
    expect(match).not.toBeNull();
    expect(out.indexOf('\n[')).toBe(OUTPUT_CHAR_CAP + 1 - Number(match?.[1]));
  });

  it('keeps the start of the text', () => {
    const out = truncateForClaude(`HEAD${'z'.repeat(50_000)}`);
    expect(out.startsWith('HEADzzz')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    for (let pad = 0; pad < 4; pad++) {
      const out = truncateForClaude('a'.repeat(pad) + '😀'.repeat(10_000));
      const cut = out.slice(0, out.indexOf('\n['));
      expect(cut.endsWith('\ud83d')).toBe(false);
    }
  });

  it('honours a smaller cap', () => {
    expect(truncateForClaude('q'.repeat(500), 200).length).toBeLessThanOrEqual(200);
  });
});

describe('truncateForClaude with a cap smaller than its marker', () => {
  it('cuts bare rather than exceed the cap', () => {
    const out = truncateForClaude('w'.repeat(1000), 40);
    expect(out).toBe('w'.repeat(40));
  });
});
