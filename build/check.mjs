// @ts-check
// Whether the bundles in a directory still match their sources, without building: for
// `hookpack build --check` and `hookpack doctor`. Needs only node (the CLI bundles it).
import { existsSync } from 'node:fs';
import { readBounded } from './bounded-read.mjs';

/** A manifest is kilobytes; anything larger is not one of ours. */
const MANIFEST_CAP = 4 * 1024 * 1024;
import { join, relative } from 'node:path';
import { findHooks } from './hook-files.mjs';
import { staleReasons } from './manifest.mjs';

/**
 * Why the bundles in `outDir` no longer match `hooksDir` (empty when they do).
 * @param {{ hooksDir: string, outDir: string, projectRoot: string, version: string, shortPath?: (file: string) => string }} options
 * @returns {string[]}
 */
export function checkBuild({
  hooksDir,
  outDir,
  projectRoot,
  version,
  shortPath = (file) => relative(process.cwd(), file) || '.',
}) {
  const hooks = existsSync(hooksDir) ? findHooks(hooksDir, shortPath) : [];
  let manifest;
  const bytes = readBounded(join(outDir, 'manifest.json'), MANIFEST_CAP);
  try {
    if (bytes === undefined) throw new Error('missing');
    manifest = JSON.parse(bytes.toString('utf8'));
    if (typeof manifest !== 'object' || manifest === null) throw new Error('not an object');
  } catch {
    return hooks.length === 0
      ? []
      : [
          `${shortPath(join(outDir, 'manifest.json'))} is missing or unreadable (not a regular file of JSON under 4 MiB): the hooks were never built`,
        ];
  }
  const reasons = staleReasons(manifest, hooks, projectRoot, shortPath(hooksDir), shortPath, version);
  for (const entry of [...(manifest.hooks ?? []), ...(manifest.events ?? [])]) {
    if (!existsSync(join(outDir, entry.file))) reasons.push(`${shortPath(join(outDir, entry.file))} is missing`);
  }
  return reasons;
}
