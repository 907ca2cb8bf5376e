// Shared by the adopted-hooks tests: real python3 and sh hook scripts of the kinds people keep,
// a project holding the runner (built from lib/adopt/ as the package builds it) and a table, and
// one event run the way Claude Code runs a settings command (`/bin/sh -c`, payload, EOF).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdoptedHook } from '../../../lib/adopt/table.ts';
import { cleanEnv, writeFile } from '../../cli/_helpers.ts';

/** The scripts, by name: each a real program in python3 or sh. */
export const SCRIPTS: Record<string, string> = {
  // A Bash guard: exit 2 with the reason on stderr.
  'guard.py': [
    'import json, sys',
    'data = json.load(sys.stdin)',
    "if 'rm -rf' in data.get('tool_input', {}).get('command', ''):",
    "    print('guard.py: rm -rf is not allowed here', file=sys.stderr)",
    '    sys.exit(2)',
  ].join('\n'),
  // A JSON deny.
  'deny.sh': [
    'cat >/dev/null',
    `printf '%s\\n' '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"deny.sh: not on a Friday"}}'`,
  ].join('\n'),
  // A context hook: plain text on UserPromptSubmit.
  'notes.py': ['import json, sys', 'json.load(sys.stdin)', "print('notes: the scratch folder holds plan.md')"].join(
    '\n',
  ),
  // A slow one, for a 1 s timeout.
  'slow.sh': ['cat >/dev/null', 'sleep 20', 'echo too-late'].join('\n'),
  // One that crashes (a Python traceback, exit 1).
  'crash.py': ['import json, sys', 'json.load(sys.stdin)', "raise RuntimeError('the notes file is gone')"].join('\n'),
  // One that prints 1 MB of context.
  'big.py': ['import sys', 'sys.stdin.read()', "sys.stdout.write('x' * 1000000)"].join('\n'),
  // One that reads stdin until EOF before answering.
  'eof.py': ['import sys', 'data = sys.stdin.read()', "print('read %d bytes then EOF' % len(data))"].join('\n'),
  // One that forks a grandchild holding stdout and ignoring SIGTERM, then exits.
  'fork.sh': [
    'cat >/dev/null',
    `sh -c 'trap "" TERM; echo $$ > "$PID_FILE"; sleep 30; echo late' &`,
    'sleep 0.2',
    'echo "forked and exited"',
  ].join('\n'),
};

/** The command a settings file would hold for a script. */
export function commandFor(script: string): string {
  return `${script.endsWith('.py') ? 'python3' : 'sh'} "$CLAUDE_PROJECT_DIR"/.claude/hooks/${script}`;
}

let runnerCode: string | undefined;

/** The runner as build.mjs makes it (bundled once per worker: the test files share it). */
export async function runnerSource(): Promise<string> {
  if (runnerCode === undefined) {
    // A variable specifier: build/*.mjs has no declaration file, and only this function is needed.
    const artifacts: string = '../../../build/package-artifacts.mjs';
    const { bundleAdoptRunner } = (await import(artifacts)) as { bundleAdoptRunner: () => Promise<string> };
    runnerCode = await bundleAdoptRunner();
  }
  return runnerCode;
}

/** A project with every script, the runner and a table of `hooks` adopted from settings.json. */
export async function adoptedProject(dir: string, hooks: AdoptedHook[]): Promise<string> {
  const project = join(dir, 'project');
  for (const [name, text] of Object.entries(SCRIPTS)) writeFile(join(project, '.claude', 'hooks', name), `${text}\n`);
  mkdirSync(join(project, '.git'), { recursive: true });
  writeFile(join(project, '.claude', 'hookpack', 'adopt.cjs'), await runnerSource(), 0o755);
  writeTable(project, hooks);
  return project;
}

export function writeTable(project: string, hooks: AdoptedHook[]): void {
  writeFileSync(
    join(project, '.claude', 'hookpack', 'adopted.settings.json'),
    JSON.stringify({ version: 1, settings: '.claude/settings.json', hooks }),
  );
}

/** An adopted hook running one of the scripts. */
export function hook(name: string, event: string, script: string, fields: Partial<AdoptedHook> = {}): AdoptedHook {
  return { name, event, command: commandFor(script), timeout: 10, guard: false, ...fields };
}

export const payloads = {
  bash: (command: string) => ({
    session_id: 's',
    transcript_path: '/tmp/t.jsonl',
    cwd: '/tmp',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command },
    tool_use_id: 't1',
  }),
  prompt: (prompt: string) => ({
    session_id: 's',
    transcript_path: '/tmp/t.jsonl',
    cwd: '/tmp',
    hook_event_name: 'UserPromptSubmit',
    prompt,
  }),
};

/** What one run of an entry did. */
export interface EventRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json: Record<string, any> | undefined;
}

/** Runs the entry for `event` as Claude Code would: `/bin/sh -c '<command>'` with the payload and EOF on stdin. */
export function runEvent(
  project: string,
  event: string,
  payload: unknown,
  options: { env?: NodeJS.ProcessEnv; hook?: string; guard?: boolean } = {},
): EventRun {
  const command = `node "$CLAUDE_PROJECT_DIR"/.claude/hookpack/adopt.cjs settings.json ${event}${options.hook ? ` ${options.hook}` : ''}${options.guard ? ' || exit 2' : ''}`;
  const env = { ...cleanEnv(join(project, '..')), CLAUDE_PROJECT_DIR: project, ...options.env };
  const result = spawnSync('/bin/sh', ['-c', command], {
    input: `${JSON.stringify(payload)}\n`,
    env,
    cwd: project,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const out = result.stdout.trim();
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    json: out.startsWith('{') ? (JSON.parse(out) as Record<string, any>) : undefined,
  };
}

/** The telemetry lines written in this project's state directory. */
export function telemetry(project: string): Array<Record<string, any>> {
  try {
    return readFileSync(join(project, '..', 'hookpack-home', 'telemetry.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>);
  } catch {
    return [];
  }
}
