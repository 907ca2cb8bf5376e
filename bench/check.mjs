// `--check`: bundles held to budgets. Byte budgets (bench/budgets.json) are deterministic and
// gate strictly; startup-ratio budgets are measured on shared, noisy machines, so they are
// reported always and fail only when over by a wide margin.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError } from './errors.mjs';

/** Issue 4: a hook bundle starts within 1.2x of `node -e 0`; an event bundle of 17 hooks within 1.5x. */
// adoption: `hookpack adopt`'s runner over the same hooks started directly, in units of `node -e 0` (issue 12).
export const RATIO_BUDGETS = { hook: 1.2, seventeen: 1.5, adoption: 1 };
/** A ratio fails the check only past this multiple of its budget: below it, noise can explain it. */
export const RATIO_FAIL_FACTOR = 2;
/** New entries get this much headroom over today's size. */
const HEADROOM = 1.2;

const BUDGETS_FILE = 'bench/budgets.json';
const n = (v) => v.toLocaleString('en-US');

/** A budget ~20% above `bytes`, rounded up to the next 1,000 (100 below 10 KB). */
export function suggestBudget(bytes) {
  const step = bytes >= 10_000 ? 1000 : 100;
  return Math.ceil((bytes * HEADROOM) / step) * step;
}

/** bench/budgets.json as { "<file>.cjs": bytes }; throws BenchError naming the bad entry. */
export function parseBudgets(text, where = BUDGETS_FILE) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BenchError(
      'E_BENCH_BUDGET',
      `${where} is not valid JSON (${error.message}); it must be an object like { "bash-guard.cjs": 76000 }`,
      { cause: error },
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new BenchError('E_BENCH_BUDGET', `${where} must be an object like { "bash-guard.cjs": 76000 }`);
  for (const [file, limit] of Object.entries(data)) {
    if (!file.endsWith('.cjs') || !Number.isInteger(limit) || limit <= 0) {
      throw new BenchError(
        'E_BENCH_BUDGET',
        `${where}: "${file}": ${JSON.stringify(limit)} is not a budget; each key is a dist/*.cjs file name and each value a positive integer of bytes`,
      );
    }
  }
  return data;
}

export function loadBudgets(root) {
  return parseBudgets(readFileSync(join(root, BUDGETS_FILE), 'utf8'));
}

/** Every dist/*.cjs with its size on disk: the bytes a user's machine loads. */
export function distSizes(distDir) {
  return readdirSync(distDir)
    .filter((f) => f.endsWith('.cjs'))
    .sort()
    .map((file) => ({ file, bytes: statSync(join(distDir, file)).size }));
}

/**
 * Holds each bundle to its byte budget. A bundle without an entry fails too, so every new
 * bundle arrives with a budget. Returns { ok, results: [{ file, bytes, budget, status, message }], unused }.
 */
export function checkBytes(sizes, budgets) {
  const results = sizes.map(({ file, bytes }) => {
    const budget = budgets[file];
    if (budget === undefined) {
      return {
        file,
        bytes,
        budget: null,
        status: 'missing',
        message: `dist/${file} (${n(bytes)} B) has no byte budget: add "${file}": ${suggestBudget(bytes)} to ${BUDGETS_FILE} (about 20% above its size) in the same commit that adds the bundle.`,
      };
    }
    if (bytes > budget) {
      return {
        file,
        bytes,
        budget,
        status: 'over',
        message: `dist/${file} is ${n(bytes)} B, ${n(bytes - budget)} B (${(((bytes - budget) / budget) * 100).toFixed(1)}%) over its budget of ${n(budget)} B. Every byte is parsed on every hook start: find what grew (esbuild's metafile, dist/inputs.json) and cut it; if the growth is intended, raise "${file}" to ${suggestBudget(bytes)} in ${BUDGETS_FILE} in the same commit that makes it grow.`,
      };
    }
    return { file, bytes, budget, status: 'ok', message: `dist/${file}: ${n(bytes)} / ${n(budget)} B` };
  });
  const unused = Object.keys(budgets).filter((file) => !sizes.some((s) => s.file === file));
  return { ok: results.every((r) => r.status === 'ok'), results, unused };
}

/** The ratio budget a timing row is held to, or undefined for rows without one (baselines, experiments). */
export function ratioBudgetFor(row) {
  if (row.section === 'hooks' || row.section === 'events' || row.section === 'project') return RATIO_BUDGETS.hook;
  if (row.section === 'seventeen' && row.name.startsWith('1 bundle')) return RATIO_BUDGETS.seventeen;
  return undefined;
}

/**
 * Startup ratios against their budgets: 'ok', 'over' (reported, not failing: shared machines are
 * noisy) or 'fail' (over RATIO_FAIL_FACTOR x the budget). Returns { ok, results }.
 */
export function checkRatios(rows, factor = RATIO_FAIL_FACTOR) {
  const results = [];
  for (const row of rows) {
    const budget = ratioBudgetFor(row);
    if (budget === undefined || typeof row.ratio !== 'number') continue;
    const gate = Math.round(budget * factor * 100) / 100;
    const status = row.ratio <= budget ? 'ok' : row.ratio <= gate ? 'over' : 'fail';
    const head = `${row.name}: ${row.ratio.toFixed(2)}x node -e 0 (budget ${budget}x`;
    const message =
      status === 'ok'
        ? `${head}) ok`
        : status === 'over'
          ? `${head}) over budget, not failing: the check fails above ${gate}x because timing on a shared machine is noisy; rerun with more --rounds on a quiet machine to confirm`
          : `${head}) fails: over ${gate}x. Find what the bundle loads at start (bytes, require() of heavy modules, work at import time) and move it off the start path`;
    results.push({ name: row.name, ratio: row.ratio, budget, gate, status, message });
  }
  return { ok: results.every((r) => r.status !== 'fail'), results };
}
