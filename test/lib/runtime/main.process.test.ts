import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnHook } from '../../../lib/testing.ts';

const dist = (name: string) => fileURLToPath(new URL(`../../.dist/${name}.cjs`, import.meta.url));
const fixture = (event: string) =>
  JSON.parse(readFileSync(new URL(`../../../cli/payloads/${event}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const prompt = (text: string) => ({ ...fixture('UserPromptSubmit'), prompt: text });
const bash = (command: string) => ({
  ...fixture('PreToolUse'),
  tool_name: 'Bash',
  tool_input: { command, description: 'x' },
});
const env = { HOOKPACK_DEADLINE_MS: '1500' };

describe('the runner, driving a built hook as a process', () => {
  it('prints a PreToolUse deny as exactly one JSON object and exits 0', async () => {
    const run = await spawnHook(dist('bash-behaviour'), bash('deny'));
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"use the safe variant instead"}}\n',
    );
    expect(run.stderr).toBe('');
  });

  it('prints nothing when the handler has no opinion', async () => {
    const run = await spawnHook(dist('bash-behaviour'), bash('ls'));
    expect([run.exitCode, run.stdout, run.stderr]).toEqual([0, '', '']);
  });

  it('passes an updatedInput rewrite through whole', async () => {
    const run = await spawnHook(dist('bash-behaviour'), bash('rewrite'));
    expect(run.json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        permissionDecisionReason: 'rewritten',
        updatedInput: { command: 'echo safe', description: 'x' },
      },
    });
  });

  it('stays silent for a tool its matcher does not name, even when wired under a broader matcher', async () => {
    const run = await spawnHook(dist('bash-behaviour'), {
      ...fixture('PreToolUse'),
      tool_name: 'Write',
      tool_input: { file_path: '/p/a', content: '' },
    });
    expect([run.exitCode, run.stdout, run.stderr]).toEqual([0, '', '']);
  });

  it('fails closed with exit 2 and one stderr line when a guard handler throws', async () => {
    const run = await spawnHook(dist('bash-behaviour'), bash('throw'));
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      /^hookpack bash-behaviour failed closed \(E_HANDLER_THREW: cannot read property x of undefined\)[^\n]*\n$/,
    );
    expect(run.json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: run.stderr.trimEnd(),
      },
    });
  });

  it('prints the stack trace only under HOOKPACK_DEBUG=1', async () => {
    const quiet = await spawnHook(dist('bash-behaviour'), bash('throw'));
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const loud = await spawnHook(dist('bash-behaviour'), bash('throw'), { env: { HOOKPACK_DEBUG: '1' } });
    expect(loud.exitCode).toBe(2);
    expect(loud.stderr).toMatch(/TypeError: cannot read property x of undefined\n\s+at /);
  });

  it('fails closed within its deadline when a guard handler hangs', async () => {
    const run = await spawnHook(dist('bash-behaviour'), bash('hang'), { env });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/E_HANDLER_TIMEOUT/);
  });

  it('fails open with exit 1 and nothing on stdout when a prompt hook throws', async () => {
    const run = await spawnHook(dist('prompt-behaviour'), prompt('throw now'));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "hookpack prompt-behaviour failed open (E_HANDLER_THREW: boom now); the hook's answer was skipped\n",
    );
  });

  it.each(['hang', 'abortable'])('fails open within its deadline when a prompt hook does %s', async (verb) => {
    const run = await spawnHook(dist('prompt-behaviour'), prompt(verb), { env });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/E_HANDLER_TIMEOUT/);
  });

  it('refuses an answer that is not an answer, through the failure policy', async () => {
    const invalid = await spawnHook(dist('prompt-behaviour'), prompt('invalid'));
    expect([invalid.exitCode, invalid.stdout]).toEqual([1, '']);
    expect(invalid.stderr).toMatch(/E_ANSWER_INVALID: the handler returned number/);
    const wrong = await spawnHook(dist('prompt-behaviour'), prompt('wrong-kind'));
    expect(wrong.stderr).toMatch(/a UserPromptSubmit hook cannot answer 'deny'/);
  });

  it('moves console.log output to stderr so stdout stays one JSON object', async () => {
    const run = await spawnHook(dist('prompt-behaviour'), prompt('log'));
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      '{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"clean"}}\n',
    );
    expect(run.stderr).toMatch(/noise on stdout/);
    expect(run.stderr).not.toMatch(/a debug line/);
  });

  it('writes ctx.debug lines only under HOOKPACK_DEBUG', async () => {
    const run = await spawnHook(dist('prompt-behaviour'), prompt('log'), { env: { HOOKPACK_DEBUG: '1' } });
    expect(run.stderr).toMatch(/^hookpack prompt-behaviour: a debug line$/m);
  });

  it('truncates context over 10,000 characters with a visible marker', async () => {
    const run = await spawnHook(dist('prompt-behaviour'), prompt('context 25000'));
    const context = (run.json!.hookSpecificOutput as { additionalContext: string }).additionalContext;
    expect(context.length).toBeLessThanOrEqual(10_000);
    expect(context).toMatch(/\[… truncated by hookpack: \d+ of 25000 characters/);
  });

  it('passes context of exactly 10,000 characters untouched', async () => {
    const run = await spawnHook(dist('prompt-behaviour'), prompt('context 10000'));
    expect((run.json!.hookSpecificOutput as { additionalContext: string }).additionalContext).toBe('x'.repeat(10_000));
  });

  it('renders block, halt, notice and a session title for a prompt hook', async () => {
    expect((await spawnHook(dist('prompt-behaviour'), prompt('block secrets'))).json).toEqual({
      decision: 'block',
      reason: 'secrets',
    });
    expect((await spawnHook(dist('prompt-behaviour'), prompt('halt enough'))).json).toEqual({
      continue: false,
      stopReason: 'enough',
      systemMessage: 'stopped by test',
    });
    expect((await spawnHook(dist('prompt-behaviour'), prompt('notice hi'))).json).toEqual({ systemMessage: 'hi' });
    expect((await spawnHook(dist('prompt-behaviour'), prompt('title T'))).json).toEqual({
      hookSpecificOutput: { hookEventName: 'UserPromptSubmit', additionalContext: 'ctx', sessionTitle: 'T' },
    });
  });

  it('answers a PermissionRequest with a decision object', async () => {
    const run = await spawnHook(dist('permission-behaviour'), {
      ...fixture('PermissionRequest'),
      tool_name: 'Bash',
      tool_input: { command: 'ls' },
    });
    expect(run.json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'deny', message: 'no shell today', interrupt: true },
      },
    });
  });

  it('fails a PermissionRequest guard closed with a JSON deny, since Claude Code ignores exit 2 there', async () => {
    const run = await spawnHook(dist('permission-behaviour'), {
      ...fixture('PermissionRequest'),
      tool_name: 'Bash',
      tool_input: { command: 'throw' },
    });
    expect(run.exitCode).toBe(2);
    expect(run.json).toMatchObject({ hookSpecificOutput: { decision: { behavior: 'deny' } } });
    expect(run.stderr).toMatch(/failed closed \(E_HANDLER_THREW: broken\)/);
  });
});

describe('the runner against handlers that misbehave', () => {
  it('sends process.stdout.write and console.dir output to stderr, keeping stdout one JSON object', async () => {
    const run = await spawnHook(dist('prompt-behaviour'), prompt('stdout'));
    expect(run.stdout).toBe(
      '{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"clean"}}\n',
    );
    expect(run.stderr).toMatch(/raw write/);
    expect(run.stderr).toMatch(/raw: 'dir'/);
  });

  it('applies the failure policy when a handler calls process.exit itself', async () => {
    const run = await spawnHook(dist('prompt-behaviour'), prompt('exit'));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/failed open \(E_HANDLER_EXIT: the handler called process.exit\(0\) before answering/);
  });

  it('fails a hook whose module throws while loading by its own policy, with one line and no stack trace', async () => {
    const run = await spawnHook(dist('load-failure'), fixture('PostToolUseFailure'), {
      env: { HOOKPACK_TEST_LOAD_FAILURE: '1' },
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^hookpack load-failure failed closed \(E_STARTUP: the hook failed while loading: /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
