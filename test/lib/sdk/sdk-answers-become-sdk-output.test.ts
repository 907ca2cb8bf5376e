import { describe, expect, it } from 'vitest';
import { addContext, allow, ask, block, defer, deny, halt, notice, retry } from '../../../lib/answers.ts';
import { defineHook } from '../../../lib/define.ts';
import { renderAnswer } from '../../../lib/runtime/render.ts';
import { toAgentSdkHooks } from '../../../lib/sdk/index.ts';
import { callEvent, payload } from './_sdk.ts';

// Every answer a hook can give, on an event that accepts it: the callback answers with the JSON
// the bundle prints (the client reads both with the same code), except where a bundle speaks by exit code.
const sameAsBundle: [string, unknown][] = [
  ['PreToolUse', deny('use trash instead')],
  ['PreToolUse', allow({ reason: 'safe', updatedInput: { command: 'ls -la' } })],
  ['PreToolUse', ask('really?')],
  ['PreToolUse', defer()],
  ['PreToolUse', addContext('the repo uses pnpm')],
  [
    'PermissionRequest',
    allow({
      updatedPermissions: [
        {
          type: 'addRules',
          rules: [{ toolName: 'Bash', ruleContent: 'ls:*' }],
          behavior: 'allow',
          destination: 'session',
        },
      ],
    }),
  ],
  ['PermissionRequest', deny('not here', { interrupt: true })],
  ['PermissionDenied', retry()],
  ['PostToolUse', block('the tests fail now')],
  ['PostToolUse', addContext('lint is clean')],
  ['UserPromptSubmit', addContext('today is Sunday', { sessionTitle: 'Release' })],
  ['UserPromptSubmit', block('no secrets in prompts')],
  ['Stop', block('run the tests first')],
  ['SessionStart', addContext('branch main')],
  ['TaskCreated', block('one task at a time')],
  ['PreCompact', halt('stop here')],
  ['Notification', notice('heads up')],
];

function hookAnswering(event: string, answer: unknown) {
  return defineHook({ event, run: () => answer as never });
}

describe('an answer given through the Agent SDK', () => {
  it.each(sameAsBundle)('on %s is the JSON the bundle prints (%j)', async (event, answer) => {
    const output = await callEvent(toAgentSdkHooks([hookAnswering(event, answer)]), payload(event));
    expect(output).toEqual(renderAnswer(event, answer).json);
  });

  it('of nothing is an empty answer', async () => {
    expect(await callEvent(toAgentSdkHooks([hookAnswering('PreToolUse', undefined)]), payload('PreToolUse'))).toEqual(
      {},
    );
  });

  it.each(['TaskCompleted', 'TeammateIdle'])(
    'blocking %s, where a bundle exits 2, is a JSON block with the reason',
    async (event) => {
      const output = await callEvent(
        toAgentSdkHooks([hookAnswering(event, block('tests still fail'))]),
        payload(event),
      );
      expect(output).toEqual({ decision: 'block', reason: 'tests still fail' });
    },
  );

  it('that the event does not accept fails by the hook policy, as in a bundle', async () => {
    const output = await callEvent(
      toAgentSdkHooks([{ name: 'bad', hook: hookAnswering('PreToolUse', retry()) }]),
      payload('PreToolUse'),
    );
    expect(output.hookSpecificOutput).toMatchObject({ hookEventName: 'PreToolUse', permissionDecision: 'deny' });
    expect((output.hookSpecificOutput as { permissionDecisionReason: string }).permissionDecisionReason).toMatch(
      /hookpack bad failed closed \(E_ANSWER_INVALID: a PreToolUse hook cannot answer 'retry'/,
    );
  });
});
