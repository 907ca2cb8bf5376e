import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addContext, allow, defineHook } from '../../../lib/index.ts';
import {
  activeHooks,
  type BundledHook,
  evaluateHooks,
  outcomeOf,
  passThrough,
  runLines,
} from '../../../lib/runtime/lifecycle-steps.ts';
import type { Evaluation } from '../../../lib/runtime/outcome.ts';

// The steps a bundle's process, the warm daemon and the Agent SDK adapter all run: in-process,
// with no stdin, stdout or exit, and with the world and environment the caller hands them.

const payload = {
  hook_event_name: 'PreToolUse',
  session_id: 's',
  transcript_path: '/t',
  cwd: '/payload',
  tool_name: 'Bash',
  tool_input: { command: 'ls' },
};
// A state directory nobody creates: no toggle file is ever found there.
const env = (vars: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  HOOKPACK_HOME: join('/nonexistent', 'hookpack-steps-test'),
  ...vars,
});
const guard: BundledHook = {
  name: 'guard',
  hook: defineHook({ event: 'PreToolUse', onError: 'block', run: () => allow() }),
};
const helper: BundledHook = {
  name: 'helper',
  hook: defineHook({ event: 'PreToolUse', onError: 'allow', run: () => allow() }),
};

describe('activeHooks: which hooks a switch leaves on', () => {
  it.each([
    { skip: 'helper', hooks: [guard, helper], dropped: false, on: ['guard'] },
    { skip: 'guard', hooks: [guard, helper], dropped: false, on: ['helper'] },
    // The project set HOOKPACK_SKIP: a guard ignores it, a fail-open hook does not.
    { skip: 'guard,helper', hooks: [guard, helper], dropped: true, on: ['guard'] },
    { skip: 'helper', hooks: [helper], dropped: true, on: [] },
  ])('HOOKPACK_SKIP=$skip, project-set: $dropped → $on', ({ skip, hooks, dropped, on }) => {
    const vars = env({ HOOKPACK_SKIP: skip });
    const active = activeHooks('PreToolUse', hooks, vars, (e) => {
      if (dropped) delete e.HOOKPACK_SKIP;
    });
    expect(active.map(({ name }) => name)).toEqual(on);
  });

  it('asks to drop project-set switches only when the hooks hold a guard', () => {
    const asked: string[] = [];
    activeHooks('PreToolUse', [helper], env({}), () => asked.push('helper only'));
    activeHooks('PreToolUse', [helper, guard], env({}), () => asked.push('with a guard'));
    expect(asked).toEqual(['with a guard']);
  });
});

describe('evaluateHooks: the hooks on one checked payload', () => {
  it('answers synchronous handlers synchronously, settling each in declared order', () => {
    const settled: string[] = [];
    const result = evaluateHooks([guard, helper], payload, {
      deadline: () => Date.now() + 5000,
      debug: false,
      settle: (e) => {
        settled.push(e.name);
        return { ...e, ms: 7 };
      },
    });
    expect(result).not.toBeInstanceOf(Promise);
    expect((result as Evaluation[]).map(({ name, ms }) => [name, ms])).toEqual([
      ['guard', 7],
      ['helper', 7],
    ]);
    expect(settled).toEqual(['guard', 'helper']);
  });

  it("gives a handler the caller's world and each hook its own deadline", async () => {
    const seeing: BundledHook = {
      name: 'seeing',
      hook: defineHook({
        event: 'PreToolUse',
        timeout: 7,
        run: async (_input, ctx) => addContext(`${ctx.cwd} ${ctx.env.WHO} ${ctx.deadline}`),
      }),
    };
    const world = { cwd: () => '/session', env: { WHO: 'caller' }, home: () => '/home/caller' };
    const result = evaluateHooks([seeing], payload, {
      deadline: ({ hook }) => 1_000_000_000_000 + hook.timeout,
      debug: false,
      world,
    });
    expect(result).toBeInstanceOf(Promise);
    const [only] = await result;
    expect(JSON.stringify(only?.outcome.json)).toContain('/session caller 1000000000007');
  });
});

describe('outcomeOf and runLines: the one answer and its telemetry', () => {
  const failedOpen: Evaluation = {
    name: 'helper',
    outcome: { exitCode: 1, stderr: 'hookpack helper failed open' },
    decision: 'fail-open',
    ms: 3,
  };

  it("never leaves a guard's command with exit 1: the failure line becomes a systemMessage", () => {
    expect(outcomeOf(passThrough, 'PreToolUse', payload, [failedOpen], false).exitCode).toBe(1);
    expect(outcomeOf(passThrough, 'PreToolUse', payload, [failedOpen], true)).toEqual({
      exitCode: 0,
      stderr: 'hookpack helper failed open',
      json: { systemMessage: 'hookpack helper failed open' },
    });
  });

  it("records each hook's own exit, or the one its run ended with, and the caller's fields", () => {
    const denied: Evaluation = { name: 'guard', outcome: { exitCode: 0, json: {} }, decision: 'deny', ms: 2 };
    expect(runLines('PreToolUse', [denied, failedOpen]).map((l) => l.exit)).toEqual([0, 1]);
    expect(runLines('PreToolUse', [failedOpen], 0, { transport: 'warm' })).toEqual([
      {
        hook: 'helper',
        event: 'PreToolUse',
        exit: 0,
        decision: 'fail-open',
        error: undefined,
        ms: 3,
        transport: 'warm',
      },
    ]);
  });
});
