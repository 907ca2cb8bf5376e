// @ts-check
// The manifest a build writes next to its bundles (what the CLI installs from), with a hash of
// every source file of the project that went into each bundle, so `hookpack build --check` and
// `hookpack doctor` can tell when a committed bundle no longer matches its sources.
import { sha256 } from './sha256.mjs';
import { readFileSync } from 'node:fs';
import { readBounded } from './bounded-read.mjs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { BuildError } from './errors.mjs';

/** Sources larger than this are not hashed (a hook's source is kilobytes). */
const SOURCE_CAP = 16 * 1024 * 1024;

/**
 * A file's content hash, short (collisions do not matter here: this detects edits). Line endings
 * are normalised, so a checkout with CRLF (core.autocrlf) is not "changed". Read bounded and
 * non-blocking: the manifest a repository commits names these paths.
 * @param {string} path
 * @returns {string | undefined}
 */
export function fileHash(path) {
  const bytes = readBounded(path, SOURCE_CAP);
  if (bytes === undefined) return undefined;
  const text = bytes.includes(13) ? Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1') : bytes;
  return sha256().update(text).digest('hex').slice(0, 16);
}

/**
 * The project's own files among a bundle's inputs (not node_modules, nothing outside the
 * project), by path relative to the project, with their hashes.
 * @param {string[]} inputs absolute paths
 * @param {string} projectRoot
 * @returns {Record<string, string>}
 */
export function sourceHashes(inputs, projectRoot) {
  /** @type {Record<string, string>} */
  const sources = {};
  for (const input of [...inputs].sort()) {
    const rel = relative(projectRoot, input);
    if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('node_modules')) continue;
    sources[rel.split(sep).join('/')] = fileHash(input) ?? 'missing';
  }
  return sources;
}

/**
 * What is stale about a build, one line each: sources edited, added or removed since, a hook
 * file with no bundle, or another hookpack version.
 * @param {any} manifest
 * @param {{ name: string, file: string }[]} hookFiles the hook files there now
 * @param {string} projectRoot
 * @param {string} hooksLabel
 * @param {(file: string) => string} shortPath
 * @param {string} version the hookpack version installed now
 * @returns {string[]}
 */
export function staleReasons(manifest, hookFiles, projectRoot, hooksLabel, shortPath, version) {
  const reasons = [];
  if (manifest.hookpack !== version)
    reasons.push(
      manifest.hookpack === undefined
        ? 'built by a hookpack before 0.2, which recorded no source hashes'
        : `built with hookpack ${manifest.hookpack}; ${version} is installed`,
    );
  const built = new Set((manifest.hooks ?? []).map((/** @type {any} */ h) => h.name));
  for (const hook of hookFiles)
    if (!built.has(hook.name)) reasons.push(`${hooksLabel}/${hook.name}.ts has no bundle yet`);
  const present = new Set(hookFiles.map((h) => h.name));
  for (const name of built)
    if (!present.has(name)) reasons.push(`${name} was built, but its source ${hooksLabel}/${name}.ts is gone`);
  /** @type {Set<string>} */
  const changed = new Set();
  for (const entry of [...(manifest.hooks ?? []), ...(manifest.events ?? [])]) {
    for (const [file, hash] of Object.entries(entry.sources ?? {})) {
      // Only paths inside the project: a manifest is committed, so it is the repository's word.
      if (isAbsolute(file) || file.split(/[\\/]/).includes('..')) continue;
      if (fileHash(join(projectRoot, file)) !== hash) changed.add(file);
    }
  }
  for (const file of [...changed].sort())
    reasons.push(`${shortPath(join(projectRoot, file))} changed since the last build`);
  return reasons;
}

/**
 * Holds every bundle to the project's byte budget, when it sets one (`budgets.json` in the
 * hooks directory: `{ "on-PreToolUse.cjs": 120000 }`).
 * @param {{ file: string, bytes: number }[]} entries
 * @param {Record<string, number> | undefined} budgets
 * @param {string} budgetsLabel
 */
export function checkBudgets(entries, budgets, budgetsLabel) {
  if (budgets === undefined) return;
  const over = entries.filter(
    (e) => typeof budgets[e.file] === 'number' && e.bytes > /** @type {number} */ (budgets[e.file]),
  );
  if (over.length > 0) {
    throw new BuildError(
      over
        .map(
          (e) =>
            `${e.file} is ${e.bytes} bytes, over its budget of ${budgets[e.file]} in ${budgetsLabel}: make it smaller (import less; check what went in with hookpack build --inputs) or raise the budget there`,
        )
        .join('\n'),
    );
  }
}

/**
 * Reads `budgets.json`, if the project has one.
 * @param {string} path
 * @param {string} label
 * @returns {Record<string, number> | undefined}
 */
export function readBudgets(path, label) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BuildError(
      `${label} is not valid JSON (${/** @type {Error} */ (error).message}): write { "<bundle>.cjs": <max bytes> }`,
    );
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data) ||
    !Object.values(data).every((v) => Number.isInteger(v) && v > 0)
  ) {
    throw new BuildError(
      `${label} must map bundle file names to positive whole byte counts, e.g. { "on-PreToolUse.cjs": 120000 }`,
    );
  }
  return data;
}
