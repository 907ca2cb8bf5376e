// `hookpack stats` when telemetry.jsonl is not a regular file: a FIFO in its place (nothing ever
// writes to it) must not block the open forever; it is read as no telemetry, never waited on.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, cleanEnv, tempDir } from './_helpers.ts';

const { dir, cleanup } = tempDir('stats-fifo');
afterAll(cleanup);

describe('hookpack stats with a telemetry file that is not a regular file', () => {
  it('a FIFO with no writer is skipped, not opened and waited on', () => {
    const cli = buildCli(join(dir, 'dist'));
    const env = cleanEnv(dir);
    const home = env.HOOKPACK_HOME as string;
    mkdirSync(home, { recursive: true, mode: 0o700 });
    expect(spawnSync('mkfifo', [join(home, 'telemetry.jsonl')]).status).toBe(0);
    // The timeout only ends a run that blocked, so this test fails instead of hanging.
    const run = spawnSync(process.execPath, [cli, 'stats', '--all'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no telemetry/);
  }, 60_000);
});
