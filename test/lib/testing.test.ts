// lib/testing.ts helpers for users' own tests: runHookInProcess renders answers exactly as the
// runner does; decisionOf names what an answer means.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import bashBehaviour from '../hook-fixtures/bash-behaviour.ts';
import { addContext, defineHook, deny } from '../../lib/index.ts';
import { decisionOf, runHookInProcess, spawnHook } from '../../lib/testing.ts';

const fixture = (event: string) =>
  JSON.parse(readFileSync(new URL(`../../cli/payloads/${event}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const bash = (command: string) => ({ ...fixture('PreToolUse'), tool_input: { command, description: 'x' } });
const built = fileURLToPath(new URL('../.dist/bash-behaviour.cjs', import.meta.url));

describe('runHookInProcess', () => {
  it('renders a deny exactly as the built hook prints it', async () => {
    const inProcess = await runHookInProcess(bashBehaviour, bash('deny'), { name: 'bash-behaviour' });
    const spawned = await spawnHook(built, bash('deny'));
    expect(inProcess).toEqual({
      json: spawned.json,
      stdout: spawned.stdout,
      exitCode: 0,
      stderr: '',
      decision: 'deny',
    });
  });

  it('fails a throwing guard closed, with the same exit code, JSON and stderr as the runner', async () => {
    const inProcess = await runHookInProcess(bashBehaviour, bash('throw'), { name: 'bash-behaviour' });
    const spawned = await spawnHook(built, bash('throw'));
    expect(inProcess.decision).toBe('fail-closed');
    expect(inProcess.exitCode).toBe(2);
    expect(inProcess.stderr).toMatch(
      /^hookpack bash-behaviour failed closed \(E_HANDLER_THREW: cannot read property x of undefined\)/,
    );
    expect([inProcess.exitCode, inProcess.stdout, inProcess.stderr]).toEqual([
      spawned.exitCode,
      spawned.stdout,
      spawned.stderr,
    ]);
    expect(decisionOf(inProcess.json)).toBe('fail-closed');
  });

  it('fails a throwing non-guard open: exit 1, nothing on stdout', async () => {
    const hook = defineHook({
      event: 'UserPromptSubmit',
      run: () => {
        throw new Error('boom');
      },
    });
    const run = await runHookInProcess(hook, fixture('UserPromptSubmit'), { name: 'ctx' });
    expect(run).toEqual({
      json: undefined,
      stdout: '',
      exitCode: 1,
      stderr: "hookpack ctx failed open (E_HANDLER_THREW: boom); the hook's answer was skipped\n",
      decision: 'fail-open',
    });
  });

  it('awaits an async handler', async () => {
    const hook = defineHook({ event: 'SessionStart', run: async () => addContext('branch main') });
    const run = await runHookInProcess(hook, fixture('SessionStart'));
    expect(run.json).toEqual({
      hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: 'branch main' },
    });
    expect(run.decision).toBe('context');
  });

  it('fails closed when an async guard misses its deadline', async () => {
    const run = await runHookInProcess(bashBehaviour, bash('hang'), { env: { HOOKPACK_DEADLINE_MS: '200' } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('E_HANDLER_TIMEOUT');
  });

  it("applies the hook's matcher like the runner: an unselected tool gets no answer", async () => {
    const run = await runHookInProcess(bashBehaviour, {
      ...fixture('PreToolUse'),
      tool_name: 'Write',
      tool_input: { file_path: '/a', content: '' },
    });
    expect(run).toEqual({ json: undefined, stdout: '', exitCode: 0, stderr: '', decision: 'unmatched' });
  });

  it('sets env while the handler runs and restores it after', async () => {
    const hook = defineHook({ event: 'PreToolUse', run: () => deny(`HOME is ${process.env.HOME}`) });
    const before = process.env.HOME;
    const run = await runHookInProcess(hook, bash('ls'), { env: { HOME: '/tmp/someone' } });
    expect(run.json).toMatchObject({ hookSpecificOutput: { permissionDecisionReason: 'HOME is /tmp/someone' } });
    expect(process.env.HOME).toBe(before);
  });
});

describe('decisionOf', () => {
  const hso = (fields: Record<string, unknown>) => ({ hookSpecificOutput: { hookEventName: 'PreToolUse', ...fields } });
  it.each([
    [hso({ permissionDecision: 'deny', permissionDecisionReason: 'no' }), {}, 'deny'],
    [hso({ permissionDecision: 'allow' }), {}, 'allow'],
    [hso({ permissionDecision: 'ask' }), {}, 'ask'],
    [hso({ permissionDecision: 'defer' }), {}, 'defer'],
    [{ hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'allow' } } }, {}, 'allow'],
    [{ decision: 'block', reason: 'tests fail' }, {}, 'block'],
    [undefined, { exitCode: 2, stderr: 'blocked' }, 'block'],
    [{ continue: false, stopReason: 'done' }, {}, 'halt'],
    [hso({ additionalContext: 'note' }), {}, 'context'],
    [{ hookSpecificOutput: { hookEventName: 'PermissionDenied', retry: true } }, {}, 'retry'],
    [{ systemMessage: 'heads up' }, {}, 'notice'],
    [
      hso({ permissionDecision: 'deny', permissionDecisionReason: 'hookpack g failed closed (E_X: y); …' }),
      {},
      'fail-closed',
    ],
    [undefined, { exitCode: 2, stderr: 'hookpack g failed closed (E_X: y)' }, 'fail-closed'],
    [undefined, { exitCode: 1, stderr: 'hookpack g failed open (E_X: y)' }, 'fail-open'],
    [undefined, { exitCode: 127, stderr: 'sh: 1: x: not found' }, 'fail-open'],
    [undefined, { exitCode: 0 }, 'none'],
    [{}, {}, 'none'],
  ])('%j with %j is %s', (json, run, decision) => {
    expect(decisionOf(json as Record<string, unknown> | undefined, run)).toBe(decision);
  });
});
