// `hookpack adopt` on a project of Python and shell hooks, then the real client: the adopted guard
// still blocks, the context still arrives, a slow hook and one whose grandchild holds stdout cost
// at most their timeouts and leave no process behind, stats lists the adopted hooks, `hookpack
// disable <name>` between two sessions takes effect, and uninstall restores the file byte for byte.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, ROOT, runScenario, type ScenarioRun } from './_harness.ts';
import { GUARD_PY, NOTES_PY } from './_python-hooks.ts';
import { findText, toolResults } from './harness/inspect.ts';
import { type ClaudeRun, runClaude } from './harness/run-claude.ts';

const dir = mkdtempSync(join(tmpdir(), 'hookpack-e2e-adopt-'));
const project = join(dir, 'project');
const stateDir = join(dir, 'hookpack-home');
const home = join(dir, 'home');
const settingsPath = join(project, '.claude', 'settings.json');
afterAll(() => {
  if (process.env.E2E_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
});

const script = (name: string, text: string) => {
  mkdirSync(join(project, '.claude', 'hooks'), { recursive: true });
  writeFileSync(join(project, '.claude', 'hooks', name), `${text}\n`);
};
const py = (name: string) => `python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/${name}`;
const sh = (name: string) => `sh "$CLAUDE_PROJECT_DIR"/.claude/hooks/${name}`;

const ORIGINAL = `${JSON.stringify(
  {
    hooks: {
      PreToolUse: [
        { matcher: 'Bash', hooks: [{ type: 'command', command: py('guard.py'), timeout: 10 }] },
        { matcher: 'Bash', hooks: [{ type: 'command', command: sh('slow.sh'), timeout: 2 }] },
      ],
      PostToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: sh('fork.sh'), timeout: 5 }] }],
      UserPromptSubmit: [{ hooks: [{ type: 'command', command: py('notes.py') }] }],
    },
  },
  null,
  2,
)}\n`;

const hookpack = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), ...args], {
    cwd: project,
    env: { ...process.env, HOME: home, HOOKPACK_HOME: stateDir },
    encoding: 'utf8',
  });
const pids = (file: string) =>
  existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(Number) : [];
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
const telemetry = () =>
  readFileSync(join(stateDir, 'telemetry.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function session(): Promise<ClaudeRun> {
  return runClaude({
    out: dir,
    settingsFlag: true,
    settings: {},
    prompt: 'clean up the build',
    env: { HOOKPACK_HOME: stateDir, PID_DIR: dir },
    timeoutS: 90,
    script: {
      turns: [
        { tool: 'Bash', input: { command: 'rm -rf ./victim', description: 'x' } },
        { tool: 'Bash', input: { command: 'touch ./ok', description: 'x' } },
        { text: 'done' },
      ],
    },
  });
}

let first: ClaudeRun;
beforeAll(async () => {
  mkdirSync(join(project, 'victim'), { recursive: true });
  mkdirSync(join(project, '.git'), { recursive: true });
  script('guard.py', GUARD_PY);
  script('notes.py', NOTES_PY);
  script('slow.sh', ['cat >/dev/null', 'echo $$ >> "$PID_DIR"/slow.pids', 'sleep 30'].join('\n'));
  script(
    'fork.sh',
    ['cat >/dev/null', `sh -c 'trap "" TERM; echo $$ >> "$PID_DIR"/fork.pids; sleep 30' &`, 'sleep 0.2'].join('\n'),
  );
  writeFileSync(settingsPath, ORIGINAL);
  const adopted = hookpack('adopt', '--guard', 'guard');
  if (adopted.status !== 0) throw new Error(`hookpack adopt failed: ${adopted.stderr}`);
  first = await session();
}, 200_000);

describe('adopted hooks inside Claude Code', () => {
  it('the adopted Python guard still blocks rm -rf, and the next call runs', () => {
    expect(existsSync(join(project, 'victim'))).toBe(true);
    expect(existsSync(join(project, 'ok'))).toBe(true);
    const results = toolResults(first.requests);
    expect(results[0]).toMatchObject({ is_error: true });
    expect(results[0]?.text).toContain('guard.py: rm -rf is not allowed here');
  });

  it('the context of the adopted prompt hook reaches the model', () => {
    expect(
      findText(first.requests, 'UserPromptSubmit hook additional context: notes: the scratch folder holds plan.md')
        .length,
    ).toBeGreaterThan(0);
  });

  it('the slow hook was cut at its 2 s timeout and the stuck grandchild did not hold the event; nothing of either is left running', () => {
    const slow = telemetry().filter((l) => l.hook === 'slow');
    expect(slow.length).toBe(2);
    for (const line of slow) expect(line).toMatchObject({ error: 'E_ADOPTED_TIMEOUT', decision: 'fail-open' });
    // Far below the 30 s the scripts sleep: each hook cost its timeout, not its run.
    for (const line of slow) expect(line.ms as number).toBeLessThan(10_000);
    for (const line of telemetry().filter((l) => l.hook === 'fork')) expect(line.ms as number).toBeLessThan(10_000);
    const left = [...pids(join(dir, 'slow.pids')), ...pids(join(dir, 'fork.pids'))];
    expect(left.length).toBeGreaterThanOrEqual(3);
    expect(left.filter(alive)).toEqual([]);
  });

  it('hookpack stats lists every adopted hook with its runs', () => {
    const stats = hookpack('stats');
    expect(stats.status).toBe(0);
    for (const name of ['guard', 'slow', 'fork', 'notes']) expect(stats.stdout).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('hookpack disable notes between two sessions takes effect in the second; the guard still blocks', async () => {
    expect(hookpack('disable', 'notes').status).toBe(0);
    rmSync(join(project, 'ok'));
    const second = await session();
    expect(findText(second.requests, 'notes: the scratch folder holds plan.md')).toEqual([]);
    expect(existsSync(join(project, 'victim'))).toBe(true);
    expect(existsSync(join(project, 'ok'))).toBe(true);
  }, 120_000);

  it('hookpack uninstall gives the settings file back byte for byte', () => {
    expect(hookpack('uninstall').status).toBe(0);
    expect(readFileSync(settingsPath).equals(Buffer.from(ORIGINAL))).toBe(true);
  });
});

describe("adopted hooks and the project's own bundles in one process per event", () => {
  let run: ScenarioRun;
  afterAll(() => cleanup(run));

  it('bash-guard and an adopted Python guard both block from one adopt.cjs process; no on-PreToolUse.cjs is started', async () => {
    run = await runScenario({
      layout: 'per-event',
      countProcesses: true,
      setup: ({ project, stateDir }) => {
        mkdirSync(join(project, 'victim'), { recursive: true });
        mkdirSync(join(project, '.claude', 'hooks'), { recursive: true });
        writeFileSync(join(project, '.claude', 'hooks', 'guard.py'), GUARD_PY);
        const path = join(project, '.claude', 'settings.json');
        const settings = JSON.parse(readFileSync(path, 'utf8')) as { hooks: Record<string, unknown[]> };
        settings.hooks.PreToolUse = [
          ...(settings.hooks.PreToolUse ?? []),
          { matcher: 'Bash', hooks: [{ type: 'command', command: py('guard.py'), timeout: 10 }] },
        ];
        writeFileSync(path, `${JSON.stringify(settings, null, 2)}\n`);
        const adopted = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'adopt', '--guard', 'guard'], {
          cwd: project,
          env: { ...process.env, HOME: join(project, '..', 'home'), HOOKPACK_HOME: stateDir },
          encoding: 'utf8',
        });
        if (adopted.status !== 0) throw new Error(`hookpack adopt failed: ${adopted.stderr}`);
      },
      script: {
        turns: [
          { tool: 'Bash', input: { command: 'sudo -n true', description: 'x' } },
          { tool: 'Bash', input: { command: 'rm -rf ./victim', description: 'x' } },
          { tool: 'Bash', input: { command: 'touch ./ok', description: 'x' } },
          { text: 'done' },
        ],
      },
    });
    expect(run.results.map((r) => r.is_error)).toEqual([true, true, false]);
    expect(run.results[0]?.text).toContain('bash-guard blocked `sudo -n true`');
    expect(run.results[1]?.text).toContain('guard.py: rm -rf is not allowed here');
    expect(existsSync(join(run.project, 'victim'))).toBe(true);
    expect(existsSync(join(run.project, 'ok'))).toBe(true);
    expect(run.nodeStarts.filter((file) => file === 'adopt.cjs')).toHaveLength(3);
    expect(run.nodeStarts).not.toContain('on-PreToolUse.cjs');
    const pre = run.telemetry
      .filter((line) => line.event === 'PreToolUse')
      .map((line) => `${String(line.hook)}:${String(line.decision)}`);
    expect(pre).toEqual(expect.arrayContaining(['bash-guard:deny', 'guard:block', 'guard:none']));
  }, 120_000);
});
