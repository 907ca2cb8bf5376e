// The payload profile and test feed a hook: its event's fixture, adapted so its matcher selects it.
import { describe, expect, it } from 'vitest';
import { fixturePayload } from '../../cli/profile/payload.ts';

describe('fixturePayload', () => {
  it('keeps the fixture as it is without a matcher', () => {
    expect(fixturePayload('PreToolUse')).toMatchObject({ payload: { tool_name: 'Bash' } });
    expect(fixturePayload('PreToolUse')?.adapted).toBeUndefined();
  });

  it("swaps in the first named tool with that tool's sample input", () => {
    const chosen = fixturePayload('PreToolUse', 'Write|Edit');
    expect(chosen?.adapted).toBe('tool Write');
    expect(chosen?.payload).toMatchObject({
      hook_event_name: 'PreToolUse',
      tool_name: 'Write',
      tool_input: { file_path: '/home/user/project/src/greeting.ts' },
    });
  });

  it('gives PostToolUse a tool_response that fits the new tool', () => {
    expect(fixturePayload('PostToolUse', 'Edit')?.payload.tool_response).toEqual({
      filePath: '/home/user/project/src/greeting.ts',
      success: true,
    });
  });

  it('picks the first known tool a regex matcher selects', () => {
    expect(fixturePayload('PreToolUse', '^(Read|Grep)$')?.adapted).toBe('tool Read');
    expect(fixturePayload('PreToolUse', 'mcp__.*')?.unmatched).toBe(true);
  });

  it('names unknown tools with an empty input', () => {
    expect(fixturePayload('PreToolUse', 'mcp__github__create_issue')?.payload).toMatchObject({
      tool_name: 'mcp__github__create_issue',
      tool_input: {},
    });
  });

  it('sets the matched field on other events', () => {
    expect(fixturePayload('SessionStart', 'resume')?.payload.source).toBe('resume');
    expect(fixturePayload('FileChanged', '.envrc|package.json')?.payload.file_path).toBe('/home/user/project/.envrc');
  });

  it('ignores a matcher on an event without matcher support, and knows no unknown event', () => {
    expect(fixturePayload('Stop', 'x')?.adapted).toBeUndefined();
    expect(fixturePayload('NoSuchEvent')).toBeUndefined();
  });

  it('hands out a copy each time', () => {
    const first = fixturePayload('PreToolUse');
    (first?.payload.tool_input as Record<string, unknown>).command = 'changed';
    expect((fixturePayload('PreToolUse')!.payload.tool_input as Record<string, unknown>).command).not.toBe('changed');
  });
});
