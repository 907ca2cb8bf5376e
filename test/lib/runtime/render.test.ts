import { describe, expect, it } from 'vitest';
import { addContext, allow, ask, block, defer, deny, halt, notice, retry } from '../../../lib/answers.ts';
import { renderAnswer } from '../../../lib/runtime/render.ts';
import { HookError } from '../../../lib/runtime/errors.ts';

describe('renderAnswer', () => {
  it('prints nothing and exits 0 when the handler returns nothing', () => {
    expect(renderAnswer('PreToolUse', undefined)).toEqual({ exitCode: 0 });
  });

  it.each([
    ['allow', allow({ reason: 'fine' }), { permissionDecision: 'allow', permissionDecisionReason: 'fine' }],
    ['deny', deny('use ./build'), { permissionDecision: 'deny', permissionDecisionReason: 'use ./build' }],
    ['ask', ask('sure?'), { permissionDecision: 'ask', permissionDecisionReason: 'sure?' }],
    ['defer', defer(), { permissionDecision: 'defer' }],
    [
      'allow with a rewrite',
      allow({ updatedInput: { command: 'ls' } }),
      { permissionDecision: 'allow', updatedInput: { command: 'ls' } },
    ],
    [
      'ask with a rewrite',
      ask(undefined, { updatedInput: { command: 'ls' } }),
      { permissionDecision: 'ask', updatedInput: { command: 'ls' } },
    ],
    [
      'deny with context',
      deny('no', { additionalContext: 'see docs' }),
      { permissionDecision: 'deny', permissionDecisionReason: 'no', additionalContext: 'see docs' },
    ],
    ['context alone', addContext('note'), { additionalContext: 'note' }],
  ])('renders a PreToolUse %s as hookSpecificOutput', (_name, answer, fields) => {
    expect(renderAnswer('PreToolUse', answer)).toEqual({
      exitCode: 0,
      json: { hookSpecificOutput: { hookEventName: 'PreToolUse', ...fields } },
    });
  });

  it('renders PermissionRequest allow and deny as a decision object', () => {
    expect(renderAnswer('PermissionRequest', allow({ updatedInput: { a: 1 } })).json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'allow', updatedInput: { a: 1 } },
      },
    });
    expect(renderAnswer('PermissionRequest', deny('nope', { interrupt: true })).json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'deny', message: 'nope', interrupt: true },
      },
    });
  });

  it.each([
    'PostToolUse',
    'UserPromptSubmit',
    'Stop',
    'SubagentStop',
    'PostToolBatch',
    'ConfigChange',
    'PreCompact',
    'TaskCreated',
  ])('renders a %s block as top-level decision and reason', (event) => {
    expect(renderAnswer(event, block('keep going')).json).toEqual({ decision: 'block', reason: 'keep going' });
  });

  it('renders a TaskCompleted block as exit 2 with the reason on stderr, as Claude Code expects there', () => {
    expect(renderAnswer('TaskCompleted', block('tests still fail'))).toEqual({
      exitCode: 2,
      stderr: 'tests still fail',
    });
  });

  it('keeps additionalContext next to a PostToolUse block', () => {
    expect(renderAnswer('PostToolUse', block('lint failed', { additionalContext: 'line 3' })).json).toEqual({
      decision: 'block',
      reason: 'lint failed',
      hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: 'line 3' },
    });
  });

  it('sets the session title only on events that support it', () => {
    expect(renderAnswer('SessionStart', addContext('c', { sessionTitle: 't' })).json).toEqual({
      hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: 'c', sessionTitle: 't' },
    });
    expect(renderAnswer('PostToolUse', addContext('c', { sessionTitle: 't' })).json).toEqual({
      hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: 'c' },
    });
  });

  it('renders halt as continue:false with a stop reason, on any event', () => {
    expect(renderAnswer('Notification', halt('done', { systemMessage: 'bye' })).json).toEqual({
      continue: false,
      stopReason: 'done',
      systemMessage: 'bye',
    });
  });

  it('renders a notice as systemMessage alone', () => {
    expect(renderAnswer('SessionEnd', notice('saved')).json).toEqual({ systemMessage: 'saved' });
  });

  it('renders PermissionDenied retry', () => {
    expect(renderAnswer('PermissionDenied', retry()).json).toEqual({
      hookSpecificOutput: { hookEventName: 'PermissionDenied', retry: true },
    });
  });

  it('truncates additionalContext and systemMessage over 10,000 characters with a marker', () => {
    const json = renderAnswer('UserPromptSubmit', addContext('a'.repeat(20_000), { systemMessage: 'b'.repeat(12_000) }))
      .json as {
      hookSpecificOutput: { additionalContext: string };
      systemMessage: string;
    };
    expect(json.hookSpecificOutput.additionalContext.length).toBeLessThanOrEqual(10_000);
    expect(json.hookSpecificOutput.additionalContext).toMatch(/truncated by hookpack/);
    expect(json.systemMessage.length).toBeLessThanOrEqual(10_000);
  });

  it.each([
    ['a number', 42],
    ['a string', 'deny'],
    ['an array', [deny('x')]],
    ['an object without kind', { permissionDecision: 'deny' }],
  ])('refuses %s with E_ANSWER_INVALID', (_name, value) => {
    expect(() => renderAnswer('PreToolUse', value)).toThrowError(expect.objectContaining({ code: 'E_ANSWER_INVALID' }));
  });

  it('refuses an answer the event does not accept and lists the ones it does', () => {
    expect(() => renderAnswer('SessionStart', deny('x'))).toThrowError(
      /a SessionStart hook cannot answer 'deny'; it may answer context, halt, notice/,
    );
  });

  it.each([
    ['Stop block without a reason', 'Stop', { kind: 'block' }],
    ['deny with an empty reason', 'PreToolUse', { kind: 'deny', reason: '  ' }],
    ['context that is not a string', 'SessionStart', { kind: 'context', additionalContext: 3 }],
    ['updatedInput that is an array', 'PreToolUse', { kind: 'allow', updatedInput: [] }],
  ])('refuses a %s', (_name, event, value) => {
    const error = (() => {
      try {
        renderAnswer(event, value);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(HookError);
    expect((error as HookError).code).toBe('E_ANSWER_INVALID');
  });
});
