// doctor in a user's project: committed bundles that no longer match .claude/hooks (by the
// source hashes the build recorded), and hooks that were never built.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommand } from '../../cli/commands/build.ts';
import { doctor } from '../../cli/commands/doctor.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const temp = tempDir('doctor-project-build');
const root = join(temp.dir, 'myapp');
const hook = join(root, '.claude', 'hooks', 'quiet.ts');
const env = cleanEnv(temp.dir);
const findings = async () =>
  (
    JSON.parse((await runCli([doctor], ['doctor', '--json'], { cwd: root, env })).stdout) as { findings: Finding[] }
  ).findings.filter((f) => f.layer === 'build');

beforeAll(() => {
  writeFile(join(root, 'package.json'), '{}\n');
  writeFile(
    hook,
    "import { defineHook } from 'hookpack';\nexport default defineHook({ event: 'Stop', run: () => undefined });\n",
  );
});
afterAll(() => temp.cleanup());

describe("hookpack doctor on a project's own build", () => {
  it('says hooks that were never built are not running', async () => {
    expect(await findings()).toMatchObject([
      { severity: 'warning', code: 'not-built', fix: 'run `hookpack build` and commit .claude/hooks/dist' },
    ]);
  });

  it('is quiet right after a build, and names the source edited since', async () => {
    expect((await runCli([buildCommand], ['build', '--no-typecheck'], { cwd: root, env })).code).toBe(0);
    expect(await findings()).toEqual([]);
    writeFileSync(
      hook,
      "import { defineHook } from 'hookpack';\nexport default defineHook({ event: 'Stop', run: () => undefined, timeout: 3 });\n",
    );
    const [stale] = await findings();
    expect(stale).toMatchObject({ severity: 'warning', code: 'stale-dist' });
    expect(stale?.message).toContain('.claude/hooks/quiet.ts changed since the last build');
  });
});
