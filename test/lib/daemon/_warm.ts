// Shared by the warm path's process tests: the test hooks built once, the client compiled against
// the run's built daemon, a private state directory per test, and a call through the client.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: build/ is plain ES modules with JSDoc types
import { compileWarmClient } from '../../../build/warm-client.mjs';
import { askDaemon } from '../../../cli/daemon-client.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface Warm {
  client: string;
  bundle: string;
  dist: string;
}

/**
 * test/lib/daemon/_warm-hooks built and the client compiled for the run's daemon (dist/daemon.cjs
 * of the sandbox build), in a directory of the calling file's own: a copy of what the run's setup
 * built once (HOOKPACK_TEST_WARM_DIST; compileWarmClient then finds its client current), or,
 * without it, built here.
 */
export function setUpWarm(): Warm {
  const dist = mkdtempSync(join(tmpdir(), 'hookpack-warm-dist-'));
  const template = process.env.HOOKPACK_TEST_WARM_DIST;
  if (template && existsSync(join(template, 'manifest.json'))) cpSync(template, dist, { recursive: true });
  else buildWarmHooks(dist);
  const repoDist = process.env.HOOKPACK_TEST_REPO_DIST as string;
  const compiled = compileWarmClient(dist, { daemonScript: join(repoDist, 'daemon.cjs') }) as {
    path?: string;
    reason?: string;
  };
  if (compiled.path === undefined) throw new Error(`no warm client: ${compiled.reason}`);
  return { client: compiled.path, bundle: join(dist, 'on-PreToolUse.cjs'), dist };
}

function buildWarmHooks(dist: string): void {
  const built = spawnSync(
    process.execPath,
    ['build.mjs', '--no-typecheck', '--hooks-dir', 'test/lib/daemon/_warm-hooks', '--out-dir', dist],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`building the warm test hooks failed: ${built.stderr}`);
}

/** A private state directory (0700) and HOME of a test's own. */
export function freshHome(): { home: string; state: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), 'hookpack-warm-home-'));
  const state = join(home, 'state');
  mkdirSync(state, { mode: 0o700 });
  const env = { PATH: process.env.PATH, HOME: home, HOOKPACK_HOME: state, HOOKPACK_DAEMON_IDLE_MS: '20000' };
  return { home, state, env };
}

export function payload(command: string, cwd = '/tmp'): string {
  return JSON.stringify({
    session_id: 's',
    transcript_path: '/tmp/t.jsonl',
    cwd,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command },
    permission_mode: 'default',
    tool_use_id: 't1',
  });
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One hook call through the client, as Claude Code makes it: payload on stdin, the entry's timeout. */
export function call(
  warm: Warm,
  input: string,
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; bundle?: string } = {},
): Promise<Ran> {
  const child = spawn(warm.client, ['5', options.bundle ?? warm.bundle], {
    env,
    cwd: options.cwd ?? tmpdir(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const ran = outputOf(child);
  child.stdin.end(input);
  return ran;
}

/** What a started process prints and how it ends. */
export function outputOf(child: ChildProcessWithoutNullStreams): Promise<Ran> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Today's command for the same bundle: the answer every warm call must equal. */
export function callPlain(warm: Warm, input: string, env: NodeJS.ProcessEnv, cwd = tmpdir()): Ran {
  const ran = spawnSync('node', [warm.bundle], { input, env, cwd, encoding: 'utf8' });
  return { code: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

/** The telemetry lines of a state directory. */
export function telemetry(state: string): Array<Record<string, unknown>> {
  const path = join(state, 'telemetry.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls until the daemon the first call started answers (its first call falls back while it starts). */
export async function warmUp(warm: Warm, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    await call(warm, payload('deny'), env);
    const status = await askDaemon('status', env);
    if (status !== undefined && Number(status.answered) > 0) return status;
    await sleep(100);
  }
  throw new Error('the daemon never came up');
}

/** Whether the process runs; a zombie (dead, not yet reaped by whoever adopted it) counts as gone. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): kill(0) has to do
  }
}

export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}
