// The runner with the real client: the pinned version runs, offline, in its throwaway HOME and
// project, with hooks from the settings it was given, and is stopped at its hard timeout.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './_harness.ts';
import { offLoopback, toolResults } from './harness/inspect.ts';
import { type ClaudeRun, claudeBin, removeRun, runClaude } from './harness/run-claude.ts';

const runs: ClaudeRun[] = [];
afterAll(() => runs.forEach(removeRun));

// A PreToolUse hook that denies any Bash command mentioning "forbidden", with a reason.
const DENY_HOOK = `let input = '';
process.stdin.on('data', (c) => (input += c)).on('end', () => {
  const command = JSON.parse(input).tool_input.command;
  if (command.includes('forbidden')) process.stdout.write(JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: 'e2e-deny: ' + command } }));
});
`;

const groupAlive = (pid: number | undefined): boolean => {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the real client under the runner', () => {
  it('is the version test/e2e/client/package.json pins', () => {
    const pinned = (
      JSON.parse(readFileSync(join(ROOT, 'test', 'e2e', 'client', 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
      }
    ).devDependencies['@anthropic-ai/claude-code'];
    const home = mkdtempSync(join(tmpdir(), 'hookpack-claude-version-'));
    try {
      const version = execFileSync(claudeBin(), ['--version'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: home, DISABLE_AUTOUPDATER: '1' },
      });
      expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
      expect(version.split(' ')[0]).toBe(pinned);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('runs a session offline, with the hooks of its settings, in a throwaway HOME and project', async () => {
    const run = await runClaude({
      files: { 'deny.cjs': DENY_HOOK },
      settings: {
        hooks: {
          PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: '"@NODE@" "@PROJECT@/deny.cjs"' }] }],
        },
      },
      script: {
        turns: [
          { tool: 'Bash', input: { command: 'echo forbidden > ./forbidden.txt', description: 'x' } },
          { tool: 'Bash', input: { command: 'echo fine > ./fine.txt', description: 'x' } },
          { text: 'done' },
        ],
      },
    });
    runs.push(run);
    expect({ exitCode: run.exitCode, timedOut: run.timedOut }).toEqual({ exitCode: 0, timedOut: false });
    expect(toolResults(run.requests).map(({ is_error, text }) => ({ is_error, text }))).toEqual([
      { is_error: true, text: 'PreToolUse:Bash hook error: e2e-deny: echo forbidden > ./forbidden.txt' },
      { is_error: false, text: expect.any(String) },
    ]);
    expect([
      existsSync(join(run.paths.project, 'forbidden.txt')),
      existsSync(join(run.paths.project, 'fine.txt')),
    ]).toEqual([false, true]);
    expect(offLoopback(run.requests)).toEqual([]);
    expect(run.events.some((e) => e.type === 'result')).toBe(true);
    // The client wrote its config into the run's HOME, not the real one.
    expect(existsSync(join(run.paths.home, '.claude.json')) || existsSync(join(run.paths.home, '.claude'))).toBe(true);
  });

  it('is killed with its process group at the hard timeout', async () => {
    const run = await runClaude({ script: { turns: [{ text: 'too late', delay_ms: 120_000 }] }, timeoutS: 3 });
    runs.push(run);
    expect(run.timedOut).toBe(true);
    expect(run.exitCode).not.toBe(0);
    expect(groupAlive(run.pid)).toBe(false);
  });
});
