import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../../lib/schemas/index.ts';
import { loadValidator, realFixtures } from './_helpers.ts';

// The capture is data in the repository (test/fixtures/real), so this never skips.
describe('payloads captured from Claude Code 2.1.329', () => {
  const fixtures = realFixtures();

  it('cover the 25 events -p fires', () => {
    expect(fixtures).toHaveLength(25);
  });

  it.each(fixtures)('$name is valid for parsePayload and the generated validator', async ({ payload }) => {
    const validate = await loadValidator(payload.hook_event_name as string);
    expect(parsePayload(payload)).toEqual({ ok: true, event: payload.hook_event_name, payload });
    expect(validate(payload)).toBeUndefined();
  });
});
