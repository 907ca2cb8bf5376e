import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInBackground, runNodeInBackground } from '../../lib/background.ts';
import {
  bundleScript,
  hasProc,
  isGone,
  killTracked,
  sessionOf,
  tempDir,
  track,
  waitFor,
  writeScript,
} from './run/_processes.ts';

// Work handed to the background must not hold any of the hook's pipes: Claude Code waits for
// EOF on both stdout and stderr (#77078, zilliztech/memsearch#676).
const WORKER_DELAY_MS = 4000;
const dir = tempDir('hookpack-background-');
// The background worker: tries to write to the (ignored) stdio, waits, then leaves proof it ran.
// The proof appears whole (temp file + rename): the test polls for it and must never read it half
// written.
const worker = writeScript(
  dir.file('worker.cjs'),
  `const { renameSync, writeFileSync } = require('node:fs');
   process.stdout.write('noise'); process.stderr.write('noise');
   setTimeout(() => {
     writeFileSync(process.argv[2] + '.tmp', String(process.pid));
     renameSync(process.argv[2] + '.tmp', process.argv[2]);
   }, Number(process.argv[3]));`,
);
let parent: string;

beforeAll(() => {
  // The hook: starts the worker in the background, prints what runNodeInBackground returned, exits.
  parent = bundleScript(
    `import { runNodeInBackground } from './lib/background.ts';
     const [worker, out, delay] = process.argv.slice(2);
     void runNodeInBackground(worker, [out, delay]).then((started) => process.stdout.write(JSON.stringify(started)));`,
    dir.file('parent.cjs'),
  );
});
afterEach(killTracked);
afterAll(() => dir.remove());

describe('runInBackground hands work to a detached process', () => {
  it('lets the hook exit at once: its pipes close long before the background work ends, which still runs', async () => {
    const out = dir.file('proof.txt');
    const started = performance.now();
    const hook = spawn(process.execPath, [parent, worker, out, String(WORKER_DELAY_MS)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    track(hook.pid ?? 0);
    let stdout = '';
    hook.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const stderrClosed = new Promise((resolve) => hook.stderr.on('close', resolve));
    await new Promise((resolve) => hook.stdout.on('close', resolve));
    await stderrClosed;
    const pipesClosedAfter = performance.now() - started;

    const { pid } = JSON.parse(stdout) as { pid: number };
    track(pid);
    expect(pipesClosedAfter).toBeLessThan(WORKER_DELAY_MS - 1000);
    expect(existsSync(out)).toBe(false);
    expect(isGone(pid)).toBe(false);
    expect(await waitFor(() => existsSync(out), WORKER_DELAY_MS + 5000)).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(String(pid));
  });

  it.runIf(hasProc)('gives the process its own session and /dev/null for stdin, stdout and stderr', async () => {
    const started = await runInBackground('sleep', ['30']);
    if (!('pid' in started)) throw new Error(started.error.message);
    track(started.pid);
    expect(sessionOf(started.pid)).toBe(started.pid);
    expect([0, 1, 2].map((fd) => readlinkSync(`/proc/${started.pid}/fd/${fd}`))).toEqual([
      '/dev/null',
      '/dev/null',
      '/dev/null',
    ]);
  });

  it('passes cwd and env on', async () => {
    const out = dir.file('env.txt');
    const started = await runInBackground('sh', ['-c', 'printf "%s %s" "$PWD" "$HOOKPACK_BG" > "$1"', 'sh', out], {
      cwd: dir.path,
      env: { HOOKPACK_BG: 'yes' },
    });
    if ('pid' in started) track(started.pid);
    expect(await waitFor(() => existsSync(out) && readFileSync(out, 'utf8') !== '')).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(`${dir.path} yes`);
  });

  it.each([
    [
      'a program missing from PATH',
      () => runInBackground('hookpack-no-such-program', []),
      'ENOENT',
      '`hookpack-no-such-program` not found on PATH',
    ],
    [
      'a cwd that is a file',
      () => runInBackground('true', [], { cwd: worker }),
      'ENOTDIR',
      `\`cwd\` ${worker} is not a directory`,
    ],
    [
      'a cwd that does not exist',
      () => runInBackground('true', [], { cwd: dir.file('nope') }),
      'ENOENT',
      `\`cwd\` ${dir.file('nope')} does not exist`,
    ],
    [
      'a node script that does not exist',
      () => runNodeInBackground(dir.file('missing.cjs')),
      'ENOENT',
      `\`${dir.file('missing.cjs')}\` does not exist`,
    ],
  ])('reports %s as an error, without throwing', async (_label, start, code, message) => {
    const started = await start();
    expect('error' in started && started.error.code).toBe(code);
    expect('error' in started && started.error.message.startsWith(message)).toBe(true);
  });

  it.each([
    [
      'a shell string as args',
      () => runInBackground('git', 'gc --auto' as never),
      /`args` must be an array of strings/,
    ],
    [
      'an option run() takes but a background process does not',
      () => runInBackground('true', [], { timeoutMs: 5 } as never),
      /unknown option `timeoutMs`; valid options: cwd, env, extendEnv/,
    ],
  ])('rejects %s with a TypeError naming it', async (_label, start, message) => {
    await expect(start()).rejects.toThrow(message);
  });
});
