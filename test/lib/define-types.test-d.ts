// defineHook's types: vitest runs this file through its typecheck (vitest.config.ts typecheck.include);
// nothing here runs, each assertion fails the suite when the types change.
import { describe, expectTypeOf, it } from 'vitest';
import { defineHook, deny } from '../../lib/index.ts';
import type { InputFor } from '../../lib/define.ts';

describe('defineHook types', () => {
  it('narrows tool_input by the tool its matcher names', () => {
    defineHook({
      event: 'PreToolUse',
      matcher: 'Bash',
      run(input) {
        expectTypeOf(input.tool_name).toEqualTypeOf<'Bash'>();
        expectTypeOf(input.tool_input.command).toEqualTypeOf<string>();
        return deny('x');
      },
    });
    expectTypeOf<InputFor<'PreToolUse', 'Edit|Write'>['tool_name']>().toEqualTypeOf<'Edit' | 'Write'>();
    expectTypeOf<InputFor<'PreToolUse', 'mcp__.*'>['tool_name']>().toEqualTypeOf<string>();
    expectTypeOf<InputFor<'UserPromptSubmit', undefined>['prompt']>().toEqualTypeOf<string>();
  });

  it('restricts answers to the ones the event accepts', () => {
    defineHook({
      event: 'SessionStart',
      // @ts-expect-error SessionStart cannot deny
      run: () => deny('x'),
    });
  });
});
