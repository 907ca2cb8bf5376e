// `hookpack stats` before any hook has run: a clear message, exit 0, and how to get telemetry.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stats } from '../../cli/commands/stats.ts';
import { cleanEnv, runCli, tempDir } from './_helpers.ts';

const { dir, cleanup } = tempDir('stats-none');
afterAll(cleanup);

describe('hookpack stats without telemetry', () => {
  it('explains where telemetry goes and exits 0', async () => {
    const env = cleanEnv(dir);
    const run = await runCli([stats], ['stats'], { cwd: dir, env });
    expect(run.code).toBe(0);
    const text = run.stdout.replace(/\n  /g, ' ');
    expect(text).toBe(
      `hookpack stats: no telemetry yet at ${join(env.HOOKPACK_HOME as string, 'telemetry.jsonl')}: hookpack hooks append one line per run there (unless HOOKPACK_TELEMETRY=0; HOOKPACK_HOME moves it). Use Claude Code with the hooks installed, then run \`hookpack stats\` again.\n`,
    );
  });

  it('says when telemetry is switched off in this environment', async () => {
    const run = await runCli([stats], ['stats'], { cwd: dir, env: cleanEnv(dir, { HOOKPACK_TELEMETRY: 'off' }) });
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\n  /g, ' ')).toContain('HOOKPACK_TELEMETRY=off turns it off in this environment');
  });

  it('prints an empty JSON document with the note', async () => {
    const run = await runCli([stats], ['stats', '--json'], { cwd: dir, env: cleanEnv(dir) });
    expect(JSON.parse(run.stdout)).toMatchObject({
      files: [],
      runs: 0,
      skipped: 0,
      hooks: [],
      events: [],
      since: null,
    });
  });
});
