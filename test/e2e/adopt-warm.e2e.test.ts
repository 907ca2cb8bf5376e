// `hookpack adopt --warm --scope local` on a project of Python hooks, then the real client: the
// adopted guard blocks and the context arrives whether the warm daemon answers (it does once it
// runs: telemetry says "transport": "warm") or the client runs the runner itself (the first call,
// which starts the daemon); uninstall gives settings.local.json back byte for byte.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './_harness.ts';
import { GUARD_PY, NOTES_PY } from './_python-hooks.ts';
import { findText, toolResults } from './harness/inspect.ts';
import { type ClaudeRun, runClaude } from './harness/run-claude.ts';

const dir = mkdtempSync(join(tmpdir(), 'hookpack-e2e-adopt-warm-'));
const project = join(dir, 'project');
const stateDir = join(dir, 'hookpack-home');
const home = join(dir, 'home');
const settingsPath = join(project, '.claude', 'settings.local.json');

const py = (name: string) => `python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/${name}`;
const ORIGINAL = `${JSON.stringify(
  {
    hooks: {
      PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: py('guard.py'), timeout: 10 }] }],
      UserPromptSubmit: [{ hooks: [{ type: 'command', command: py('notes.py') }] }],
    },
  },
  null,
  2,
)}\n`;

const env = { ...process.env, HOME: home, HOOKPACK_HOME: stateDir, HOOKPACK_DAEMON_IDLE_MS: '60000' };
const hookpack = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), ...args], { cwd: project, env, encoding: 'utf8' });
const telemetry = () =>
  existsSync(join(stateDir, 'telemetry.jsonl'))
    ? readFileSync(join(stateDir, 'telemetry.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];

function session(): Promise<ClaudeRun> {
  return runClaude({
    out: dir,
    settingsFlag: true,
    settings: {},
    prompt: 'clean up the build',
    env: { HOOKPACK_HOME: stateDir, HOOKPACK_DAEMON_IDLE_MS: '60000' },
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

const sessions: ClaudeRun[] = [];
beforeAll(async () => {
  mkdirSync(join(project, 'victim'), { recursive: true });
  mkdirSync(join(project, '.claude', 'hooks'), { recursive: true });
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  spawnSync('git', ['init', '-q', project]);
  writeFileSync(join(project, '.claude', 'hooks', 'guard.py'), GUARD_PY);
  writeFileSync(join(project, '.claude', 'hooks', 'notes.py'), NOTES_PY);
  writeFileSync(settingsPath, ORIGINAL);
  const adopted = hookpack('adopt', '--scope', 'local', '--warm', '--guard', 'guard');
  if (adopted.status !== 0) throw new Error(`hookpack adopt failed: ${adopted.stderr}`);
  if (!readFileSync(settingsPath, 'utf8').includes('warm/hookpack-warm'))
    throw new Error(`hookpack adopt --warm wrote no warm command (no C compiler?): ${adopted.stderr}`);
  // The first session's first call starts the daemon (and runs the runner itself); the second finds it running.
  sessions.push(await session());
  rmSync(join(project, 'ok'), { force: true });
  sessions.push(await session());
}, 300_000);

afterAll(() => {
  hookpack('daemon', 'stop');
  if (process.env.E2E_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
});

describe('adopted hooks through the warm daemon inside Claude Code', () => {
  it('the adopted Python guard blocks rm -rf in both sessions, and the next call runs', () => {
    expect(existsSync(join(project, 'victim'))).toBe(true);
    expect(existsSync(join(project, 'ok'))).toBe(true);
    for (const run of sessions) {
      const results = toolResults(run.requests);
      expect(results[0]).toMatchObject({ is_error: true });
      expect(results[0]?.text).toContain('guard.py: rm -rf is not allowed here');
    }
  });

  it('the context of the adopted prompt hook reaches the model in both sessions', () => {
    for (const run of sessions)
      expect(
        findText(run.requests, 'UserPromptSubmit hook additional context: notes: the scratch folder holds plan.md')
          .length,
      ).toBeGreaterThan(0);
  });

  it('the daemon answered the second session: its telemetry lines say so, and the guard blocked there', () => {
    const warm = telemetry().filter((l) => l.transport === 'warm');
    expect(warm.map((l) => l.hook)).toEqual(expect.arrayContaining(['guard', 'notes']));
    expect(warm.filter((l) => l.hook === 'guard').map((l) => l.decision)).toContain('block');
  });

  it('hookpack uninstall gives settings.local.json back byte for byte', () => {
    expect(hookpack('uninstall', '--scope', 'local').status).toBe(0);
    expect(readFileSync(settingsPath).equals(Buffer.from(ORIGINAL))).toBe(true);
  });
});
