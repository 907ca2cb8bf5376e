// The adopted runner reads each real python3/sh hook the way Claude Code does (exit 2 blocks with
// stderr, exit 0 JSON or text, other exits don't block) and adds what Claude Code doesn't give
// them: a timeout that ends the whole process group, an output cap, a result that never waits on a
// grandchild holding the pipe, and guards that never fail open.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, tempDir } from '../../cli/_helpers.ts';
import { adoptedProject, hook, payloads, runEvent, telemetry, writeTable } from './_adopted.ts';

const { dir, cleanup } = tempDir('adopted-protocol');
afterAll(cleanup);
let project: string;
beforeAll(async () => {
  project = await adoptedProject(dir, []);
}, 60_000);

const last = (name: string) =>
  telemetry(project)
    .filter((line) => line.hook === name)
    .at(-1);
const pidOf = (file: string) => Number(readFileSync(file, 'utf8').trim());
/** The processes of a group that still run (a zombie our container's PID 1 never reaps does not count). */
const liveMembers = (group: number) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[2]) === group && fields[0] !== 'Z';
      } catch {
        return false;
      }
    });

/** Waits (up to 10 s) for `done`: a SIGKILLed process takes a moment to be gone on a loaded machine. */
function waitFor(done: () => boolean): void {
  const end = Date.now() + 10_000;
  while (!done() && Date.now() < end) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
}

describe('an adopted hook answers as Claude Code would read it', () => {
  it('a guard exiting 2 blocks the call with its stderr', () => {
    writeTable(project, [hook('guard', 'PreToolUse', 'guard.py', { matcher: 'Bash' })]);
    const run = runEvent(project, 'PreToolUse', payloads.bash('rm -rf build'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('guard.py: rm -rf is not allowed here');
    expect(last('guard')).toMatchObject({ event: 'PreToolUse', exit: 2, decision: 'block' });
  });

  it('the same guard lets a harmless call through with nothing on stdout', () => {
    const run = runEvent(project, 'PreToolUse', payloads.bash('ls'));
    expect(run).toMatchObject({ status: 0, stdout: '' });
  });

  it('its matcher is applied: a Read call does not run a Bash hook', () => {
    const run = runEvent(project, 'PreToolUse', {
      ...payloads.bash('rm -rf x'),
      tool_name: 'Read',
      tool_input: { file_path: '/x' },
    });
    expect(run).toMatchObject({ status: 0, stdout: '' });
  });

  it('a JSON deny is passed on, merged with a blocking exit 2 of another hook', () => {
    writeTable(project, [hook('guard', 'PreToolUse', 'guard.py'), hook('deny', 'PreToolUse', 'deny.sh')]);
    const alone = runEvent(project, 'PreToolUse', payloads.bash('ls'));
    expect(alone.status).toBe(0);
    expect(alone.json?.hookSpecificOutput).toEqual({
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
      permissionDecisionReason: 'deny.sh: not on a Friday',
    });
    const both = runEvent(project, 'PreToolUse', payloads.bash('rm -rf x'));
    expect(both.status).toBe(2);
    expect(both.json?.hookSpecificOutput?.permissionDecision).toBe('deny');
  });

  it('plain text on UserPromptSubmit is context; on PreToolUse it goes nowhere, as in Claude Code', () => {
    writeTable(project, [hook('notes', 'UserPromptSubmit', 'notes.py'), hook('notes-pre', 'PreToolUse', 'notes.py')]);
    expect(runEvent(project, 'UserPromptSubmit', payloads.prompt('plan?')).json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'UserPromptSubmit',
        additionalContext: 'notes: the scratch folder holds plan.md',
      },
    });
    expect(runEvent(project, 'PreToolUse', payloads.bash('ls'))).toMatchObject({ status: 0, stdout: '' });
  });

  it('a hook reading stdin until EOF gets the payload and then EOF', () => {
    writeTable(project, [hook('eof', 'UserPromptSubmit', 'eof.py')]);
    const payload = payloads.prompt('hello');
    const run = runEvent(project, 'UserPromptSubmit', payload);
    expect(run.json?.hookSpecificOutput?.additionalContext).toBe(
      `read ${JSON.stringify(payload).length + 1} bytes then EOF`,
    );
  });

  it("1 MB of context arrives cut to 10,000 characters with hookpack's marker", () => {
    writeTable(project, [hook('big', 'UserPromptSubmit', 'big.py')]);
    const context = runEvent(project, 'UserPromptSubmit', payloads.prompt('x')).json?.hookSpecificOutput
      ?.additionalContext as string;
    expect(context.length).toBeLessThanOrEqual(10_000);
    expect(context).toMatch(/^x+\n\[… truncated by hookpack: \d+ of 1000000 characters cut/);
  });

  it('a JSON answer naming another event is ignored, with a notice', () => {
    writeTable(project, [hook('deny', 'UserPromptSubmit', 'deny.sh')]);
    const run = runEvent(project, 'UserPromptSubmit', payloads.prompt('x'));
    expect(run.json).toEqual({
      systemMessage: expect.stringContaining(
        'deny: its JSON answer names hookEventName "PreToolUse", not UserPromptSubmit',
      ),
    });
  });
});

describe('a hook that fails', () => {
  it.each([
    {
      what: 'crashes (a Python traceback, exit 1)',
      hooks: [hook('crash', 'PreToolUse', 'crash.py')],
      code: 'E_ADOPTED_EXIT',
      says: 'crash exited 1: Traceback',
    },
    {
      what: 'cannot start (exit 127)',
      hooks: [hook('gone', 'PreToolUse', 'gone.py', { command: 'python3 "$CLAUDE_PROJECT_DIR"/missing.py; exit 127' })],
      code: 'E_ADOPTED_START',
      says: 'gone could not start (exit 127)',
    },
    {
      what: 'times out',
      hooks: [hook('slow', 'PreToolUse', 'slow.sh', { timeout: 1 })],
      code: 'E_ADOPTED_TIMEOUT',
      says: 'slow timed out after 1 s',
    },
  ])('that $what does not block, and the user gets a notice', ({ hooks, code, says }) => {
    writeTable(project, hooks);
    const run = runEvent(project, 'PreToolUse', payloads.bash('ls'));
    expect(run.status).toBe(0);
    expect(run.json?.systemMessage).toContain(says);
    expect(last(hooks[0]?.name ?? '')).toMatchObject({ decision: 'fail-open', error: code });
  });

  it.each([
    { what: 'crashes', hooks: [hook('crash', 'PreToolUse', 'crash.py', { guard: true })], code: 'E_ADOPTED_EXIT' },
    {
      what: 'cannot start',
      hooks: [hook('gone', 'PreToolUse', 'gone.py', { command: '/nonexistent/guard', guard: true })],
      code: 'E_ADOPTED_START',
    },
    {
      what: 'times out',
      hooks: [hook('slow', 'PreToolUse', 'slow.sh', { timeout: 1, guard: true })],
      code: 'E_ADOPTED_TIMEOUT',
    },
  ])('marked as a guard, that $what blocks with a reason', ({ hooks, code }) => {
    writeTable(project, hooks);
    const run = runEvent(project, 'PreToolUse', payloads.bash('ls'), { guard: true });
    expect(run.status).toBe(2);
    expect(run.json?.hookSpecificOutput?.permissionDecision).toBe('deny');
    expect(run.json?.hookSpecificOutput?.permissionDecisionReason).toContain(`failed closed (${code}`);
  });

  it('a slow hook is stopped with its whole process group: nothing of it is left running', () => {
    const pidFile = join(dir, 'slow.pid');
    writeTable(project, [
      hook('slow', 'PreToolUse', 'slow.sh', {
        timeout: 1,
        command: `echo $$ > ${pidFile}; exec sh "$CLAUDE_PROJECT_DIR"/.claude/hooks/slow.sh`,
      }),
    ]);
    runEvent(project, 'PreToolUse', payloads.bash('ls'));
    waitFor(() => liveMembers(pidOf(pidFile)).length === 0);
    expect(liveMembers(pidOf(pidFile))).toEqual([]);
  });

  it('a budget passed on as HOOKPACK_DEADLINE_MS (a late fallback of the warm client) ends a guard still running there: it blocks in time', () => {
    writeTable(project, [hook('slow', 'PreToolUse', 'slow.sh', { guard: true, timeout: 30 })]);
    const run = runEvent(project, 'PreToolUse', payloads.bash('ls'), {
      guard: true,
      env: { HOOKPACK_DEADLINE_MS: '500' },
    });
    expect(run.status).toBe(2);
    expect(run.json?.hookSpecificOutput?.permissionDecisionReason).toContain('failed closed');
    // Well inside its own 30 s timeout: the entry answered at the budget it was given.
    expect(last('slow')?.ms).toBeLessThan(15_000);
  });

  it('a grandchild holding stdout and ignoring SIGTERM neither holds the answer nor outlives the event', () => {
    const pidFile = join(dir, 'grandchild.pid');
    writeTable(project, [hook('fork', 'UserPromptSubmit', 'fork.sh', { timeout: 20 })]);
    const run = runEvent(project, 'UserPromptSubmit', payloads.prompt('x'), { env: { PID_FILE: pidFile } });
    expect(run.json?.hookSpecificOutput?.additionalContext).toBe('forked and exited');
    expect(last('fork')).toMatchObject({ exit: 0, decision: 'context' });
    waitFor(() => !alive(pidOf(pidFile)));
    expect(alive(pidOf(pidFile))).toBe(false);
  });

  it.each([
    { what: 'an entry whose event the table lists no hook for', event: 'Stop', hook: undefined },
    { what: 'an entry of its own naming a hook the table lacks', event: 'PreToolUse', hook: 'renamed' },
  ])(
    'a table that does not match its settings entry (stale, or a merge that lost rows) fails the entry, so a guard entry blocks: $what',
    ({ event, hook: only }) => {
      writeTable(project, [hook('guard', 'PreToolUse', 'guard.py', { guard: true })]);
      const run = runEvent(
        project,
        event,
        { ...payloads.bash('rm -rf /'), hook_event_name: event },
        { guard: true, ...(only ? { hook: only } : {}) },
      );
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^hookpack adopt: .*adopted\.settings\.json lists no .* run `hookpack adopt` again/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  it('a hand-edited table with a matcher that does not compile: one line and a block, no stack trace', () => {
    writeTable(project, [hook('guard', 'PreToolUse', 'guard.py', { guard: true, matcher: 'Bash(' })]);
    const run = runEvent(project, 'PreToolUse', payloads.bash('ls'), { guard: true });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^hookpack adopt: Invalid regular expression/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a payload of another event fails each hook by its own policy: the guard blocks', () => {
    writeTable(project, [
      hook('guard', 'PreToolUse', 'guard.py', { guard: true }),
      hook('deny', 'PreToolUse', 'deny.sh'),
    ]);
    const run = runEvent(project, 'PreToolUse', payloads.prompt('x'), { guard: true });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('hookpack guard failed closed (E_PAYLOAD_EVENT');
  });
});
