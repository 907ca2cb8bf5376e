#!/usr/bin/env node
// @ts-check
// This repository's build: the shipped hooks (hooks/*.ts) into dist/<name>.cjs and event bundles
// (the same build/ module `hookpack build` runs in a user's project), plus what the package
// ships besides: the CLI (dist/cli.cjs), the SDK as ES modules (dist/sdk) and its declaration
// files (dist/types).
// Usage: node build.mjs [--watch] [--sea [--sea-snapshot]] [--no-code-cache] [--no-typecheck]
//                       [--hooks-dir DIR] [--out-dir DIR]
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BuildError, buildHooks, buildReport, PACKAGE_ROOT, watchHooks, writeAtomic } from './build/index.mjs';
import { writeGuardsPlugin } from './build/guards-plugin.mjs';
import { buildSdk, buildTypes, bundleAdoptRunner, bundleCli, bundleDaemon } from './build/package-artifacts.mjs';

const USAGE =
  'usage: node build.mjs [--watch] [--sea [--sea-snapshot]] [--no-code-cache] [--no-typecheck] [--hooks-dir DIR] [--out-dir DIR]';
const VALID_FLAGS =
  'Valid flags: --watch, --sea, --sea-snapshot, --no-code-cache, --no-typecheck, --hooks-dir DIR, --out-dir DIR';

/** @param {string[]} argv */
function parseCli(argv) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        watch: { type: 'boolean', default: false },
        sea: { type: 'boolean', default: false },
        'sea-snapshot': { type: 'boolean', default: false },
        'no-code-cache': { type: 'boolean', default: false },
        'no-typecheck': { type: 'boolean', default: false },
        'hooks-dir': { type: 'string', default: join(PACKAGE_ROOT, 'hooks') },
        'out-dir': { type: 'string', default: join(PACKAGE_ROOT, 'dist') },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return {
      watch: values.watch === true,
      sea: values.sea === true || values['sea-snapshot'] === true,
      seaSnapshot: values['sea-snapshot'] === true,
      codeCache: values['no-code-cache'] !== true,
      typecheck: values['no-typecheck'] !== true,
      hooksDir: resolve(String(values['hooks-dir'])),
      outDir: resolve(String(values['out-dir'])),
      help: values.help === true,
    };
  } catch (error) {
    throw new BuildError(`${/** @type {Error} */ (error).message}. ${VALID_FLAGS}`);
  }
}

/**
 * Beside the shipped hooks: the CLI (into the same directory), and, for the package's own
 * dist/, the SDK and its declaration files.
 * @param {string} outDir
 */
async function buildPackageArtifacts(outDir) {
  const packageDist = outDir === join(PACKAGE_ROOT, 'dist');
  const [{ code, inputs }, adoptRunner, daemon] = await Promise.all([
    bundleCli(),
    bundleAdoptRunner(),
    bundleDaemon(),
    ...(packageDist ? [buildSdk(join(outDir, 'sdk')), buildTypes(join(outDir, 'types'))] : []),
  ]);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(outDir, { recursive: true });
  writeAtomic(join(outDir, 'cli.cjs'), code, 0o755);
  // The runner `hookpack adopt` copies next to a settings file (lib/adopt/).
  writeAtomic(join(outDir, 'adopt.cjs'), adoptRunner, 0o755);
  // The warm daemon the warm client starts (lib/daemon/, docs/warm.md).
  writeAtomic(join(outDir, 'daemon.cjs'), /** @type {string} */ (daemon), 0o755);
  return inputs;
}

async function main() {
  const options = parseCli(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Hashes and banners are relative to the project: this repository, or for hooks kept elsewhere
  // (--hooks-dir), the directory holding them.
  const inRepository = !relative(PACKAGE_ROOT, options.hooksDir).startsWith('..');
  const buildOptions = { ...options, projectRoot: inRepository ? PACKAGE_ROOT : dirname(options.hooksDir) };
  const outLabel = relative(process.cwd(), options.outDir) || '.';
  if (options.watch) {
    process.stderr.write('watching hooks and lib/ for changes (Ctrl-C to stop)\n');
    return watchHooks(
      buildOptions,
      (result) => process.stderr.write(buildReport(result, outLabel)),
      (error) =>
        process.stderr.write(
          `build failed: ${error instanceof BuildError ? error.message : /** @type {Error} */ (error).stack}\n`,
        ),
    );
  }
  const shippedHooks = options.hooksDir === join(PACKAGE_ROOT, 'hooks');
  const [result, cliInputs] = await Promise.all([
    buildHooks(buildOptions),
    shippedHooks ? buildPackageArtifacts(options.outDir) : Promise.resolve(undefined),
  ]);
  if (cliInputs !== undefined) {
    // inputs.json lists what went into every file in dist/, the CLI's too (test/bundles/contents.test.ts).
    const { readFileSync } = await import('node:fs');
    const inputsFile = join(options.outDir, 'inputs.json');
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    inputs['cli.cjs'] = cliInputs;
    writeAtomic(inputsFile, `${JSON.stringify(inputs, null, 2)}\n`);
  }
  process.stderr.write(buildReport(result, outLabel));
  // The marketplace's plugin is this build of the guards, regenerated only by the build that
  // makes the shipped bundles the way they ship (into dist/, with the code cache).
  if (shippedHooks && options.outDir === join(PACKAGE_ROOT, 'dist') && options.codeCache && !options.sea) {
    const plugin = writeGuardsPlugin({ distDir: options.outDir });
    process.stderr.write(`  plugin ${relative(process.cwd(), plugin.dir) || '.'} ${plugin.bytes} B\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`build failed: ${error instanceof BuildError ? error.message : error.stack}\n`);
  process.exit(1);
});
