// A fail-closed hook that crashes must still block (issue 10 §4: "any crash of a guard must end in
// a block"). A crash the process survives (a stack overflow is a thrown RangeError) gets the
// failure policy: exit 2 and the event's deny. Running out of memory kills the process before it
// can answer (V8 aborts: no JSON, signal SIGABRT); then only the command `hookpack install` writes
// can block, through its `|| exit 2` suffix (cli/settings/hook-command.ts), run here by sh exactly so.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAIL_CLOSED_SUFFIX } from '../../../cli/settings/hook-command.ts';
import { decisionOf, spawnHook } from '../../../lib/testing.ts';

const BUNDLE = fileURLToPath(new URL('../../.dist/bash-behaviour.cjs', import.meta.url));
const payload = (command: string) => ({
  session_id: 's',
  transcript_path: '/tmp/t.jsonl',
  cwd: '/tmp',
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command },
  tool_use_id: 't',
});

describe('a crashing fail-closed hook', () => {
  it('blocks after a stack overflow: exit 2 and a deny naming it', async () => {
    const run = await spawnHook(BUNDLE, payload('stack-overflow'));
    expect(run.exitCode).toBe(2);
    expect(decisionOf(run.json, run)).toBe('fail-closed');
    expect(run.json).toMatchObject({
      hookSpecificOutput: {
        permissionDecision: 'deny',
        permissionDecisionReason: expect.stringContaining('Maximum call stack size exceeded'),
      },
    });
  });

  it('out of memory, answers nothing itself, and the installed command turns that into exit 2', () => {
    const input = JSON.stringify(payload('out-of-memory'));
    const bare = spawnSync(process.execPath, ['--max-old-space-size=32', BUNDLE], {
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bare.stdout).toBe('');
    expect(bare.status === 2).toBe(false); // killed, not an answer: without the suffix this would not block
    const installed = spawnSync(
      'sh',
      ['-c', `"$0" --max-old-space-size=32 "$1"${FAIL_CLOSED_SUFFIX}`, process.execPath, BUNDLE],
      { input, encoding: 'utf8', timeout: 60_000 },
    );
    expect(installed.stdout).toBe('');
    expect(installed.status).toBe(2);
  }, 60_000);
});
