import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addContext, deny } from '../../../lib/answers.ts';
import { defineHook } from '../../../lib/define.ts';
import { toAgentSdkHooks } from '../../../lib/sdk/index.ts';
import { callEvent, payload } from './_sdk.ts';

describe('the AbortSignal the Agent SDK passes', () => {
  it('aborts the handler signal, and a guard still running then denies', async () => {
    let seen: AbortSignal | undefined;
    const guard = defineHook({
      event: 'PreToolUse',
      run: (_input, ctx) => {
        seen = ctx.signal;
        return new Promise<undefined>(() => {});
      },
    });
    const controller = new AbortController();
    const pending = callEvent(
      toAgentSdkHooks([{ name: 'slow', hook: guard }]),
      payload('PreToolUse'),
      controller.signal,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen?.aborted).toBe(false);
    controller.abort();
    const output = await pending;
    expect(seen?.aborted).toBe(true);
    expect(output.hookSpecificOutput).toMatchObject({
      permissionDecision: 'deny',
      permissionDecisionReason: expect.stringMatching(/failed closed \(E_HANDLER_ABORTED/),
    });
  });

  it('already aborted: the handler never runs, and a guard denies', async () => {
    let ran = false;
    const guard = defineHook({
      event: 'PreToolUse',
      run: () => {
        ran = true;
      },
    });
    const controller = new AbortController();
    controller.abort();
    const output = await callEvent(toAgentSdkHooks([guard]), payload('PreToolUse'), controller.signal);
    expect(ran).toBe(false);
    expect(output.hookSpecificOutput).toMatchObject({ permissionDecision: 'deny' });
  });
});

describe('two SDK sessions in one process', () => {
  it('each give their handlers their own cwd, env and home, even while running at the same time', async () => {
    const seen: string[] = [];
    const hook = defineHook({
      event: 'UserPromptSubmit',
      run: async (_input, ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(`${ctx.cwd} ${ctx.env.TEAM} ${ctx.home} ${ctx.env.CLAUDE_PROJECT_DIR}`);
        return addContext(`${ctx.env.TEAM}`);
      },
    });
    const one = toAgentSdkHooks([hook], {
      cwd: '/work/one',
      env: { TEAM: 'red', HOOKPACK_TELEMETRY: '0' },
      home: '/home/one',
    });
    const two = toAgentSdkHooks([hook], {
      cwd: '/work/two',
      env: { TEAM: 'blue', HOME: '/home/two', HOOKPACK_TELEMETRY: '0' },
    });
    const [a, b] = await Promise.all([
      callEvent(one, payload('UserPromptSubmit')),
      callEvent(two, payload('UserPromptSubmit')),
    ]);
    expect(a.hookSpecificOutput).toMatchObject({ additionalContext: 'red' });
    expect(b.hookSpecificOutput).toMatchObject({ additionalContext: 'blue' });
    expect(seen.sort()).toEqual(['/work/one red /home/one /work/one', '/work/two blue /home/two /work/two']);
  });

  it('read the project from the payload when no cwd is given, and never from process.cwd()', async () => {
    let cwd: string | undefined;
    const hooks = toAgentSdkHooks(
      [
        defineHook({
          event: 'PreToolUse',
          run: (_input, ctx) => {
            cwd = ctx.cwd;
          },
        }),
      ],
      { env: { HOOKPACK_TELEMETRY: '0' } },
    );
    await callEvent(hooks, payload('PreToolUse', { cwd: '/srv/project' }));
    expect(cwd).toBe('/srv/project');
  });

  it('do not see process.env changes made after the hooks were made', async () => {
    let value: string | undefined = 'unset';
    const hooks = toAgentSdkHooks([
      defineHook({
        event: 'PreToolUse',
        run: (_input, ctx) => {
          value = ctx.env.HOOKPACK_SDK_TEST_LATE;
        },
      }),
    ]);
    process.env.HOOKPACK_SDK_TEST_LATE = 'late';
    try {
      await callEvent(hooks, payload('PreToolUse'));
    } finally {
      delete process.env.HOOKPACK_SDK_TEST_LATE;
    }
    expect(value).toBeUndefined();
  });
});

describe('telemetry of an SDK callback', () => {
  let home: string | undefined;
  afterEach(() => home && rmSync(home, { recursive: true, force: true }));

  it('records one line per hook, marked as sdk, in the session HOOKPACK_HOME, for its project', async () => {
    home = mkdtempSync(join(tmpdir(), 'hookpack-sdk-telemetry-'));
    const hooks = toAgentSdkHooks(
      [
        { name: 'g1', hook: defineHook({ event: 'PreToolUse', run: () => deny('no') }) },
        { name: 'c2', hook: defineHook({ event: 'PreToolUse', onError: 'allow', run: () => addContext('x') }) },
      ],
      { cwd: '/work/proj', env: { HOOKPACK_HOME: home } },
    );
    await callEvent(hooks, payload('PreToolUse'));
    const lines = readFileSync(join(home, 'telemetry.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.hook, l.decision, l.transport, l.project, l.exit])).toEqual([
      ['c2', 'context', 'sdk', '/work/proj', 0],
      ['g1', 'deny', 'sdk', '/work/proj', 0],
    ]);
  });
});
