// @ts-check
// `npm test`: lint, the build modules' typecheck, the build, every test, the byte budgets. Lint
// and typecheck need nothing built, so they run beside the build and the tests instead of before
// them (~4 s of a two-core machine's wall time); their output is held and printed after the
// tests, each under its name. The build of dist/ runs beside vitest's start and global setup,
// which builds its own outputs meanwhile and waits for this one before any test runs
// (test/setup/build-test-hooks.ts; ~3 s sooner than one after the other): run-all tells it how
// the build ended through a file. Exits 1 when any step failed, after running every step it could.
import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Node 20 loads NODE_EXTRA_CA_CERTS' certificates at every start; no step makes a TLS call (see
// vitest.config.ts, which drops it for the tests' own processes too).
delete process.env.NODE_EXTRA_CA_CERTS;

// Each tool's own JS entry, run by this node: no shell and no .cmd shims, on any platform.
const TOOLS = {
  biome: 'node_modules/@biomejs/biome/bin/biome',
  tsc: 'node_modules/typescript/bin/tsc',
  vitest: 'node_modules/vitest/vitest.mjs',
};

/**
 * Runs a command; its output goes straight through, or is held (`held: true`) and returned.
 * @param {string} file @param {string[]} args @param {{ held?: boolean, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ ok: boolean, output: string }>}
 */
function step(file, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      stdio: options.held ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: options.env ?? process.env,
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ ok: false, output: `cannot run ${file}: ${error.message}\n` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

const checks = [
  { name: 'lint (biome check .)', run: step(process.execPath, [TOOLS.biome, 'check', '.'], { held: true }) },
  {
    name: 'typecheck of build/ (tsc -p tsconfig.build.json)',
    run: step(process.execPath, [TOOLS.tsc, '-p', 'tsconfig.build.json'], { held: true }),
  },
];
/** @type {string[]} */
const failed = [];
const signals = mkdtempSync(join(tmpdir(), 'hookpack-npm-test-'));
const buildStatus = join(signals, 'dist-build');
const build = step(process.execPath, ['build.mjs', '--no-typecheck'], { held: true }).then((result) => {
  // Whole or not at all: the setup reads it as soon as it exists.
  writeFileSync(`${buildStatus}.tmp`, result.ok ? 'ok' : 'failed');
  renameSync(`${buildStatus}.tmp`, buildStatus);
  return result;
});
const tests = step(process.execPath, [TOOLS.vitest, 'run'], {
  env: { ...process.env, HOOKPACK_TEST_DIST_BUILD_STATUS: buildStatus },
});
const built = await build;
const testsOk = (await tests).ok;
rmSync(signals, { recursive: true, force: true });
process.stdout.write(
  `\n${built.ok ? 'ok' : 'FAILED'}: build (node build.mjs --no-typecheck)\n${built.ok ? '' : built.output}`,
);
if (!built.ok) failed.push('build (node build.mjs --no-typecheck)');
if (!testsOk) failed.push('tests (vitest run)');
if (built.ok && !(await step(process.execPath, ['bench/run.mjs', '--check', '--no-timing'])).ok)
  failed.push('byte budgets (node bench/run.mjs --check --no-timing)');
for (const check of checks) {
  const { ok, output } = await check.run;
  process.stdout.write(`\n${ok ? 'ok' : 'FAILED'}: ${check.name}\n${ok ? '' : output}`);
  if (!ok) failed.push(check.name);
}
if (failed.length > 0) {
  process.stderr.write(`\nnpm test failed: ${failed.join('; ')}\n`);
  process.exit(1);
}
