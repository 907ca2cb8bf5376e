import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../lib/runtime/outcome.ts';
import { joinWithinBudget, mergeEvaluations, pipelineUpdatedInput } from '../../../lib/runtime/merge.ts';

const pre = (
  name: string,
  fields: Record<string, unknown>,
  extra: Partial<Evaluation['outcome']> = {},
): Evaluation => ({
  name,
  outcome: { exitCode: 0, json: { hookSpecificOutput: { hookEventName: 'PreToolUse', ...fields } }, ...extra },
  decision: String(fields.permissionDecision ?? 'context'),
  ms: 1,
});
const silent = (name: string): Evaluation => ({ name, outcome: { exitCode: 0 }, decision: 'none', ms: 1 });
const payload = { tool_input: { command: 'ls', description: 'd' } };

describe('mergeEvaluations on PreToolUse', () => {
  it.each([
    [['allow', 'deny'], 'deny'],
    [['ask', 'allow'], 'ask'],
    [['defer', 'ask'], 'defer'],
    [['allow', 'defer', 'deny', 'ask'], 'deny'],
    [['allow'], 'allow'],
  ])('picks the most restrictive of %j: %s', (decisions, expected) => {
    const merged = mergeEvaluations(
      'PreToolUse',
      payload,
      decisions.map((d, i) => pre(`h${i}`, { permissionDecision: d, permissionDecisionReason: `r${i}` })),
    );
    expect((merged.json!.hookSpecificOutput as Record<string, unknown>).permissionDecision).toBe(expected);
  });

  it('joins the reasons of the hooks that decided, labelled by hook', () => {
    const merged = mergeEvaluations('PreToolUse', payload, [
      pre('a', { permissionDecision: 'deny', permissionDecisionReason: 'no A' }),
      pre('b', { permissionDecision: 'allow', permissionDecisionReason: 'fine' }),
      pre('c', { permissionDecision: 'deny', permissionDecisionReason: 'no C' }),
    ]);
    expect(merged.json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: '[a] no A\n[c] no C',
      },
    });
  });

  it('keeps a single reason unlabelled', () => {
    const merged = mergeEvaluations('PreToolUse', payload, [
      pre('a', { permissionDecision: 'deny', permissionDecisionReason: 'no' }),
      silent('b'),
    ]);
    expect((merged.json!.hookSpecificOutput as Record<string, unknown>).permissionDecisionReason).toBe('no');
  });

  it('applies rewrites as a pipeline in declared order, each reduced to what it changed', () => {
    const merged = mergeEvaluations('PreToolUse', payload, [
      pre('first', { permissionDecision: 'allow', updatedInput: { command: 'ls -la', description: 'd' } }),
      pre('second', { permissionDecision: 'allow', updatedInput: { command: 'ls', description: 'd', timeout: 5 } }),
    ]);
    expect((merged.json!.hookSpecificOutput as Record<string, unknown>).updatedInput).toEqual({
      command: 'ls -la',
      description: 'd',
      timeout: 5,
    });
  });

  it('drops rewrites when the merged decision is deny', () => {
    const merged = mergeEvaluations('PreToolUse', payload, [
      pre('a', { permissionDecision: 'allow', updatedInput: { command: 'rm' } }),
      pre('b', { permissionDecision: 'deny', permissionDecisionReason: 'no' }),
    ]);
    expect((merged.json!.hookSpecificOutput as Record<string, unknown>).updatedInput).toBeUndefined();
  });

  it('labels and joins additionalContext from every hook', () => {
    const merged = mergeEvaluations('PreToolUse', payload, [
      pre('a', { additionalContext: 'one' }),
      pre('b', { permissionDecision: 'allow', additionalContext: 'two' }),
    ]);
    expect(merged.json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        additionalContext: '[a] one\n\n[b] two',
      },
    });
  });

  it('prints nothing when no hook had an opinion', () => {
    expect(mergeEvaluations('PreToolUse', payload, [silent('a'), silent('b')])).toEqual({ exitCode: 0 });
  });

  it('exits 2 when any hook failed closed, and keeps its deny', () => {
    const failedClosed: Evaluation = {
      name: 'g',
      outcome: {
        exitCode: 2,
        stderr: 'hookpack g failed closed',
        json: {
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: 'deny',
            permissionDecisionReason: 'hookpack g failed closed',
          },
        },
      },
      decision: 'fail-closed',
      ms: 1,
    };
    const merged = mergeEvaluations('PreToolUse', payload, [pre('a', { permissionDecision: 'allow' }), failedClosed]);
    expect(merged.exitCode).toBe(2);
    expect(merged.stderr).toBe('hookpack g failed closed');
    expect((merged.json!.hookSpecificOutput as Record<string, unknown>).permissionDecision).toBe('deny');
  });

  it("exits 0 with the others' answer when a fail-open hook failed, keeping its line on stderr", () => {
    const failedOpen: Evaluation = {
      name: 'o',
      outcome: { exitCode: 1, stderr: 'hookpack o failed open' },
      decision: 'fail-open',
      ms: 1,
    };
    const merged = mergeEvaluations('PreToolUse', payload, [pre('a', { permissionDecision: 'ask' }), failedOpen]);
    expect([merged.exitCode, merged.stderr]).toEqual([0, 'hookpack o failed open']);
    expect(mergeEvaluations('PreToolUse', payload, [failedOpen]).exitCode).toBe(1);
  });
});

describe('mergeEvaluations on other events', () => {
  const json = (name: string, value: Record<string, unknown>): Evaluation => ({
    name,
    outcome: { exitCode: 0, json: value },
    decision: 'x',
    ms: 1,
  });

  it('lets any block win and joins the reasons', () => {
    const merged = mergeEvaluations('Stop', {}, [
      json('a', { decision: 'block', reason: 'tests fail' }),
      json('b', { hookSpecificOutput: { hookEventName: 'Stop', additionalContext: 'fyi' } }),
    ]);
    expect(merged.json).toEqual({
      decision: 'block',
      reason: 'tests fail',
      hookSpecificOutput: { hookEventName: 'Stop', additionalContext: 'fyi' },
    });
  });

  it('lets continue:false win over everything and joins stop reasons and system messages', () => {
    const merged = mergeEvaluations('PostToolUse', {}, [
      json('a', { continue: false, stopReason: 'enough' }),
      json('b', { decision: 'block', reason: 'x', systemMessage: 'warn b' }),
      json('c', { systemMessage: 'warn c' }),
    ]);
    expect(merged.json).toMatchObject({
      continue: false,
      stopReason: 'enough',
      decision: 'block',
      systemMessage: '[b] warn b\n[c] warn c',
    });
  });

  it('merges PermissionRequest: a deny wins, allows pipeline their rewrites and add up their permission rules', () => {
    const pr = (name: string, decision: Record<string, unknown>) =>
      json(name, { hookSpecificOutput: { hookEventName: 'PermissionRequest', decision } });
    const rule = (tool: string) => ({
      type: 'addRules',
      rules: [{ toolName: tool }],
      behavior: 'allow',
      destination: 'session',
    });
    expect(
      mergeEvaluations('PermissionRequest', payload, [
        pr('a', { behavior: 'allow' }),
        pr('b', { behavior: 'deny', message: 'no', interrupt: true }),
      ]).json,
    ).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'deny', message: 'no', interrupt: true },
      },
    });
    expect(
      mergeEvaluations('PermissionRequest', payload, [
        pr('a', { behavior: 'allow', updatedPermissions: [rule('Bash')] }),
        pr('b', { behavior: 'allow', updatedPermissions: [rule('Read')] }),
      ]).json,
    ).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'allow', updatedPermissions: [rule('Bash'), rule('Read')] },
      },
    });
  });
});

describe('joinWithinBudget', () => {
  it('fits 17 verbose hooks into 10,000 characters, each keeping a fair share and a marker', () => {
    const parts = Array.from({ length: 17 }, (_, i) => ({
      name: `hook${i}`,
      text: String.fromCharCode(97 + i).repeat(3000),
    }));
    const joined = joinWithinBudget(parts, '\n\n') as string;
    expect(joined.length).toBeLessThanOrEqual(10_000);
    for (let i = 0; i < 17; i++) expect(joined).toContain(`[hook${i}] ${String.fromCharCode(97 + i).repeat(100)}`);
    expect(joined.match(/truncated by hookpack/g)).toHaveLength(17);
  });

  it('lets short parts keep all their text when a long one is cut', () => {
    const joined = joinWithinBudget(
      [
        { name: 'short', text: 'keep me' },
        { name: 'long', text: 'z'.repeat(20_000) },
      ],
      '\n\n',
    ) as string;
    expect(joined).toContain('[short] keep me');
    expect(joined.length).toBeLessThanOrEqual(10_000);
  });
});

describe('pipelineUpdatedInput', () => {
  it('applies a removal as a change', () => {
    expect(pipelineUpdatedInput({ a: 1, b: 2 }, [{ a: 1 }])).toEqual({ a: 1 });
  });
  it('lets a later rewrite of the same key win', () => {
    expect(pipelineUpdatedInput({ a: 1 }, [{ a: 2 }, { a: 3 }])).toEqual({ a: 3 });
  });
});
