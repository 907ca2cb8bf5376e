import { describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../../../lib/events.ts';
import { parsePayload } from '../../../lib/schemas/index.ts';
import { eventFixtures, loadValidator, toolFixtures } from './_helpers.ts';

const fixtures = [...eventFixtures(), ...toolFixtures().map((f) => ({ ...f, name: `tools/${f.name}` }))];

describe('fixtures', () => {
  it('has a payload for each of the 33 events, named after it', () => {
    const events = eventFixtures().map((f) => f.payload.hook_event_name);
    expect(events).toEqual(eventFixtures().map((f) => f.name.replace(/\.json$/, '')));
    expect([...events].sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('has a PreToolUse payload for each built-in tool besides Bash', () => {
    expect(toolFixtures().map((f) => f.payload.tool_name)).toEqual([
      'Agent',
      'Edit',
      'Glob',
      'Grep',
      'MultiEdit',
      'NotebookEdit',
      'Read',
      'WebFetch',
      'WebSearch',
      'Write',
    ]);
  });

  it.each(fixtures)('$name is valid for parsePayload', ({ payload }) => {
    expect(parsePayload(payload)).toEqual({ ok: true, event: payload.hook_event_name, payload });
  });

  it.each(fixtures)('$name is valid for the generated validator', async ({ payload }) => {
    const validate = await loadValidator(payload.hook_event_name as string);
    expect(validate(payload)).toBeUndefined();
  });
});
