// Black box: the built dist/cli.cjs runs doctor and exits by its findings.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanEnv, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-process');
let cli = '';
beforeAll(() => {
  cli = buildCli(join(dir, 'dist'));
});
afterAll(cleanup);

const doctor = (settings: object, args: string[] = []) => {
  const path = writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
  return spawnSync(process.execPath, [cli, 'doctor', '--settings', path, ...args], {
    cwd: dir,
    env: cleanEnv(dir),
    encoding: 'utf8',
  });
};

describe('node dist/cli.cjs doctor', () => {
  it('exits 1 with a finding for a hook whose file is missing', () => {
    const run = doctor(
      { hooks: { Stop: [{ hooks: [{ type: 'command', command: `node ${join(dir, 'gone.cjs')}`, timeout: 5 }] }] } },
      ['--json'],
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      findings: [{ severity: 'error', code: 'missing-file', layer: 'settings' }],
    });
  });

  it('exits 0 for healthy settings', () => {
    const run = doctor({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'true', timeout: 5 }] }] } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 errors, 0 warnings');
  });

  it('exits 2 on an unknown flag, naming it', () => {
    const run = spawnSync(process.execPath, [cli, 'doctor', '--nope'], {
      cwd: dir,
      env: cleanEnv(dir),
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^hookpack: Unknown option '--nope' for `hookpack doctor`; valid flags: --settings, --json, --help\n$/,
    );
  });
});
