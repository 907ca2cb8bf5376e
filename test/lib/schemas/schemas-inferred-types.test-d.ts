import { describe, expectTypeOf, it } from 'vitest';
import type { GenericPayload, HookPayloads, ToolInputs, ToolResponses } from '../../../lib/schemas/index.ts';

// Type assertions only: vitest runs this file through its typecheck (vitest.config.ts typecheck.include),
// so each assertion is a test that fails when the inferred type changes.
describe('inferred payload types', () => {
  it('pin hook_event_name to the event', () => {
    expectTypeOf<HookPayloads['PreToolUse']['hook_event_name']>().toEqualTypeOf<'PreToolUse'>();
    expectTypeOf<HookPayloads['SessionEnd']['hook_event_name']>().toEqualTypeOf<'SessionEnd'>();
  });

  it('type required and optional fields precisely', () => {
    expectTypeOf<HookPayloads['PreToolUse']['tool_use_id']>().toEqualTypeOf<string>();
    expectTypeOf<HookPayloads['PreToolUse']['tool_input']>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<HookPayloads['PostToolUse']['duration_ms']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<HookPayloads['PreCompact']['custom_instructions']>().toEqualTypeOf<string | null>();
    expectTypeOf<HookPayloads['SubagentStart']['agent_id']>().toEqualTypeOf<string>();
    expectTypeOf<HookPayloads['Stop']['agent_id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<HookPayloads['Stop']['stop_hook_active']>().toEqualTypeOf<boolean>();
  });

  it('offer known enum values while accepting any string', () => {
    type Source = HookPayloads['SessionStart']['source'];
    expectTypeOf<'startup'>().toExtend<Source>();
    expectTypeOf<'a value from next month'>().toExtend<Source>();
    expectTypeOf<Source>().toExtend<string>();
    expectTypeOf<'plan'>().toExtend<NonNullable<GenericPayload['permission_mode']>>();
  });

  it('type tool inputs and responses', () => {
    expectTypeOf<ToolInputs['Bash']['command']>().toEqualTypeOf<string>();
    expectTypeOf<ToolInputs['MultiEdit']['edits'][number]['replace_all']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ToolInputs['Grep']['-i']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ToolInputs['Task']>().toEqualTypeOf<ToolInputs['Agent']>();
    expectTypeOf<ToolResponses['Bash']['stdout']>().toEqualTypeOf<string>();
  });
});
