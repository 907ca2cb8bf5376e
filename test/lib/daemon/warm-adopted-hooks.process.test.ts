// `hookpack adopt --warm`: an adopted-hooks entry answered by the warm daemon (lib/daemon/adopted.ts)
// answers exactly as `node adopt.cjs` does, with each call's own environment, working directory and
// umask reaching the adopted commands, and goes back to the runner whenever the daemon can't serve it.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { askDaemon } from '../../../cli/daemon-client.ts';
import type { AdoptedHook } from '../../../lib/adopt/table.ts';
import { tempDir, writeFile } from '../../cli/_helpers.ts';
import { hook, payloads, SCRIPTS, writeTable } from '../adopt/_adopted.ts';
import { alive, freshHome, outputOf, type Ran, setUpWarm, telemetry, type Warm } from './_warm.ts';

let warm: Warm;
const daemons: number[] = [];
const { dir, cleanup } = tempDir('warm-adopted');
const OWN_RUNNER = join(process.env.HOOKPACK_TEST_REPO_DIST as string, 'adopt.cjs');

beforeAll(() => {
  warm = setUpWarm();
});
afterEach(() => {
  for (const pid of daemons.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});
afterAll(() => {
  rmSync(warm.dist, { recursive: true, force: true });
  cleanup();
});

// Prints what the command was started with: its working directory, a variable of the call, its umask.
const WORLD_SCRIPT = ['cat >/dev/null', 'echo "cwd=$(pwd) var=$CALL_VAR umask=$(umask)"'].join('\n');

let n = 0;
/** A project with the scripts, the daemon's own runner and a table of `hooks`. */
function project(hooks: AdoptedHook[]): string {
  const root = join(dir, `p${n++}`);
  for (const [name, text] of Object.entries({ ...SCRIPTS, 'world.sh': WORLD_SCRIPT }))
    writeFile(join(root, '.claude', 'hooks', name), `${text}\n`);
  mkdirSync(join(root, '.claude', 'hookpack'), { recursive: true });
  copyFileSync(OWN_RUNNER, join(root, '.claude', 'hookpack', 'adopt.cjs'));
  writeTable(root, hooks);
  return root;
}

interface Entry {
  project: string;
  event: string;
  env: NodeJS.ProcessEnv;
  umask?: string;
}

/** The entry's command as Claude Code runs it (`/bin/sh -c`), the warm client's or today's. */
function runEntry({ project, event, env, umask = '022' }: Entry, input: unknown, warmly: boolean): Promise<Ran> {
  const runner = `"$CLAUDE_PROJECT_DIR"/.claude/hookpack/adopt.cjs settings.json ${event}`;
  const start = warmly ? `${warm.client} 12 ${runner}` : `node ${runner}`;
  const child = spawn('/bin/sh', ['-c', `umask ${umask}; ${start}`], {
    env: { ...env, CLAUDE_PROJECT_DIR: project },
    cwd: project,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const ran = outputOf(child);
  child.stdin.end(`${JSON.stringify(input)}\n`);
  return ran;
}

const warmLines = (state: string) => telemetry(state).filter((line) => line.transport === 'warm');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls until the daemon the first call started answers an adopted entry (the first calls run the runner). */
async function daemonFor(entry: Entry, input: unknown): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await runEntry(entry, input, true);
    const status = await askDaemon('status', entry.env);
    if (status !== undefined && Number(status.answered) > 0) {
      daemons.push(Number(status.pid));
      return;
    }
    await sleep(100);
  }
  throw new Error('the daemon never came up');
}

describe('adopted hooks through the warm daemon', () => {
  const cases: Array<[string, string, AdoptedHook[], unknown]> = [
    [
      'a guard exiting 2 blocks with its stderr',
      'PreToolUse',
      [hook('guard', 'PreToolUse', 'guard.py', { guard: true }), hook('deny', 'PreToolUse', 'deny.sh')],
      payloads.bash('rm -rf build'),
    ],
    [
      'a JSON deny is passed on',
      'PreToolUse',
      [hook('guard', 'PreToolUse', 'guard.py', { guard: true }), hook('deny', 'PreToolUse', 'deny.sh')],
      payloads.bash('ls'),
    ],
    [
      'a crashing guard blocks',
      'PreToolUse',
      [hook('crash', 'PreToolUse', 'crash.py', { guard: true })],
      payloads.bash('ls'),
    ],
    [
      'a crashing hook that is no guard does not block',
      'PreToolUse',
      [hook('crash', 'PreToolUse', 'crash.py'), hook('guard', 'PreToolUse', 'guard.py')],
      payloads.bash('ls'),
    ],
    [
      'context arrives, a slow hook times out, and a grandchild holding the pipe costs nothing',
      'UserPromptSubmit',
      [
        hook('notes', 'UserPromptSubmit', 'notes.py'),
        hook('slow', 'UserPromptSubmit', 'slow.sh', { timeout: 1 }),
        hook('fork', 'UserPromptSubmit', 'fork.sh'),
        hook('eof', 'UserPromptSubmit', 'eof.py'),
      ],
      payloads.prompt('where are the notes?'),
    ],
  ];

  it.each(cases)('answers as node adopt.cjs does: %s', async (_, event, hooks, input) => {
    const { state, env } = freshHome();
    // Breakers that never open: the warm-up calls must not change what the compared calls do.
    const steadyHooks = hooks.map((h) => ({ ...h, breaker: { failures: 1000, coolDownSeconds: 1 } }));
    const entry = { project: project(steadyHooks), event, env: { ...env, PID_FILE: join(dir, `pid-${n}`) } };
    await daemonFor(entry, input);
    const before = warmLines(state).length;
    const viaDaemon = await runEntry(entry, input, true);
    expect(warmLines(state).length).toBe(before + hooks.length);
    const warmBreakers = telemetry(state)
      .slice(-hooks.length)
      .map((line) => (line.breakers as string[]).sort());
    const plain = await runEntry(entry, input, false);
    // Durations differ from run to run: compared with them taken out.
    const steady = (ran: Ran) => ({ ...ran, stdout: ran.stdout.replace(/\d+(\.\d+)? ?(ms|s)\b/g, 'T') });
    expect(steady(viaDaemon)).toEqual(steady(plain));
    // Each line names the breakers of its own call, as the runner's process does, none of earlier calls'.
    const plainBreakers = telemetry(state)
      .slice(-hooks.length)
      .map((line) => (line.breakers as string[]).sort());
    expect(warmBreakers).toEqual(plainBreakers);
  });

  it("starts each command with the call's working directory, environment and umask, not the daemon's", async () => {
    const { env } = freshHome();
    const root = project([hook('world', 'UserPromptSubmit', 'world.sh')]);
    const entry = { project: root, event: 'UserPromptSubmit', env: { ...env, CALL_VAR: 'first' } };
    await daemonFor(entry, payloads.prompt('x'));
    const first = await runEntry({ ...entry, umask: '027' }, payloads.prompt('x'), true);
    expect(first.stdout).toContain(`cwd=${root} var=first umask=0027`);
    const second = await runEntry({ ...entry, env: { ...entry.env, CALL_VAR: 'second' } }, payloads.prompt('x'), true);
    expect(second.stdout).toContain(`cwd=${root} var=second umask=0022`);
  });

  it("runs the runner itself when the project's runner is not the daemon's own (another hookpack version)", async () => {
    const { state, env } = freshHome();
    const root = project([hook('guard', 'PreToolUse', 'guard.py', { guard: true })]);
    const entry = { project: root, event: 'PreToolUse', env };
    await daemonFor(entry, payloads.bash('ls'));
    appendFileSync(join(root, '.claude', 'hookpack', 'adopt.cjs'), '\n// another version\n');
    const before = warmLines(state).length;
    const ran = await runEntry(entry, payloads.bash('rm -rf build'), true);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('guard.py: rm -rf is not allowed here');
    expect(warmLines(state).length).toBe(before);
    expect(telemetry(state).at(-1)).toMatchObject({ hook: 'guard', decision: 'block' });
  });

  it('leaves a table the runner refuses to the runner, which says so in one line, and a guard still blocks', async () => {
    const { state, env } = freshHome();
    const root = project([hook('guard', 'PreToolUse', 'guard.py', { guard: true })]);
    const entry = { project: root, event: 'PreToolUse', env };
    await daemonFor(entry, payloads.bash('ls'));
    writeTable(root, [hook('guard', 'PreToolUse', 'guard.py', { guard: true, matcher: 'Bash(' })]);
    const ran = await runEntry(entry, payloads.bash('ls'), true);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/^hookpack adopt: Invalid regular expression/);
    // The entry adopt writes for a guard ends in `|| exit 2`.
    const guarded = spawnSync(
      '/bin/sh',
      ['-c', `${warm.client} 12 "$CLAUDE_PROJECT_DIR"/.claude/hookpack/adopt.cjs settings.json PreToolUse || exit 2`],
      {
        env: { ...env, CLAUDE_PROJECT_DIR: root },
        cwd: root,
        input: JSON.stringify(payloads.bash('ls')),
        encoding: 'utf8',
      },
    );
    expect(guarded.status).toBe(2);
    const status = await askDaemon('status', env);
    expect(Number(status?.fallbacks)).toBeGreaterThanOrEqual(2);
    expect(warmLines(state).filter((l) => l.hook === 'guard')).toHaveLength(1);
  });

  it('reads switches per call: HOOKPACK_SKIP in one call skips the hook there only', async () => {
    const { env } = freshHome();
    const root = project([hook('notes', 'UserPromptSubmit', 'notes.py')]);
    const entry = { project: root, event: 'UserPromptSubmit', env };
    await daemonFor(entry, payloads.prompt('x'));
    const skipped = await runEntry({ ...entry, env: { ...env, HOOKPACK_SKIP: 'notes' } }, payloads.prompt('x'), true);
    expect(skipped).toEqual({ code: 0, stdout: '', stderr: '' });
    const again = await runEntry(entry, payloads.prompt('x'), true);
    expect(again.stdout).toContain('notes: the scratch folder holds plan.md');
  });

  it("times a failure from the call's start, not from the daemon's", async () => {
    const { state, env } = freshHome();
    const root = project([hook('guard', 'PreToolUse', 'guard.py', { guard: true })]);
    const entry = { project: root, event: 'PreToolUse', env };
    await daemonFor(entry, payloads.bash('ls'));
    await sleep(1_500);
    const started = Date.now();
    const ran = await runEntry(entry, payloads.prompt('a payload of another event'), true);
    const took = Date.now() - started;
    expect(ran.code).toBe(2);
    const line = warmLines(state).at(-1);
    expect(line).toMatchObject({ hook: 'guard', error: 'E_PAYLOAD_EVENT' });
    expect(line?.ms as number).toBeLessThanOrEqual(took);
  });

  it('never loads a runner named without its arguments as a bundle: the client runs it, and the daemon serves on', async () => {
    const { env } = freshHome();
    const root = project([hook('guard', 'PreToolUse', 'guard.py', { guard: true })]);
    const entry = { project: root, event: 'PreToolUse', env };
    await daemonFor(entry, payloads.bash('ls'));
    const bare = spawnSync(warm.client, ['12', join(root, '.claude', 'hookpack', 'adopt.cjs')], {
      env: { ...env, CLAUDE_PROJECT_DIR: root },
      cwd: root,
      input: JSON.stringify(payloads.bash('ls')),
      encoding: 'utf8',
    });
    expect(bare.status).toBe(1);
    expect(bare.stderr).toMatch(/^hookpack adopt: usage: node adopt\.cjs/);
    const status = await askDaemon('status', env);
    expect(status?.bundles).toEqual([]);
    expect((await runEntry(entry, payloads.bash('rm -rf build'), true)).code).toBe(2);
  });
});
