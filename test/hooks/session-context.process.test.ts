// The built session-context as Claude Code runs it: `node dist/session-context.cjs`, a SessionStart
// payload on stdin, against a real git repository in a temp dir (no user or system git config),
// outside any repository, without git on PATH, and with fake `git` programs that hang.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnHook, type HookRun } from '../../lib/testing.ts';

const BUNDLE = fileURLToPath(new URL('../../dist/session-context.cjs', import.meta.url));
const GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
const SLEEP = execFileSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).trim();

let dir: string;
let env: NodeJS.ProcessEnv;
let pids: string;

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
});
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-session-context-')));
  pids = join(dir, 'pids.log');
  env = {
    PATH: `${dirname(GIT)}:${dirname(SLEEP)}`,
    HOME: join(dir, 'home'),
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CEILING_DIRECTORIES: dir,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    PIDS: pids,
  };
});
afterEach(() => {
  // Belt and braces: a fake git the hook failed to stop must not outlive the test.
  for (const pid of readPids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

function readPids(): number[] {
  return existsSync(pids) ? readFileSync(pids, 'utf8').split('\n').filter(Boolean).map(Number) : [];
}

/** Gone: no such process, or a zombie (dead, waiting for an init that reaps; containers' often doesn't). */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * The pids still alive, after giving a SIGKILL sent as the hook exited up to 2 s to land: on a
 * loaded machine a killed process may not have been scheduled to die yet when the hook is gone.
 */
async function stillAlive(list: number[]): Promise<number[]> {
  for (let waited = 0; ; waited += 50) {
    const alive = list.filter((pid) => !isGone(pid));
    if (alive.length === 0 || waited >= 2000) return alive;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const git = (cwd: string, ...args: string[]) => execFileSync(GIT, args, { cwd, env: { ...env }, encoding: 'utf8' });
const payload = (cwd: string) => ({
  session_id: '00000000-0000-4000-8000-000000000001',
  transcript_path: join(dir, 't.jsonl'),
  cwd,
  hook_event_name: 'SessionStart',
  source: 'startup',
});
const run = (cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<HookRun> =>
  spawnHook(BUNDLE, payload(cwd), { cleanEnv: true, env: { ...env, ...extraEnv } });
const contextOf = (result: HookRun) =>
  (result.json?.hookSpecificOutput as { additionalContext?: string } | undefined)?.additionalContext;

function fakeGit(body: string): string {
  const bin = join(dir, 'fake-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'git'), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return `${bin}:${dirname(SLEEP)}`;
}

describe('dist/session-context.cjs', () => {
  it('describes a repository: branch, upstream distance, changes, last 5 commits', async () => {
    const origin = join(dir, 'origin.git');
    const repo = join(dir, 'repo');
    const other = join(dir, 'other');
    git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
    git(dir, 'clone', '-q', origin, repo);
    for (let i = 1; i <= 6; i++) {
      writeFileSync(join(repo, `f${i}.txt`), `${i}\n`);
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', `Commit number ${i}`);
    }
    git(repo, 'push', '-q', 'origin', 'main');
    git(dir, 'clone', '-q', origin, other);
    writeFileSync(join(other, 'theirs.txt'), 'x\n');
    git(other, 'add', '.');
    git(other, 'commit', '-q', '-m', 'Their change');
    git(other, 'push', '-q', 'origin', 'main');
    writeFileSync(join(repo, 'mine.txt'), 'x\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'My change');
    git(repo, 'fetch', '-q');
    writeFileSync(join(repo, 'f1.txt'), 'changed\n');
    writeFileSync(join(repo, 'f2.txt'), 'changed\n');
    writeFileSync(join(repo, 'staged.txt'), 'new\n');
    git(repo, 'add', 'staged.txt');
    writeFileSync(join(repo, 'untracked-a.txt'), '');
    writeFileSync(join(repo, 'untracked-b.txt'), '');

    const result = await run(repo);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const hashes = git(repo, 'log', '-n', '5', '--format=%h').trim().split('\n');
    const subjects = ['My change', 'Commit number 6', 'Commit number 5', 'Commit number 4', 'Commit number 3'];
    const lines = contextOf(result)?.split('\n') ?? [];
    expect(lines.slice(0, 2)).toEqual([
      'git: branch main (1 ahead, 1 behind origin/main); 2 modified, 1 staged, 2 untracked',
      'recent commits:',
    ]);
    expect(lines).toHaveLength(7);
    lines
      .slice(2)
      .forEach((line, i) => expect(line).toMatch(new RegExp(`^${hashes[i]} ${subjects[i]} \\(\\d+ seconds? ago\\)$`)));
    expect(Object.keys(result.json ?? {})).toEqual(['hookSpecificOutput']);
  });

  it('says a fresh repository has no commits yet', async () => {
    const repo = join(dir, 'fresh');
    git(dir, 'init', '-q', '-b', 'main', repo);
    writeFileSync(join(repo, 'README.md'), '');
    const result = await run(repo);
    expect(contextOf(result)).toBe('git: branch main (no commits yet); 1 untracked\nrecent commits: none yet');
  });

  it('is one line outside a repository', async () => {
    const plain = join(dir, 'plain');
    mkdirSync(plain);
    const result = await run(plain);
    expect([result.exitCode, contextOf(result), result.stderr]).toEqual([
      0,
      `git: ${plain} is not a git repository`,
      '',
    ]);
  });

  it('is one line, and no error, without git on PATH', async () => {
    const empty = join(dir, 'empty-bin');
    mkdirSync(empty);
    const result = await run(dir, { PATH: empty });
    expect([result.exitCode, contextOf(result), result.stderr]).toEqual([
      0,
      'git: not installed (no `git` on PATH); no repository context',
      '',
    ]);
  });

  it('answers before its deadline when git hangs, and leaves no git behind', async () => {
    const PATH = fakeGit('echo $$ >> "$PIDS"\nexec sleep 30');
    const result = await run(dir, { PATH, HOOKPACK_DEADLINE_MS: '1500' });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(contextOf(result)).toMatch(
      /^git: no answer from git status or git log within \d+ ms; repository context skipped$/,
    );
    expect(result.durationMs).toBeLessThan(3000); // the runner's own deadline check is the strict one: a late answer would exit 1
    const started = readPids();
    expect(started).toHaveLength(2);
    expect(await stillAlive(started)).toEqual([]);
  });

  it('keeps the status when only git log hangs, and notes what is missing', async () => {
    const PATH = fakeGit(
      'case " $* " in\n  *" status "*) printf "# branch.oid 1f2e3d4\\n# branch.head main\\n1 .M N... 100644 100644 100644 a b x.ts\\n" ;;\n  *) echo $$ >> "$PIDS"; exec sleep 30 ;;\nesac',
    );
    const result = await run(dir, { PATH, HOOKPACK_DEADLINE_MS: '1500' });
    expect(result.exitCode).toBe(0);
    expect(contextOf(result)).toMatch(
      /^git: branch main \(no upstream\); 1 modified\nrecent commits: unavailable \(git log took over \d+ ms\)$/,
    );
    expect(await stillAlive(readPids())).toEqual([]);
  });

  it('also stops a hanging git that ignores SIGTERM', async () => {
    const PATH = fakeGit('trap \'\' TERM\necho $$ >> "$PIDS"\nexec sleep 30');
    const result = await run(dir, { PATH, HOOKPACK_DEADLINE_MS: '1500' });
    expect(result.exitCode).toBe(0);
    expect(contextOf(result)).toMatch(/^git: no answer from git status or git log within \d+ ms/);
    expect(readPids()).toHaveLength(2);
    expect(await stillAlive(readPids())).toEqual([]);
  });

  it("does not run the program a repository's core.fsmonitor names", async () => {
    const repo = join(dir, 'unpacked');
    git(dir, 'init', '-q', '-b', 'main', repo);
    writeFileSync(join(repo, 'a.txt'), 'x\n');
    const ran = join(dir, 'fsmonitor-ran');
    writeFileSync(join(dir, 'fsmonitor.sh'), `#!/bin/sh\ntouch '${ran}'\n`);
    chmodSync(join(dir, 'fsmonitor.sh'), 0o755);
    git(repo, 'config', 'core.fsmonitor', join(dir, 'fsmonitor.sh'));
    // The same repository makes plain `git status` run it: the test can tell.
    git(repo, 'status', '--porcelain');
    expect(existsSync(ran)).toBe(true);
    rmSync(ran);
    const result = await run(repo);
    expect(contextOf(result)).toMatch(/^git: branch main \(no commits yet\); 1 untracked/);
    expect(existsSync(ran)).toBe(false);
  });
});
