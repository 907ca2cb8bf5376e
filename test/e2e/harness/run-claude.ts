// One run of the real Claude Code CLI (`claude -p`, the devDependency pinned in package.json)
// against the scripted mock API, in a throwaway directory:
//   <dir>/home      HOME: no real config, credentials or history are read or written
//   <dir>/project   the working directory; settings go to project/.claude/settings.json
//                   (or <dir>/settings.json with settingsFlag, passed as --settings)
//   <dir>/out       $E2E_OUT, where test hooks may record what they received
//   <dir>/tmp       TMPDIR
//   requests.jsonl, stdout.jsonl, stderr.txt, result.json   what the run left, for debugging
// The client runs in its own process group with a hard timeout; the whole group is killed then.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoggedRequest, startMockApi } from './mock-api.ts';
import { clientEnv, type RunPaths } from './offline-env.ts';
import type { Script } from './script.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DEFAULT_TIMEOUT_S = 90;
const KILL_GRACE_MS = 2_000;
// Bash calls reach PreToolUse hooks in every mode; this one also lets them run when no hook
// objects, without --dangerously-skip-permissions (which the client refuses to root).
const DEFAULT_PERMISSION_ARGS = ['--permission-mode', 'default', '--allowedTools', 'Bash'];

export interface RunOptions {
  /** The mock model's script (./script.ts), or a path to one in JSON. */
  script: Script | string;
  /** Settings as an object or a path to a JSON file; `@PROJECT@` and `@NODE@` are filled in. */
  settings?: Record<string, unknown> | string;
  /** Pass the settings with --settings from outside the project, leaving project/.claude alone. */
  settingsFlag?: boolean;
  prompt?: string;
  /** Several user turns in one session (stream-json input). */
  prompts?: string[];
  /** The run directory; an existing project/ in it is used as it is. Default: a new temp dir. */
  out?: string;
  /** Added to (and overriding) the clean environment. */
  env?: Record<string, string>;
  timeoutS?: number;
  permissionArgs?: string[];
  /** Files to write into the project first (relative paths; placeholders filled in). */
  files?: Record<string, string>;
  /** More arguments for claude. */
  claudeArgs?: string[];
}

export interface ClaudeRun {
  dir: string;
  /** The client's pid, which was also its process group's id. */
  pid: number | undefined;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  /** Every request the client made to the mock. */
  requests: LoggedRequest[];
  /** The client's stream-json output, one object per line. */
  events: Array<Record<string, unknown>>;
  stderr: string;
  paths: RunPaths;
}

/** The pinned client: $CLAUDE_BIN, else the one test/e2e/client pins (installed by test/e2e/client/ensure.mjs). */
export function claudeBin(): string {
  const bin = process.env.CLAUDE_BIN || join(ROOT, 'test', 'e2e', 'client', 'node_modules', '.bin', 'claude');
  if (!existsSync(bin))
    throw new Error(
      `the Claude Code CLI is not installed at ${bin}: run \`npm run e2e:client\` (test/e2e/client pins it), or set CLAUDE_BIN`,
    );
  return bin;
}

function layout(dir: string): RunPaths {
  const paths = {
    dir,
    home: join(dir, 'home'),
    project: join(dir, 'project'),
    out: join(dir, 'out'),
    tmp: join(dir, 'tmp'),
  };
  for (const sub of [paths.home, join(paths.project, '.claude'), paths.out, paths.tmp])
    mkdirSync(sub, { recursive: true });
  return paths;
}

const fill = (text: string, paths: RunPaths): string =>
  text.replaceAll('@PROJECT@', paths.project).replaceAll('@NODE@', process.execPath);

function loadJson<T>(value: T | string | undefined, paths: RunPaths): T {
  const text = typeof value === 'string' ? readFileSync(value, 'utf8') : JSON.stringify(value ?? {});
  return JSON.parse(fill(text, paths)) as T;
}

function parseLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return { unparsed: line };
      }
    });
}

interface Exit {
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
};

/** Runs the client to its end or its timeout; never rejects for what the client does. */
function spawnClient(
  bin: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  stdin: string | undefined,
  timeoutMs: number,
): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, {
      cwd,
      env,
      detached: true,
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin?.on('error', () => {}); // the client may exit before reading all of it
    child.stdin?.end(stdin);
    let timedOut = false;
    let settled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref();
    }, timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      killGroup(child, 'SIGKILL'); // whatever the client left behind in its group
      resolve({
        pid: child.pid,
        code,
        signal,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    };
    child.on('error', (error) => {
      stderr.push(Buffer.from(`run-claude: ${error.message}\n`));
      finish(null, null);
    });
    child.on('close', finish);
    // A hook's background child can hold the pipes open after the client exits: do not wait on it.
    child.on('exit', (code, signal) => setTimeout(() => finish(code, signal), KILL_GRACE_MS).unref());
  });
}

/** One `claude -p` run; see the top of this file for what it lays out. */
export async function runClaude(options: RunOptions): Promise<ClaudeRun> {
  const bin = claudeBin();
  const paths = layout(options.out ?? mkdtempSync(join(tmpdir(), 'hookpack-claude-run-')));
  for (const [rel, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(paths.project, rel)), { recursive: true });
    writeFileSync(join(paths.project, rel), fill(content, paths));
  }
  const settingsFile = join(options.settingsFlag ? paths.dir : join(paths.project, '.claude'), 'settings.json');
  writeFileSync(settingsFile, `${JSON.stringify(loadJson(options.settings, paths), null, 2)}\n`);

  const timeoutMs = (options.timeoutS ?? DEFAULT_TIMEOUT_S) * 1000;
  const requestsFile = join(paths.dir, 'requests.jsonl');
  rmSync(requestsFile, { force: true });
  const mock = await startMockApi({
    script: loadJson<Script>(options.script, paths),
    logFile: requestsFile,
    lifetimeMs: timeoutMs + 30_000,
  });
  const multi = Array.isArray(options.prompts);
  const args = [
    '-p',
    ...(multi ? ['--input-format', 'stream-json'] : [options.prompt ?? 'go']),
    '--output-format',
    'stream-json',
    '--verbose',
    '--include-hook-events',
    ...(options.permissionArgs ?? DEFAULT_PERMISSION_ARGS),
    ...(options.settingsFlag ? ['--settings', settingsFile] : []),
    ...(options.claudeArgs ?? []),
  ];
  const stdin = multi
    ? options.prompts
        ?.map((text) => `${JSON.stringify({ type: 'user', message: { role: 'user', content: text } })}\n`)
        .join('')
    : undefined;
  const started = Date.now();
  let exit: Exit;
  try {
    exit = await spawnClient(bin, args, paths.project, clientEnv(paths, mock.url, options.env), stdin, timeoutMs);
  } finally {
    await mock.close();
  }
  const durationMs = Date.now() - started;
  writeFileSync(join(paths.dir, 'stdout.jsonl'), exit.stdout);
  writeFileSync(join(paths.dir, 'stderr.txt'), exit.stderr);
  const summary = {
    exitCode: exit.code,
    signal: exit.signal,
    timedOut: exit.timedOut,
    durationMs,
    port: mock.port,
    bin,
    args,
  };
  writeFileSync(join(paths.dir, 'result.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return {
    dir: paths.dir,
    pid: exit.pid,
    exitCode: exit.code,
    signal: exit.signal,
    timedOut: exit.timedOut,
    durationMs,
    requests: [...mock.requests],
    events: parseLines(exit.stdout),
    stderr: exit.stderr,
    paths,
  };
}

/** Deletes a run's directory unless E2E_KEEP=1 (to look at what a run left). */
export function removeRun(run: { dir: string }): void {
  if (process.env.E2E_KEEP !== '1') rmSync(run.dir, { recursive: true, force: true });
}
