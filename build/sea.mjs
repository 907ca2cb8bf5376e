// @ts-check
// `--sea`: one Node single executable (~100 MB: a copy of node) holding every hook and event
// bundle. V8 code cache by default; `--sea-snapshot` uses a startup snapshot instead, which wins
// only for heavy bundles (measured: README "Single executable").
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildError } from './errors.mjs';
import { PACKAGE_ROOT } from './package-root.mjs';

export const SEA_FILE = 'hookpack';
/** Node's single-executable fuse (the same in every Node release that supports SEA). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * Runs a tool to completion; its output becomes the error message when it fails.
 * @param {string} file @param {string[]} args @param {string} what
 * @returns {Promise<string>}
 */
export function runTool(file, args, what) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (error) => reject(new BuildError(`${what}: ${error.message}`)));
    child.on('close', (code) =>
      code === 0 ? resolveRun(out) : reject(new BuildError(`${what} failed (exit ${code}):\n${out.trim()}`)),
    );
  });
}

/** postject's CLI, wherever npm put it. */
function postjectCli() {
  try {
    return createRequire(join(PACKAGE_ROOT, 'package.json')).resolve('postject/dist/cli.js');
  } catch {
    const local = join(PACKAGE_ROOT, 'node_modules', 'postject', 'dist', 'cli.js');
    if (existsSync(local)) return local;
    throw new BuildError('--sea needs postject: run npm install --save-dev postject');
  }
}

/**
 * Writes `<outDir>/hookpack` from the dispatcher bundle's code.
 * @param {string} dispatcherCode
 * @param {string} outDir
 * @param {boolean} snapshot
 */
export async function writeSingleExecutable(dispatcherCode, outDir, snapshot) {
  if (process.platform !== 'linux') {
    throw new BuildError(
      `--sea is supported on Linux only for now (macOS needs the binary re-signed, Windows an .exe); this is ${process.platform}. The plain bundles work everywhere`,
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'hookpack-sea-'));
  try {
    const main = join(work, 'dispatch.cjs');
    writeFileSync(main, dispatcherCode);
    const blob = join(work, 'sea.blob');
    const config = join(work, 'sea-config.json');
    writeFileSync(
      config,
      JSON.stringify({
        main,
        output: blob,
        disableExperimentalSEAWarning: true,
        ...(snapshot ? { useSnapshot: true } : { useCodeCache: true }),
      }),
    );
    await runTool(process.execPath, ['--experimental-sea-config', config], 'node --experimental-sea-config');
    const target = join(outDir, SEA_FILE);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, readFileSync(process.execPath));
    chmodSync(tmp, 0o755);
    await runTool(
      process.execPath,
      [postjectCli(), tmp, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE],
      'postject',
    );
    renameSync(tmp, target);
    return {
      file: SEA_FILE,
      bytes: statSync(target).size,
      node: process.version,
      mode: snapshot ? 'snapshot' : 'code-cache',
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
