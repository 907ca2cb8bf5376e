import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../../lib/schemas/codegen.ts';
import { eventSchemas, parsePayload } from '../../../lib/schemas/index.ts';
import { firstError } from '../../../lib/schemas/parse.ts';
import { eventFixtures, loadValidator } from './_helpers.ts';

const fixture = (event: string) => {
  const found = eventFixtures().find((f) => f.payload.hook_event_name === event);
  if (found === undefined) throw new Error(`no fixture for ${event}`);
  return structuredClone(found.payload);
};

/** An object nested `depth` levels deep, built without recursion. */
function deeplyNested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { child: value };
  return value;
}

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'object' && next !== null && !Object.isFrozen(next)) {
      Object.freeze(next);
      stack.push(...Object.values(next));
    }
  }
  return value;
}

/** The generated validator and parsePayload must agree, and on this exact error. */
async function expectBothFail(payload: Record<string, unknown>, error: string) {
  const validate = await loadValidator(payload.hook_event_name as string);
  expect(validate(payload)).toBe(error);
  expect(parsePayload(payload)).toEqual({ ok: false, error });
}

describe('the generated validator on hostile input', () => {
  it('does not descend into free-form values, however deep', async () => {
    const payload = { ...fixture('PreToolUse'), tool_name: 'mcp__x__y', tool_input: deeplyNested(100_000) };
    expect((await loadValidator('PreToolUse'))(payload)).toBeUndefined();
    expect(parsePayload(payload).ok).toBe(true);
  });

  it('stops at the schema depth when a typed field holds a deep value', async () => {
    await expectBothFail(
      { ...fixture('Stop'), effort: { level: deeplyNested(100_000) } },
      'effort.level: expected string, got object',
    );
  });

  it('loops over huge arrays and names the bad index', async () => {
    const call = (fixture('PostToolBatch').tool_calls as unknown[])[0];
    const calls = Array.from({ length: 200_000 }, () => call);
    calls.push({ ...(call as object), tool_use_id: 1 });
    await expectBothFail(
      { ...fixture('PostToolBatch'), tool_calls: calls },
      'tool_calls[200000].tool_use_id: expected string, got number',
    );
  });

  it('never writes to the payload (it validates a deeply frozen one)', async () => {
    for (const { payload } of eventFixtures()) {
      const validate = await loadValidator(payload.hook_event_name as string);
      expect(validate(deepFreeze(structuredClone(payload)))).toBeUndefined();
    }
  });

  it('ignores own __proto__ and constructor keys', async () => {
    const payload = JSON.parse(
      '{"__proto__":{"tool_name":1},"constructor":{"name":5},"session_id":"s","transcript_path":"t","cwd":"/",' +
        '"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls","constructor":1,"__proto__":[]},"tool_use_id":"u"}',
    ) as Record<string, unknown>;
    expect((await loadValidator('PreToolUse'))(payload)).toBeUndefined();
    expect(parsePayload(payload)).toEqual({ ok: true, event: 'PreToolUse', payload });
  });

  it('rejects a payload of another event with both names, cut when long', async () => {
    const validate = await loadValidator('PreToolUse');
    const stop = fixture('Stop');
    const long = { ...stop, hook_event_name: 'X'.repeat(100) };
    expect(validate(stop)).toBe('hook_event_name: expected "PreToolUse", got "Stop"');
    expect(validate(long)).toBe(`hook_event_name: expected "PreToolUse", got "${'X'.repeat(40)}…"`);
    // parsePayload picks the schema by name, so ask zod directly with the PreToolUse schema.
    expect(firstError(eventSchemas.PreToolUse, stop, [])).toBe(validate(stop));
    expect(firstError(eventSchemas.PreToolUse, long, [])).toBe(validate(long));
  });

  it('reports values JSON cannot hold in the same words as zod', async () => {
    const validate = await loadValidator('MessageDisplay');
    for (const index of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const payload = { ...fixture('MessageDisplay'), index };
      expect(validate(payload)).toBe('index: expected number, got number');
      expect(parsePayload(payload)).toEqual({ ok: false, error: 'index: expected number, got number' });
    }
  });

  it('is plain code: no eval, no Function, no imports', () => {
    for (const event of ['PreToolUse', 'SessionStart', 'NotAnEvent']) {
      const source = validatorSource(event);
      expect(source).not.toMatch(/\beval\b|\bFunction\b|\bimport\b|\brequire\b/);
      expect(source).toMatch(/^export function validate\(payload\) \{$/m);
    }
  });
});
