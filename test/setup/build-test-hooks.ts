// Builds the runner's test hooks (test/hook-fixtures) once per test run into test/.dist.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default function setup(): void {
  execFileSync(process.execPath, ['build.mjs', '--no-typecheck', '--hooks-dir', 'test/hook-fixtures', '--out-dir', 'test/.dist'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
