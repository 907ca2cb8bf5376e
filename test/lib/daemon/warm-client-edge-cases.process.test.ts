// Edge cases of the warm client's own input: where the daemon can't answer as the bundle would,
// the client falls back, and the answer is today's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alive, freshHome, payload, setUpWarm, warmUp, type Warm } from './_warm.ts';

let warm: Warm;
const daemons: number[] = [];

beforeAll(() => {
  warm = setUpWarm();
});
afterEach(() => {
  for (const pid of daemons.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});
afterAll(() => rmSync(warm.dist, { recursive: true, force: true }));

/** Runs `command` in a directory deleted before it starts. */
function inDeletedDir(command: string, input: string, env: NodeJS.ProcessEnv) {
  const gone = join(mkdtempSync(join(tmpdir(), 'hookpack-warm-cwd-')), 'gone');
  mkdirSync(gone);
  const ran = spawnSync('sh', ['-c', `cd "$1" && rmdir "$1" && exec ${command}`, 'sh', gone], { input, env, encoding: 'utf8' });
  return { code: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

describe('the warm client', () => {
  it('runs the bundle for a call from a deleted working directory (the daemon would give the handler an empty cwd)', async () => {
    const { env } = freshHome();
    daemons.push(Number((await warmUp(warm, env)).pid));
    const input = payload('world');
    const warmRan = inDeletedDir(`"${warm.client}" 5 "${warm.bundle}"`, input, env);
    const plain = inDeletedDir(`node "${warm.bundle}"`, input, env);
    expect(warmRan).toEqual(plain);
  });
});
