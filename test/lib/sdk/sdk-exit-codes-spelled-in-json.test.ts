import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../lib/runtime/outcome.ts';
import { toSdkOutput } from '../../../lib/sdk/output.ts';

// What a bundle says by exit code alone, as a callback (JSON only) says it.
const cases: [string, string, Outcome, Record<string, unknown>][] = [
  [
    'JSON is passed through as it is',
    'PreToolUse',
    {
      exitCode: 2,
      stderr: 'r',
      json: {
        hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: 'r' },
      },
    },
    { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: 'r' } },
  ],
  [
    'exit 2 where it blocks becomes a JSON block',
    'TeammateIdle',
    { exitCode: 2, stderr: 'keep going' },
    { decision: 'block', reason: 'keep going' },
  ],
  [
    'exit 2 beside a non-blocking JSON adds the block, keeping the rest',
    'UserPromptExpansion',
    { exitCode: 2, stderr: 'no', json: { systemMessage: 'note' } },
    { decision: 'block', reason: 'no', systemMessage: 'note' },
  ],
  [
    'exit 2 where it does not block is shown to the user',
    'SessionStart',
    { exitCode: 2, stderr: 'could not check' },
    { systemMessage: 'could not check' },
  ],
  [
    'exit 1 without JSON (failing open) is shown to the user',
    'PostToolUse',
    { exitCode: 1, stderr: 'failed open' },
    { systemMessage: 'failed open' },
  ],
  ['nothing is nothing', 'Stop', { exitCode: 0 }, {}],
];

describe('an outcome as an Agent SDK callback answer', () => {
  it.each(cases)('%s (%s)', (_name, event, outcome, expected) => {
    expect(toSdkOutput(event, outcome)).toEqual(expected);
  });

  it('never changes the outcome it was given', () => {
    const outcome: Outcome = { exitCode: 2, stderr: 'x', json: { systemMessage: 'y' } };
    toSdkOutput('Stop', outcome);
    expect(outcome).toEqual({ exitCode: 2, stderr: 'x', json: { systemMessage: 'y' } });
  });
});
