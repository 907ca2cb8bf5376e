import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnHook } from '../../../lib/testing.ts';

const dist = (name: string) => fileURLToPath(new URL(`../../.dist/${name}.cjs`, import.meta.url));
const fixture = (event: string) =>
  JSON.parse(readFileSync(new URL(`../../../cli/payloads/${event}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const bash = (command: string) => ({
  ...fixture('PreToolUse'),
  tool_name: 'Bash',
  tool_input: { command, description: 'x' },
});
const hso = (json: Record<string, unknown> | undefined) =>
  json?.hookSpecificOutput as Record<string, unknown> | undefined;

let home: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hookpack-dispatch-'));
  env = { HOOKPACK_HOME: join(home, 'state'), HOOKPACK_DEADLINE_MS: '1500' };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('an event bundle (dist/on-<Event>.cjs)', () => {
  it('merges a deny from one hook with an allow from another: deny wins', async () => {
    const run = await spawnHook(dist('on-PreToolUse'), bash('deny'), { env });
    expect(run.exitCode).toBe(0);
    expect(run.json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: 'use the safe variant instead',
        additionalContext: 'second would allow',
      },
    });
  });

  it('gives the same decision as the hook alone when only one hook has an opinion', async () => {
    const alone = await spawnHook(dist('bash-behaviour'), bash('ask'), { env });
    const bundled = await spawnHook(dist('on-PreToolUse'), bash('ask'), { env });
    expect(hso(bundled.json)?.permissionDecision).toBe(hso(alone.json)?.permissionDecision);
    expect(hso(bundled.json)?.permissionDecisionReason).toBe('are you sure?');
  });

  it("applies each hook's matcher itself: a Write reaches only the hook that names Write", async () => {
    const run = await spawnHook(
      dist('on-PreToolUse'),
      { ...fixture('PreToolUse'), tool_name: 'Write', tool_input: { file_path: '/p/x', content: '' } },
      { env },
    );
    expect(run.json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        additionalContext: 'second saw a write',
      },
    });
  });

  it('applies rewrites in declared order (order: -1 runs first) and keeps the original keys', async () => {
    const run = await spawnHook(dist('on-PreToolUse'), bash('rewrite'), { env });
    expect(hso(run.json)?.updatedInput).toEqual({ command: 'echo safe', description: 'x', timeout: 1000 });
  });

  it("keeps a crashing fail-open hook from taking a guard's answer down", async () => {
    const run = await spawnHook(dist('on-PreToolUse'), bash('throw'), { env });
    // bash-behaviour fails closed on "throw", bash-second fails open: the guard's failure still blocks.
    expect(run.exitCode).toBe(2);
    expect(hso(run.json)?.permissionDecision).toBe('deny');
    expect(run.stderr).toMatch(/hookpack bash-behaviour failed closed/);
    expect(run.stderr).toMatch(/hookpack bash-second failed open \(E_HANDLER_THREW: second broke\)/);
  });

  it("keeps a hanging hook from taking the others' answers down: each has its own deadline", async () => {
    const run = await spawnHook(dist('on-PreToolUse'), bash('hang'), { env });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.match(/E_HANDLER_TIMEOUT/g)).toHaveLength(2);
  });

  it("lets one hook's deny win over another's ask", async () => {
    const run = await spawnHook(dist('on-PreToolUse'), bash('deny-second'), { env });
    expect(hso(run.json)).toMatchObject({ permissionDecision: 'deny', permissionDecisionReason: 'second denies' });
  });

  it('writes one telemetry line per hook it ran', async () => {
    await spawnHook(dist('on-PreToolUse'), bash('deny'), { env });
    const lines = readFileSync(join(home, 'state', 'telemetry.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.hook, l.decision])).toEqual([
      ['bash-second', 'allow'],
      ['bash-behaviour', 'deny'],
    ]);
  });

  it('honours skip switches per hook', async () => {
    const run = await spawnHook(dist('on-PreToolUse'), bash('deny'), {
      env: { ...env, HOOKPACK_SKIP: 'bash-behaviour' },
    });
    expect(run.json).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        additionalContext: 'second would allow',
      },
    });
  });

  it('fails every hook by its own policy on a bad payload: the guard blocks', async () => {
    const run = await spawnHook(dist('on-PreToolUse'), 'not json', { env });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
  });
});

describe('an event bundle and a stray error', () => {
  it("keeps the answers already given: a sibling's unhandled rejection fails only the hooks still pending", async () => {
    const run = await spawnHook(dist('on-PreToolUse'), bash('stray'), { env: { HOOKPACK_DEADLINE_MS: '1500' } });
    // A bundle holding a guard never exits 1 (its command ends in `|| exit 2`): the fail-open
    // failure reaches the user as a systemMessage and the call goes on.
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      systemMessage:
        "hookpack bash-second failed open (E_HANDLER_THREW: stray upload failed); the hook's answer was skipped",
    });
    expect(run.stderr).toMatch(/hookpack bash-second failed open \(E_HANDLER_THREW: stray upload failed\)/);
    expect(run.stderr).not.toMatch(/bash-behaviour failed/);
  });
});
