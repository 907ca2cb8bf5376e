// dist/hookpack, the single executable of `node build.mjs --sea`, older than dist/manifest.json:
// a later build changed the bundles, but whatever runs the executable still gets the old hooks.
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-sea');
afterAll(cleanup);

function project(name: string, manifest: object, seaAgeMs: number): string {
  const root = join(dir, name);
  writeFile(join(root, 'build.mjs'), '// build\n');
  writeFile(join(root, 'hooks', 'a.ts'), 'export {};\n');
  const old = new Date(Date.now() - 7_200_000);
  utimesSync(join(root, 'hooks', 'a.ts'), old, old);
  writeFile(join(root, 'dist', 'manifest.json'), JSON.stringify(manifest));
  writeFile(join(root, 'dist', 'hookpack'), 'ELF', 0o755);
  const seaTime = new Date(Date.now() - seaAgeMs);
  utimesSync(join(root, 'dist', 'hookpack'), seaTime, seaTime);
  return root;
}

const findingsIn = async (root: string) =>
  (
    JSON.parse((await runCli([doctor], ['doctor', '--json'], { cwd: root, env: cleanEnv(dir) })).stdout) as {
      findings: Finding[];
    }
  ).findings.filter((f) => f.layer === 'build');

describe('hookpack doctor and dist/hookpack', () => {
  it('warns when the single executable is older than the manifest', async () => {
    const root = project('stale', { hooks: [], events: [] }, 1_800_000);
    expect(await findingsIn(root)).toEqual([
      {
        severity: 'warning',
        code: 'stale-sea',
        message:
          'dist/hookpack (the single executable) is 30 min older than dist/manifest.json: it was built before the last build and runs the old hooks',
        fix: 'run `node build.mjs --sea` again, or delete dist/hookpack if nothing runs it',
        layer: 'build',
        path: join(root, 'dist', 'hookpack'),
      },
    ]);
  });

  it('accepts the moment between writing the executable and the manifest of a --sea build', async () => {
    const root = project('fresh', { hooks: [], events: [], sea: { file: 'hookpack' } }, 1_000);
    expect(await findingsIn(root)).toEqual([]);
  });
});
