import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validatorSourceFor } from '../../../lib/schemas/codegen.ts';
import { openEnum } from '../../../lib/schemas/common.ts';
import { firstError } from '../../../lib/schemas/parse.ts';
import { importValidator } from './_helpers.ts';

/** Constructs the event schemas do not use today, so codegen support for them stays honest. */
const wide = z.looseObject({
  count: z.int(),
  kind: z.enum(['a', 'b']),
  version: z.literal(2),
  id: z.union([z.string(), z.number()]),
  note: z.string().nullable().optional(),
  grid: z.array(z.array(z.boolean())),
  mode: openEnum(['x', 'y']).optional(),
  anything: z.unknown(),
});

const good = { count: 3, kind: 'a', version: 2, id: 'x', grid: [[true], []], anything: 0 };

const cases: [string, unknown, string | undefined][] = [
  ['a valid value', good, undefined],
  ['a null note', { ...good, note: null }, undefined],
  ['an unknown mode', { ...good, mode: 'z' }, undefined],
  ['a fractional integer', { ...good, count: 1.5 }, 'count: expected integer, got number'],
  ['an unsafe integer', { ...good, count: 2 ** 60 }, 'count: expected integer, got number'],
  ['a string integer', { ...good, count: '3' }, 'count: expected integer, got string'],
  ['a value outside a closed enum', { ...good, kind: 'c' }, 'kind: expected "a" or "b", got "c"'],
  ['a number for a closed enum', { ...good, kind: 1 }, 'kind: expected "a" or "b", got number'],
  ['another literal number', { ...good, version: 3 }, 'version: expected 2, got number'],
  ['a boolean for string-or-number', { ...good, id: true }, 'id: expected string or number, got boolean'],
  ['a numeric nullable note', { ...good, note: 1 }, 'note: expected string or null, got number'],
  [
    'a number deep in a nested array',
    { ...good, grid: [[true], [false, 0]] },
    'grid[1][1]: expected boolean, got number',
  ],
  [
    'a missing required unknown',
    { count: 3, kind: 'a', version: 2, id: 'x', grid: [] },
    'anything: expected any value, got nothing',
  ],
];

describe('validators generated for other schemas', () => {
  it.each(cases)('agree with zod on %s', async (_name, value, error) => {
    const validate = await importValidator(validatorSourceFor('a test value', wide));
    expect(validate(value)).toBe(error);
    expect(firstError(wide, value, [])).toBe(error);
  });

  it.each([
    ['a strict object', z.strictObject({ a: z.string() })],
    ['a typed record', z.record(z.string(), z.string())],
    ['a string length limit', z.looseObject({ a: z.string().min(1) })],
    ['a default', z.looseObject({ a: z.string().default('x') })],
    ['a number range', z.looseObject({ a: z.number().max(3) })],
    ['a key starting with ?', z.looseObject({ '?a': z.string() })],
    ['a key Object.prototype has', z.looseObject({ toString: z.string() })],
  ])('refuse %s rather than drop a constraint', (_name, schema) => {
    expect(() => validatorSourceFor('a test value', schema)).toThrow(/cannot generate a validator/);
  });
});
