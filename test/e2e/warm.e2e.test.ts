// The warm path inside the real client: `hookpack install --warm` wires the native client, and the
// guards still deny with the daemon hot, killed mid-session, frozen (SIGSTOP) and never started.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, exists, ROOT, runScenario, type ScenarioRun } from './_harness.ts';

const runs: ScenarioRun[] = [];
const pids: number[] = [];
afterAll(() => {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  runs.forEach(cleanup);
});

const sudo = (n: number) => ({
  tool: 'Bash',
  input: { command: `touch ./s-sudo-${n} && sudo -n true`, description: 'e2e' },
});
const harmless = (n: number) => ({ tool: 'Bash', input: { command: `touch ./s-ok-${n}`, description: 'e2e' } });

/** The warm client's command for on-PreToolUse.cjs, called once by hand until the daemon it starts answers. */
function startDaemon(project: string, stateDir: string): number {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const dist = join(project, '.claude', 'hooks', 'dist');
  const input = JSON.stringify({
    session_id: 'warm-up',
    transcript_path: '/tmp/t.jsonl',
    cwd: project,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'true' },
    permission_mode: 'default',
    tool_use_id: 't',
  });
  const env = {
    PATH: process.env.PATH,
    HOME: join(stateDir, '..', 'home'),
    HOOKPACK_HOME: stateDir,
    CLAUDE_PROJECT_DIR: project,
  };
  for (let i = 0; i < 100; i++) {
    spawnSync(join(dist, 'warm', 'hookpack-warm'), ['10', join(dist, 'on-PreToolUse.cjs')], { input, env });
    const status = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'daemon', 'status', '--json'], {
      env,
      encoding: 'utf8',
    });
    const parsed = JSON.parse(status.stdout || '{}') as { running?: boolean; answered?: number; pid?: number };
    if (parsed.running && Number(parsed.answered) > 0 && parsed.pid) {
      pids.push(parsed.pid);
      return parsed.pid;
    }
    spawnSync('sleep', ['0.1']);
  }
  throw new Error('the warm daemon never answered');
}

const warmLines = (run: ScenarioRun) => run.telemetry.filter((line) => line.transport === 'warm');

describe('bash-guard on the warm path, inside Claude Code', () => {
  it('is wired as the warm client in the local settings', async () => {
    const run = await runScenario({
      layout: 'per-event',
      warm: true,
      hooks: ['bash-guard', 'file-guard'],
      setup: ({ project, stateDir }) => void startDaemon(project, stateDir),
      script: { turns: [sudo(1), harmless(1), sudo(2), { text: 'done' }] },
    });
    runs.push(run);
    const command = JSON.stringify(run.settings);
    expect(command).toContain('/.claude/hooks/dist/warm/hookpack-warm');
    expect(exists(run, 's-sudo-1')).toBe(false);
    expect(exists(run, 's-sudo-2')).toBe(false);
    expect(exists(run, 's-ok-1')).toBe(true);
    expect(run.results[0]?.text).toMatch(/^PreToolUse:Bash hook error: bash-guard blocked `/);
    expect(run.hookEventText).not.toContain('Hook JSON output validation failed');
    // Every call of the session was answered by the daemon.
    expect(warmLines(run).filter((l) => l.decision === 'deny')).toHaveLength(2);
  });

  it.each([
    ['killed mid-session', 'KILL'],
    ['frozen mid-session (SIGSTOP)', 'STOP'],
  ])('still denies with the daemon %s', async (_, signal) => {
    let pid = 0;
    const run = await runScenario({
      layout: 'per-event',
      warm: true,
      hooks: ['bash-guard', 'file-guard'],
      setup: ({ project, stateDir }) => {
        pid = startDaemon(project, stateDir);
      },
      script: () => ({
        turns: [
          sudo(1),
          { tool: 'Bash', input: { command: `kill -${signal} ${pid}; touch ./s-signalled`, description: 'e2e' } },
          sudo(2),
          harmless(2),
          sudo(3),
          { text: 'done' },
        ],
      }),
    });
    runs.push(run);
    expect(run.timedOut).toBe(false);
    expect(exists(run, 's-signalled')).toBe(true);
    for (const n of [1, 2, 3]) expect(exists(run, `s-sudo-${n}`)).toBe(false);
    expect(exists(run, 's-ok-2')).toBe(true);
    expect(run.results[2]?.text).toMatch(/^PreToolUse:Bash hook error: bash-guard blocked `/);
    expect(run.hookEventText).not.toMatch(/"timed_out":true|hook_cancelled/);
  });

  it('still denies when the daemon can never start', async () => {
    const run = await runScenario({
      layout: 'per-event',
      warm: true,
      hooks: ['bash-guard', 'file-guard'],
      // A file where the daemon's directory goes: the client refuses it and runs the bundle every time.
      setup: ({ stateDir }) => {
        mkdirSync(stateDir, { recursive: true, mode: 0o700 });
        writeFileSync(join(stateDir, 'daemon'), '');
      },
      script: { turns: [sudo(1), harmless(1), sudo(2), { text: 'done' }] },
    });
    runs.push(run);
    expect(exists(run, 's-sudo-1')).toBe(false);
    expect(exists(run, 's-sudo-2')).toBe(false);
    expect(exists(run, 's-ok-1')).toBe(true);
    expect(warmLines(run)).toEqual([]);
    expect(run.telemetry.filter((l) => l.decision === 'deny')).toHaveLength(2);
  });
});
