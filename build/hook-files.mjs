// @ts-check
// The hook files of a hooks directory. No dependency beyond node: the CLI bundles this module
// (through check.mjs) to tell a stale build without loading the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BuildError } from './errors.mjs';

/** Hook names become file names and settings.json commands: keep them shell- and path-safe. */
const HOOK_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** Names whose bundle file hookpack uses itself (dist/cli.cjs is the CLI). */
const RESERVED = new Set(['cli']);

/** @typedef {{ name: string, file: string }} HookFile */

/**
 * `<hooksDir>/*.ts`: every TypeScript file directly in the directory except declaration files,
 * tests (`*.test.ts`, `*.spec.ts`) and `_`-prefixed helpers shared between hooks. Other files
 * (Python scripts, tsconfig.json, dist/) are left alone.
 * @param {string} hooksDir
 * @param {(file: string) => string} shortPath
 * @returns {HookFile[]}
 */
export function findHooks(hooksDir, shortPath) {
  if (!existsSync(hooksDir))
    throw new BuildError(
      `no hooks directory at ${shortPath(hooksDir)}: create it and add <name>.ts hook files (hookpack init makes one)`,
    );
  if (!statSync(hooksDir).isDirectory())
    throw new BuildError(`${shortPath(hooksDir)} is not a directory: move that file away, then run hookpack init`);
  const all = readdirSync(hooksDir, { withFileTypes: true })
    .filter(
      (entry) =>
        !entry.isDirectory() &&
        entry.name.endsWith('.ts') &&
        !/\.(d|test|spec)\.ts$/.test(entry.name) &&
        !entry.name.startsWith('_'),
    )
    .map((entry) => ({ name: basename(entry.name, '.ts'), file: join(hooksDir, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const hook of all) {
    if (RESERVED.has(hook.name)) {
      throw new BuildError(
        `${shortPath(hook.file)}: "${hook.name}" is reserved (dist/${hook.name}.cjs is hookpack's own); rename the hook`,
      );
    }
    if (!HOOK_NAME.test(hook.name)) {
      throw new BuildError(
        `${shortPath(hook.file)}: hook file names must be lowercase letters, digits, '.', '_' or '-' (they become commands in settings.json); rename it, or prefix it with _ if it is a helper`,
      );
    }
  }
  return all;
}
