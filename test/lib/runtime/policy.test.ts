import { describe, expect, it } from 'vitest';
import { HookError } from '../../../lib/runtime/errors.ts';
import { effectivePolicy, failureAnswer } from '../../../lib/runtime/policy.ts';

describe('failureAnswer', () => {
  it('fails closed with exit 2 and a one-line reason naming the hook and the error code', () => {
    const out = failureAnswer(
      { event: 'PreToolUse', onError: 'block' },
      'bash-guard',
      new HookError('E_PAYLOAD_JSON', 'stdin is not valid JSON\n(at 3)'),
    );
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(
      /^hookpack bash-guard failed closed \(E_PAYLOAD_JSON: stdin is not valid JSON \(at 3\)\)/,
    );
    expect(out.stderr).not.toMatch(/\n/);
  });

  it('adds a PreToolUse JSON deny with the same reason, so the model reads the reason and not the command line', () => {
    const out = failureAnswer({ event: 'PreToolUse', onError: 'block' }, 'g', new Error('boom'));
    expect(out.json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: out.stderr,
      },
    });
  });

  it('adds a JSON block on events that block by JSON, and nothing where they do not', () => {
    expect(failureAnswer({ event: 'Stop', onError: 'block' }, 'g', new Error('x')).json).toMatchObject({
      decision: 'block',
    });
    expect(failureAnswer({ event: 'TaskCompleted', onError: 'block' }, 'g', new Error('x')).json).toBeUndefined();
    expect(failureAnswer({ event: 'SessionEnd', onError: 'block' }, 'g', new Error('x')).json).toBeUndefined();
  });

  it('fails open with exit 1, nothing on stdout, one line on stderr', () => {
    const out = failureAnswer({ event: 'UserPromptSubmit', onError: 'allow' }, 'ctx', new Error('boom'));
    expect(out).toEqual({
      exitCode: 1,
      stderr: "hookpack ctx failed open (E_HANDLER_THREW: boom); the hook's answer was skipped",
    });
  });

  it('fails closed on PermissionRequest with a JSON deny, because Claude Code ignores exit 2 there', () => {
    const out = failureAnswer({ event: 'PermissionRequest', onError: 'block' }, 'perm', new Error('boom'));
    expect(out.exitCode).toBe(2);
    expect(out.json).toMatchObject({
      hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'deny' } },
    });
  });

  it('describes a thrown non-Error value', () => {
    expect(failureAnswer({ event: 'Stop', onError: 'allow' }, 'h', 'plain string').stderr).toMatch(
      /E_HANDLER_THREW: plain string/,
    );
  });
});

describe('effectivePolicy', () => {
  it('lets a fail-closed Stop hook fail open once Claude Code is already continuing because of a stop hook', () => {
    expect(effectivePolicy({ event: 'Stop', onError: 'block' }, { stop_hook_active: true }).onError).toBe('allow');
    expect(effectivePolicy({ event: 'SubagentStop', onError: 'block' }, { stop_hook_active: true }).onError).toBe(
      'allow',
    );
    expect(effectivePolicy({ event: 'Stop', onError: 'block' }, { stop_hook_active: false }).onError).toBe('block');
    expect(effectivePolicy({ event: 'PreToolUse', onError: 'block' }, { stop_hook_active: true }).onError).toBe(
      'block',
    );
  });
});
