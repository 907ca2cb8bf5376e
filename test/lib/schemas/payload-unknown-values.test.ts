import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../../lib/schemas/index.ts';
import { eventFixtures, validatorFor } from './_helpers.ts';

const fixture = (event: string) => {
  const found = eventFixtures().find((f) => f.payload.hook_event_name === event);
  if (found === undefined) throw new Error(`no fixture for ${event}`);
  return structuredClone(found.payload);
};

/** Asserts both validators accept `payload` and parsePayload hands back exactly what it got. */
async function expectAccepted(payload: Record<string, unknown>) {
  const before = structuredClone(payload);
  const result = parsePayload(payload);
  expect(result).toEqual({ ok: true, event: payload.hook_event_name, payload: before });
  expect((await validatorFor(payload))(payload)).toBeUndefined();
  expect(payload).toEqual(before);
}

describe('payloads from a newer Claude Code', () => {
  it('keep fields no schema knows, at every level', async () => {
    const payload = fixture('PreToolUse');
    payload.brand_new_field = { nested: [1, 2, 3] };
    (payload.effort as Record<string, unknown>).budget = 'large';
    (payload.tool_input as Record<string, unknown>).dangerouslyDisableSandbox = true;
    await expectAccepted(payload);
    const result = parsePayload(payload);
    expect(result.ok && result.payload).toBe(payload);
  });

  it('keep unknown fields inside array items', async () => {
    const payload = fixture('SubagentStop');
    (payload.background_tasks as Record<string, unknown>[])[0]!.pid = 4242;
    await expectAccepted(payload);
  });

  it('are accepted under an event name hookpack does not know, as common fields', async () => {
    const payload = { ...fixture('Stop'), hook_event_name: 'SessionPaused', paused_for_ms: 1200 };
    await expectAccepted(payload);
    expect(parsePayload(payload)).toMatchObject({ ok: true, event: 'SessionPaused' });
  });

  it.each([
    ['PreToolUse', 'permission_mode', 'yolo'],
    ['SessionStart', 'source', 'teleport'],
    ['SessionEnd', 'reason', 'update_installed'],
    ['StopFailure', 'error', 'context_window_exceeded'],
    ['PreModelSwitch', 'cache_ttl', '24h'],
    ['FileChanged', 'event', 'rename'],
  ])('accept a new %s %s value (%s)', async (event, field, value) => {
    await expectAccepted({ ...fixture(event), [field]: value });
  });

  it('accept a new effort level', async () => {
    await expectAccepted({ ...fixture('Stop'), effort: { level: 'ludicrous' } });
  });
});
