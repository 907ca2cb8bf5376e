// doctor in a hookpack project whose hooks/ holds an Emacs lock file: `.#bash-guard.ts`, a
// symlink to nowhere. The stale-dist check must skip it (and any dot-file), not crash on stat.
import { symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-dangling');
afterAll(cleanup);

describe('hookpack doctor with a dangling *.ts symlink in hooks/', () => {
  it('skips the lock file and still reports a stale dist', async () => {
    writeFile(join(dir, 'build.mjs'), '// build\n');
    writeFile(join(dir, 'dist', 'manifest.json'), '{"hooks":[],"events":[]}\n');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, 'dist', 'manifest.json'), old, old);
    writeFile(join(dir, 'hooks', 'bash-guard.ts'), 'export {};\n');
    symlinkSync('user@host.12345:1700000000', join(dir, 'hooks', '.#bash-guard.ts'));
    writeFile(join(dir, 'lib', 'x.ts'), 'export {};\n');
    symlinkSync(join(dir, 'gone.ts'), join(dir, 'lib', 'gone.ts')); // not a dot-file: counted by its own time, no crash

    const run = await runCli([doctor], ['doctor', '--json'], { cwd: dir, env: cleanEnv(dir) });
    expect(run.stderr).toBe('');
    const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
    expect(findings.map((f) => f.code)).toContain('stale-dist');
  });

  it('does not count a project whose only hooks/*.ts is a dot-file as a hookpack project', async () => {
    const other = join(dir, 'other');
    writeFile(join(other, 'build.mjs'), '// build\n');
    writeFile(join(other, 'hooks', 'README.md'), 'x\n');
    symlinkSync('user@host.1:1', join(other, 'hooks', '.#a.ts'));
    const run = await runCli([doctor], ['doctor', '--json'], { cwd: other, env: cleanEnv(dir) });
    expect((JSON.parse(run.stdout) as { findings: Finding[] }).findings.map((f) => f.code)).not.toContain('not-built');
  });
});
