// @ts-check
// Whether the bundles in a directory still match their sources, without building: for
// `hookpack build --check` and `hookpack doctor`. Needs only node (the CLI bundles it).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findHooks } from './hook-files.mjs';
import { staleReasons } from './manifest.mjs';

/**
 * Why the bundles in `outDir` no longer match `hooksDir` (empty when they do).
 * @param {{ hooksDir: string, outDir: string, projectRoot: string, version: string, shortPath?: (file: string) => string }} options
 * @returns {string[]}
 */
export function checkBuild({ hooksDir, outDir, projectRoot, version, shortPath = (file) => relative(process.cwd(), file) || '.' }) {
  const hooks = existsSync(hooksDir) ? findHooks(hooksDir, shortPath) : [];
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  } catch {
    return hooks.length === 0 ? [] : [`${shortPath(join(outDir, 'manifest.json'))} is missing: the hooks were never built`];
  }
  const reasons = staleReasons(manifest, hooks, projectRoot, shortPath(hooksDir), shortPath, version);
  for (const entry of [...(manifest.hooks ?? []), ...(manifest.events ?? [])]) {
    if (!existsSync(join(outDir, entry.file))) reasons.push(`${shortPath(join(outDir, entry.file))} is missing`);
  }
  return reasons;
}
