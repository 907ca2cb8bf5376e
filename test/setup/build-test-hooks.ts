// Builds the runner's test hooks (test/hook-fixtures) once per test run into test/.dist, and
// removes the run's sandbox (HOOKPACK_HOME etc., see vitest.config.ts) afterwards.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default function setup(): () => void {
  const result = spawnSync(process.execPath, ['build.mjs', '--no-typecheck', '--hooks-dir', 'test/hook-fixtures', '--out-dir', 'test/.dist'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`building the test hooks failed:\n${result.stderr}`);
  return () => {
    const sandbox = process.env.HOOKPACK_TEST_SANDBOX;
    if (sandbox) rmSync(sandbox, { recursive: true, force: true });
  };
}
