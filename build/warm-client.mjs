// @ts-check
// The warm client (native/warm-client.c, docs/warm.md), compiled with the system's C compiler for
// this machine: `hookpack install --warm` and `hookpack build` call compileWarmClient.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.mjs';

/** Where the client goes in a dist directory: `warm/` holds a .gitignore of `*` (a binary of one machine is never committed). */
export const WARM_DIR = 'warm';
export const WARM_CLIENT = 'hookpack-warm';
export const CLIENT_SOURCE = join(PACKAGE_ROOT, 'native', 'warm-client.c');
export const DAEMON_SCRIPT = join(PACKAGE_ROOT, 'dist', 'daemon.cjs');

/** @param {string} text */
const cString = (text) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * Compiles the client into `<distDir>/warm/hookpack-warm`, unless the one there was compiled from
 * this source for this daemon. `$CC`, then cc, gcc, clang: the first that runs. No compiler, or a
 * platform without Unix sockets (Windows): `{ reason }`, and installs keep today's commands.
 * @param {string} distDir
 * @param {{ env?: NodeJS.ProcessEnv, daemonScript?: string }} [options]
 * @returns {{ path: string, compiled: boolean } | { reason: string }}
 */
export function compileWarmClient(distDir, options = {}) {
  const env = options.env ?? process.env;
  const daemon = options.daemonScript ?? DAEMON_SCRIPT;
  if (process.platform === 'win32')
    return { reason: 'the warm path needs Unix sockets (Linux, macOS); Windows keeps the plain commands' };
  if (!existsSync(daemon)) return { reason: `${daemon} is missing: build hookpack first` };
  const source = readFileSync(CLIENT_SOURCE, 'utf8');
  const dir = join(distDir, WARM_DIR);
  const path = join(dir, WARM_CLIENT);
  const stampPath = `${path}.stamp`;
  const stamp = JSON.stringify({ source: hashOf(source), daemon });
  try {
    if (existsSync(path) && readFileSync(stampPath, 'utf8') === stamp) return { path, compiled: false };
  } catch {
    // no stamp: compile
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.gitignore'), '*\n');
  const tmp = `${path}.${process.pid}.tmp`;
  const tried = [];
  for (const cc of [env.CC, 'cc', 'gcc', 'clang'].filter((c) => typeof c === 'string' && c !== '')) {
    const result = spawnSync(
      /** @type {string} */ (cc),
      ['-O2', '-o', tmp, `-DHOOKPACK_DAEMON_JS=${cString(daemon)}`, CLIENT_SOURCE],
      { encoding: 'utf8', timeout: 60_000, env },
    );
    if (result.error !== undefined) {
      tried.push(`${cc}: ${/** @type {NodeJS.ErrnoException} */ (result.error).code ?? result.error.message}`);
      continue;
    }
    if (result.status !== 0) {
      rmSync(tmp, { force: true });
      return { reason: `${cc} could not compile ${CLIENT_SOURCE}: ${(result.stderr || '').trim().split('\n')[0]}` };
    }
    chmodSync(tmp, 0o755);
    renameSync(tmp, path);
    writeFileSync(stampPath, stamp);
    return { path, compiled: true };
  }
  return { reason: `no C compiler found (${tried.join(', ')}); install one (cc, gcc or clang) for --warm` };
}

/** @param {string} text */
function hashOf(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}
