import { describe, expect, it } from 'vitest';
import { fitParts } from '../../../lib/context/budget.ts';

const parts = [
  {
    label: 'Checks:',
    entries: [
      { text: '- run db:check', score: 2 },
      { text: '- tag releases', score: 1 },
    ],
  },
  { label: 'Anti-patterns:', entries: [{ text: '## Mocks\nUse containers.', score: 3 }] },
];

describe('fitParts', () => {
  it('prints every part under its label when all fits', () => {
    expect(fitParts('Notes:', parts, 1000)).toEqual({
      text: 'Notes:\nChecks:\n- run db:check\n- tag releases\nAnti-patterns:\n## Mocks\nUse containers.',
      included: 3,
      omitted: 0,
    });
  });

  it('takes the most relevant entries first and leaves out whole entries, saying how many', () => {
    const a = `- ${'a'.repeat(40)}`;
    const b = `- ${'b'.repeat(118)}`;
    const c = `## ${'c'.repeat(40)}`;
    const big = [
      {
        label: 'Checks:',
        entries: [
          { text: a, score: 2 },
          { text: b, score: 1 },
        ],
      },
      { label: 'Anti-patterns:', entries: [{ text: c, score: 3 }] },
    ];
    const fitted = fitParts('Notes:', big, 200);
    expect(fitted?.text).toBe(
      `Notes:\nChecks:\n${a}\nAnti-patterns:\n${c}\n(1 less relevant entry left out to stay within 200 characters)`,
    );
    expect(fitted).toMatchObject({ included: 2, omitted: 1 });
    expect(fitted?.text.length).toBeLessThanOrEqual(200);
  });

  it('never passes the budget, whatever it is', () => {
    for (let budget = 0; budget <= 120; budget++) {
      const fitted = fitParts('Notes:', parts, budget);
      if (fitted !== undefined) expect(fitted.text.length).toBeLessThanOrEqual(budget);
    }
  });

  it('lets a smaller, less relevant entry in when a bigger one does not fit', () => {
    const fitted = fitParts(
      'N',
      [
        {
          label: 'L',
          entries: [
            { text: 'x'.repeat(500), score: 9 },
            { text: 'small', score: 1 },
          ],
        },
      ],
      100,
    );
    expect(fitted?.text).toBe('N\nL\nsmall\n(1 less relevant entry left out to stay within 100 characters)');
  });

  it('gives undefined when there are no entries, or none fits', () => {
    expect(fitParts('Notes:', [{ label: 'Checks:', entries: [] }], 1000)).toBeUndefined();
    expect(fitParts('Notes:', parts, 10)).toBeUndefined();
  });
});
