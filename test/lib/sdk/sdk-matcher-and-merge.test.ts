import { describe, expect, it } from 'vitest';
import { addContext, allow, deny } from '../../../lib/answers.ts';
import { defineHook } from '../../../lib/define.ts';
import { toAgentSdkHooks } from '../../../lib/sdk/index.ts';
import { callEvent, payload } from './_sdk.ts';

const bash = (command: string) => payload('PreToolUse', { tool_name: 'Bash', tool_input: { command } });

describe('hooks of one event as an Agent SDK callback', () => {
  it('register one matcher per event, matching what any of their matchers matches, with the longest timeout', () => {
    const hooks = toAgentSdkHooks([
      defineHook({ event: 'PreToolUse', matcher: 'Bash', timeout: 5, run: () => undefined }),
      defineHook({ event: 'PreToolUse', matcher: 'Edit|Write', timeout: 20, run: () => undefined }),
      defineHook({ event: 'SessionStart', run: () => undefined }),
    ]);
    expect(Object.keys(hooks).sort()).toEqual(['PreToolUse', 'SessionStart']);
    expect(hooks.PreToolUse).toHaveLength(1);
    expect(hooks.PreToolUse?.[0]).toMatchObject({ matcher: 'Bash|Edit|Write', timeout: 20 });
    expect(hooks.SessionStart?.[0]).not.toHaveProperty('matcher');
  });

  it('run only the hooks whose own matcher selects the payload', async () => {
    const ran: string[] = [];
    const hooks = toAgentSdkHooks([
      {
        name: 'on-bash',
        hook: defineHook({ event: 'PreToolUse', matcher: 'Bash', run: () => void ran.push('on-bash') }),
      },
      {
        name: 'on-edit',
        hook: defineHook({ event: 'PreToolUse', matcher: 'Edit', run: () => void ran.push('on-edit') }),
      },
    ]);
    await callEvent(hooks, bash('ls'));
    expect(ran).toEqual(['on-bash']);
  });

  it('answer nothing when no hook selects the payload', async () => {
    const hooks = toAgentSdkHooks([defineHook({ event: 'PreToolUse', matcher: 'Edit', run: () => deny('never') })]);
    expect(await callEvent(hooks, bash('ls'))).toEqual({});
  });

  it('merge two answers by Claude Code rules: the deny wins, both contexts arrive, labelled', async () => {
    const hooks = toAgentSdkHooks([
      {
        name: 'a-allow',
        hook: defineHook({ event: 'PreToolUse', run: () => allow({ reason: 'fine', additionalContext: 'from a' }) }),
      },
      {
        name: 'b-deny',
        hook: defineHook({ event: 'PreToolUse', run: () => deny('not that', { additionalContext: 'from b' }) }),
      },
    ]);
    const output = await callEvent(hooks, bash('rm -rf build'));
    expect(output).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: 'not that',
        additionalContext: '[a-allow] from a\n\n[b-deny] from b',
      },
    });
  });

  it('apply two input rewrites in declared order (order, then name), both kept', async () => {
    const hooks = toAgentSdkHooks([
      {
        name: 'second',
        hook: defineHook({
          event: 'PreToolUse',
          order: 2,
          run: (input) => allow({ updatedInput: { ...(input.tool_input as object), timeout: 1000 } }),
        }),
      },
      {
        name: 'first',
        hook: defineHook({
          event: 'PreToolUse',
          order: 1,
          run: (input) => allow({ updatedInput: { ...(input.tool_input as object), command: 'ls -la' } }),
        }),
      },
    ]);
    const output = await callEvent(hooks, bash('ls'));
    expect((output.hookSpecificOutput as { updatedInput: unknown }).updatedInput).toEqual({
      command: 'ls -la',
      timeout: 1000,
    });
  });

  it('merge a failing guard with a context hook into a deny that keeps the context', async () => {
    const hooks = toAgentSdkHooks([
      { name: 'ctx', hook: defineHook({ event: 'PreToolUse', run: () => addContext('note') }) },
      {
        name: 'guard',
        hook: defineHook({
          event: 'PreToolUse',
          run: () => {
            throw new Error('broken');
          },
        }),
      },
    ]);
    const output = await callEvent(hooks, bash('ls'));
    expect(output.hookSpecificOutput).toMatchObject({ permissionDecision: 'deny', additionalContext: 'note' });
  });

  it('refuse two hooks of the same name and entries that are not hooks, with a one-line reason', () => {
    const hook = defineHook({ event: 'Stop', run: () => undefined });
    expect(() =>
      toAgentSdkHooks([
        { name: 'x', hook },
        { name: 'x', hook },
      ]),
    ).toThrow(/two hooks are named 'x'/);
    expect(() => toAgentSdkHooks([{ run: () => undefined } as never])).toThrow(
      /entry 1 is neither a defineHook\(\) result nor \{ name, hook \}/,
    );
  });
});
