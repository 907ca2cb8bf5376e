// The hooks refuse a state directory others can write to (a planted cache entry could inject
// context, a planted toggle switch a guard off): then telemetry, caches, breakers and the user
// toggle are silently off. doctor warns, and stats says why there is no telemetry.
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import { stats } from '../../cli/commands/stats.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { cleanEnv, runCli, tempDir } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-state-dir');
afterAll(cleanup);
const env = cleanEnv(dir);
const home = env.HOOKPACK_HOME as string;

describe('hookpack doctor and stats with a refused state directory', () => {
  it('doctor warns that telemetry, caches and breakers are off, and why', async () => {
    mkdirSync(home, { recursive: true });
    chmodSync(home, 0o777);
    const run = await runCli([doctor], ['doctor', '--json'], { cwd: dir, env });
    const finding = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.find(
      (f) => f.code === 'state-dir-refused',
    );
    // The reason is lib/home.ts's own words (unsafeReason); only its gist is pinned here.
    expect(finding).toMatchObject({
      severity: 'warning',
      code: 'state-dir-refused',
      fix: `make it a directory only you can write (\`chmod 700 ${home}\`, owned by you), or set HOOKPACK_HOME to one where Claude Code starts`,
      layer: 'environment',
      path: home,
    });
    expect(finding?.message).toMatch(
      new RegExp(
        `^the hooks refuse their state directory ${home}: .*writable by group or others.*; so they run without it, silently: no telemetry \\(\`hookpack stats\` stays empty\\), no caches, no circuit-breaker state, and \`hookpack disable\` has no effect$`,
      ),
    );
    expect(run.code).toBe(0); // a warning, not an error
  });

  it('stats names the reason when there is no telemetry', async () => {
    const run = await runCli([stats], ['stats'], { cwd: dir, env });
    expect(run.code).toBe(0);
    const text = run.stdout.replace(/\n {2}/g, ' ');
    expect(text).toMatch(
      new RegExp(
        `^hookpack stats: no telemetry at ${join(home, 'telemetry.jsonl')}: the hooks refuse their state directory ${home} \\(.*writable by group or others.*\\), so they write no telemetry there \\(nor caches or breaker state\\); make it a directory only you can write \\(chmod 700\\), or set HOOKPACK_HOME to one, then use Claude Code for a while\\.\n$`,
      ),
    );
  });

  it('says nothing once the directory is private, or while it does not exist yet', async () => {
    chmodSync(home, 0o700);
    const codes = async (e: NodeJS.ProcessEnv) =>
      (
        JSON.parse((await runCli([doctor], ['doctor', '--json'], { cwd: dir, env: e })).stdout) as {
          findings: Finding[];
        }
      ).findings.map((f) => f.code);
    expect(await codes(env)).not.toContain('state-dir-refused');
    expect(await codes(cleanEnv(dir, { HOOKPACK_HOME: join(dir, 'not-yet') }))).not.toContain('state-dir-refused');
  });
});
