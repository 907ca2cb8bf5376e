// Builds once per test run, side by side: the runner's test hooks (test/hook-fixtures) into
// test/.dist, this repository's hooks and CLI into the run's sandbox (HOOKPACK_TEST_REPO_DIST,
// see vitest.config.ts), which test/cli/_helpers.ts buildCli copies for each test that needs a
// built CLI of its own (the shared dist/ may be mid-rebuild by other work), and the warm path's
// test hooks with their client (HOOKPACK_TEST_WARM_DIST), which test/lib/daemon/_warm.ts copies
// for each of its files. Removes the run's sandbox (HOOKPACK_HOME etc.) afterwards.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: build/ is plain ES modules with JSDoc types
import { compileWarmClient } from '../../build/warm-client.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

function build(label: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['build.mjs', '--no-typecheck', ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`building ${label} failed:\n${stderr}`))));
  });
}

/**
 * Under `npm test`, test/run-all.mjs builds dist/ beside this setup and writes how that build
 * ended to the file HOOKPACK_TEST_DIST_BUILD_STATUS names: no test may start before dist/ is
 * whole. Run alone (`npx vitest run`), dist/ is whatever was built last, as before.
 */
async function distBuilt(statusFile: string | undefined): Promise<void> {
  if (!statusFile) return;
  // Far beyond any build (a few seconds): reaching it means npm test's runner is gone.
  const until = Date.now() + 600_000;
  while (!existsSync(statusFile)) {
    if (Date.now() > until) throw new Error(`the build of dist/ never reported to ${statusFile}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (readFileSync(statusFile, 'utf8') !== 'ok')
    throw new Error('the build of dist/ failed (npm test prints its output after the tests): no test can run');
}

// Vitest runs this once for each project that lists it (vitest.config.ts): they share one build.
const run = globalThis as { hookpackTestBuild?: Promise<unknown> };

export default async function setup(): Promise<() => void> {
  const repoDist = process.env.HOOKPACK_TEST_REPO_DIST;
  if (!repoDist) throw new Error('HOOKPACK_TEST_REPO_DIST is not set: run the tests through vitest.config.ts');
  const warmDist = process.env.HOOKPACK_TEST_WARM_DIST;
  if (!warmDist) throw new Error('HOOKPACK_TEST_WARM_DIST is not set: run the tests through vitest.config.ts');
  await (run.hookpackTestBuild ??= Promise.all([
    build('the test hooks', ['--hooks-dir', 'test/hook-fixtures', '--out-dir', 'test/.dist']),
    build("the repository's hooks and CLI", ['--out-dir', repoDist]),
    build("the warm path's test hooks", ['--hooks-dir', 'test/lib/daemon/_warm-hooks', '--out-dir', warmDist]),
  ]).then(async () => {
    // The client holds the path of the daemon it starts: this run's, built above. Without a C
    // compiler only the warm path's tests fail (setUpWarm tries again and says why), not the run.
    compileWarmClient(warmDist, { daemonScript: join(repoDist, 'daemon.cjs') });
    await distBuilt(process.env.HOOKPACK_TEST_DIST_BUILD_STATUS);
  }));
  return () => {
    const sandbox = process.env.HOOKPACK_TEST_SANDBOX;
    if (sandbox) rmSync(sandbox, { recursive: true, force: true });
  };
}
