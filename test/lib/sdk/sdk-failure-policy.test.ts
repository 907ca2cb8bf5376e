import { describe, expect, it } from 'vitest';
import { addContext, block, deny } from '../../../lib/answers.ts';
import { defineHook } from '../../../lib/define.ts';
import { toAgentSdkHooks } from '../../../lib/sdk/index.ts';
import { callEvent, payload } from './_sdk.ts';

const hso = (output: { hookSpecificOutput?: unknown }) =>
  output.hookSpecificOutput as Record<string, unknown> | undefined;

describe('a hook that fails as an Agent SDK callback', () => {
  it('denies the tool call when it is a guard that throws, and says why', async () => {
    const guard = defineHook({
      event: 'PreToolUse',
      run: () => {
        throw new Error('rules file unreadable');
      },
    });
    const output = await callEvent(toAgentSdkHooks([{ name: 'guard', hook: guard }]), payload('PreToolUse'));
    expect(hso(output)).toMatchObject({ permissionDecision: 'deny' });
    expect(hso(output)?.permissionDecisionReason).toMatch(
      /^hookpack guard failed closed \(E_HANDLER_THREW: rules file unreadable\)/,
    );
  });

  it('denies a PermissionRequest when it is a guard that rejects', async () => {
    const guard = defineHook({
      event: 'PermissionRequest',
      run: async () => {
        throw new Error('boom');
      },
    });
    const output = await callEvent(toAgentSdkHooks([guard]), payload('PermissionRequest'));
    expect(hso(output)?.decision).toMatchObject({ behavior: 'deny' });
  });

  it('denies when a guard misses its deadline', async () => {
    const guard = defineHook({ event: 'PreToolUse', run: () => new Promise<undefined>(() => {}) });
    const output = await callEvent(
      toAgentSdkHooks([guard], { env: { ...process.env, HOOKPACK_DEADLINE_MS: '50' } }),
      payload('PreToolUse'),
    );
    expect(hso(output)).toMatchObject({ permissionDecision: 'deny' });
    expect(hso(output)?.permissionDecisionReason).toMatch(/E_HANDLER_TIMEOUT/);
  });

  it('lets the call go ahead with a notice when it fails open', async () => {
    const advisor = defineHook({
      event: 'PostToolUse',
      run: () => {
        throw new Error('no network');
      },
    });
    const output = await callEvent(toAgentSdkHooks([{ name: 'advisor', hook: advisor }]), payload('PostToolUse'));
    expect(output).toEqual({
      systemMessage: expect.stringMatching(/^hookpack advisor failed open \(E_HANDLER_THREW: no network\)/),
    });
  });

  it('blocks a TaskCompleted when it fails closed there, where a bundle has only exit 2', async () => {
    const gate = defineHook({
      event: 'TaskCompleted',
      onError: 'block',
      run: () => {
        throw new Error('cannot read the report');
      },
    });
    const output = await callEvent(toAgentSdkHooks([gate]), payload('TaskCompleted'));
    expect(output).toMatchObject({
      decision: 'block',
      reason: expect.stringMatching(/failed closed \(E_HANDLER_THREW: cannot read the report\)/),
    });
  });

  it('fails a Stop guard open once Claude is already continuing because of a stop hook', async () => {
    const gate = defineHook({
      event: 'Stop',
      onError: 'block',
      run: () => {
        throw new Error('flaky');
      },
    });
    const hooks = toAgentSdkHooks([gate]);
    expect(await callEvent(hooks, payload('Stop', { stop_hook_active: false }))).toMatchObject({ decision: 'block' });
    expect(await callEvent(hooks, payload('Stop', { stop_hook_active: true }))).not.toHaveProperty('decision');
  });
});

describe('a payload the event schema rejects', () => {
  const guard = defineHook({ event: 'PreToolUse', run: () => undefined });
  const advisor = defineHook({ event: 'PreToolUse', onError: 'allow', run: () => addContext('never runs') });

  it('is denied by a guard, naming the field', async () => {
    const output = await callEvent(
      toAgentSdkHooks([{ name: 'guard', hook: guard }]),
      payload('PreToolUse', { tool_input: { command: 42 } }),
    );
    expect(hso(output)?.permissionDecisionReason).toMatch(
      /E_PAYLOAD_SCHEMA: the PreToolUse payload does not match its schema: tool_input\.command: expected string, got number/,
    );
  });

  it('of another event is refused like a bundle wired under the wrong event', async () => {
    const hooks = toAgentSdkHooks([guard]);
    const callback = hooks.PreToolUse?.[0]?.hooks[0];
    const output = await callback?.(payload('PostToolUse'), undefined, { signal: new AbortController().signal });
    expect(hso(output ?? {})?.permissionDecisionReason).toMatch(/E_PAYLOAD_EVENT/);
  });

  it('never runs a fail-open hook, which lets the call through', async () => {
    const output = await callEvent(toAgentSdkHooks([advisor]), payload('PreToolUse', { session_id: 7 }));
    expect(output).toEqual({ systemMessage: expect.stringMatching(/failed open \(E_PAYLOAD_SCHEMA/) });
  });
});

describe('the matcher the client gets', () => {
  it('asks the client to block when the callback itself fails, on an event with a guard', () => {
    const hooks = toAgentSdkHooks([
      defineHook({ event: 'PreToolUse', run: () => deny('x') }),
      defineHook({ event: 'PostToolUse', run: () => block('y') }),
    ]);
    expect(hooks.PreToolUse?.[0]?.onFailure).toBe('block');
    expect(hooks.PostToolUse?.[0]).not.toHaveProperty('onFailure');
  });
});
