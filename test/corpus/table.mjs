#!/usr/bin/env node
// Runs every case of test/corpus/bash-guard/*.json through the built bundle, one real process
// per case (as Claude Code runs it), and prints the per-category markdown table for the README;
// mismatches go to stderr, the table and the list to test/corpus/results/bash-guard.md.
//
//   node test/corpus/table.mjs [--bundle dist/bash-guard.cjs] [--jobs 4]
//
// Exit 0 when every case got its expected verdict, 1 otherwise.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusEnv, loadCorpus, mapPool, markdownTable, outcomeOf, ruleOf, spawnCase, tabulate } from './corpus.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const bundle = resolve(option('--bundle', join(here, '..', '..', 'dist', 'bash-guard.cjs')));
const jobs = Math.max(1, Number(option('--jobs', '4')) || 4);

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-corpus-table-')));
try {
  for (const dir of ['state', 'config', 'xdg-config', 'xdg-cache']) mkdirSync(join(scratch, dir), { mode: 0o700 });
  const env = corpusEnv(scratch);
  const cases = loadCorpus(join(here, 'bash-guard')).flatMap(({ category, cases: list }) =>
    list.map((item, index) => ({ category, item, index })),
  );
  const started = performance.now();
  const runs = await mapPool(cases, jobs, ({ item, index }) => spawnCase(bundle, item, index, env));
  const seconds = (performance.now() - started) / 1000;
  const results = cases.map(({ category, item }, i) => ({
    category,
    item,
    outcome: outcomeOf(runs[i]),
    rule: ruleOf(runs[i].stdout),
  }));
  const table = markdownTable(
    tabulate(results.map(({ category, item, outcome }) => ({ category, expect: item.expect, outcome }))),
  );
  const mismatches = results
    .filter(({ item, outcome }) => outcome !== item.expect)
    .map(
      ({ category, item, outcome, rule }) =>
        `- \`${category}\` ${JSON.stringify(item.command)}: expected ${item.expect}, got ${outcome}${rule ? ` (${rule})` : ''}`,
    );
  process.stdout.write(table);
  process.stderr.write(`\n${cases.length} cases through ${bundle} in ${seconds.toFixed(1)} s (${jobs} at a time)\n`);
  if (mismatches.length > 0) process.stderr.write(`${mismatches.join('\n')}\n`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'bash-guard.md'), `${table}\n${mismatches.join('\n')}\n`);
  process.exitCode = mismatches.length > 0 ? 1 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
