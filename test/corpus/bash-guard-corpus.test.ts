// The bash-guard corpus (test/corpus/README.md) as a table: every case of every
// test/corpus/bash-guard/<category>.json must get its expected verdict. Every case goes through
// the hook's own handler and renderer in this process (lib/testing.ts runHookInProcess: the same
// answer the bundle prints); a sample — the first case of each rule that answered and every 25th
// case of each category — also goes through the built dist/bash-guard.cjs as a real process,
// which must print exactly the same answer. Spawning every case would cost 20-30 ms each on two
// cores (measured: see the README), too slow for `npm test` once the corpus holds 1,000 cases;
// `node test/corpus/table.mjs` runs all of them through the bundle.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bashGuard from '../../hooks/bash-guard.ts';
import { runHookInProcess, type InProcessRun } from '../../lib/testing.ts';
import {
  corpusEnv,
  loadCorpus,
  mapPool,
  markdownTable,
  outcomeOf,
  payloadFor,
  ruleOf,
  spawnCase,
  tabulate,
  type CorpusCase,
  type Outcome,
} from './corpus.mjs';

const CORPUS_DIR = fileURLToPath(new URL('./bash-guard', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL('./results', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/bash-guard.cjs', import.meta.url));
const files = loadCorpus(CORPUS_DIR);

interface Judged {
  category: string;
  index: number;
  item: CorpusCase;
  run: InProcessRun;
  outcome: Outcome;
  rule: string | undefined;
}

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-corpus-')));
const env = corpusEnv(scratch);
const judged = new Map<string, Judged>();

/** The handler's answer to one case, computed once (the sample test reuses it). */
async function judge(category: string, item: CorpusCase, index: number): Promise<Judged> {
  const key = `${category}#${index}`;
  let found = judged.get(key);
  if (found === undefined) {
    const run = await runHookInProcess(bashGuard, payloadFor(item, index), {
      name: 'bash-guard',
      env: {
        HOME: env.HOME,
        CLAUDE_PROJECT_DIR: env.CLAUDE_PROJECT_DIR,
        HOOKPACK_CONFIG_DIR: env.HOOKPACK_CONFIG_DIR,
        XDG_CONFIG_HOME: env.XDG_CONFIG_HOME,
      },
    });
    found = { category, index, item, run, outcome: outcomeOf(run), rule: ruleOf(run.stdout) };
    judged.set(key, found);
  }
  return found;
}

const label = (item: CorpusCase): string => {
  const line = item.command.replace(/\n/g, '⏎');
  return `${line.length > 70 ? `${line.slice(0, 69)}…` : line} → ${item.expect}`;
};

beforeAll(() => {
  for (const dir of ['state', 'config', 'xdg-config', 'xdg-cache'])
    mkdirSync(join(scratch, dir), { recursive: true, mode: 0o700 });
});

afterAll(() => {
  // The table of this run, for test/corpus/README.md's readers (git-ignored; table.mjs makes the README's).
  const rows = tabulate(
    [...judged.values()].map(({ category, item, outcome }) => ({ category, expect: item.expect, outcome })),
  );
  const mismatches = [...judged.values()].filter((j) => j.outcome !== j.item.expect);
  try {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const list = mismatches.map(
      (j) =>
        `- \`${j.category}\` ${JSON.stringify(j.item.command)}: expected ${j.item.expect}, got ${j.outcome}${j.rule ? ` (${j.rule})` : ''}`,
    );
    writeFileSync(join(RESULTS_DIR, 'bash-guard-in-process.md'), `${markdownTable(rows)}\n${list.join('\n')}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

describe.each(files)('bash-guard corpus: $category', ({ category, cases }) => {
  it.each(cases.map((item, index) => ({ name: label(item), item, index })))('$name', async ({ item, index }) => {
    const { outcome, run } = await judge(category, item, index);
    const why = run.stdout.trim() || run.stderr.trim() || '(no output: allowed)';
    expect(outcome, `${JSON.stringify(item.command)}\n  source: ${item.source}\n  answer: ${why}`).toBe(item.expect);
  });
});

describe('bash-guard corpus through the built bundle', () => {
  it('prints exactly the answer of the handler for the first case of each rule and every 25th case', async () => {
    const all: Judged[] = [];
    for (const { category, cases } of files) {
      for (const [index, item] of cases.entries()) all.push(await judge(category, item, index));
    }
    const seen = new Set<string>();
    const sample = all.filter((j) => {
      const kind = `${j.outcome}:${j.rule ?? ''}`;
      const firstOfKind = j.outcome !== 'allow' && !seen.has(kind);
      seen.add(kind);
      return firstOfKind || j.index % 25 === 0;
    });
    const runs = await mapPool(sample, 3, (j) => spawnCase(BUNDLE, j.item, j.index, env));
    const differences = sample
      .map((j, i) => ({ j, bundle: runs[i] }))
      .filter(({ j, bundle }) => bundle?.stdout !== j.run.stdout || bundle.exitCode !== j.run.exitCode)
      .map(
        ({ j, bundle }) =>
          `${j.category} ${JSON.stringify(j.item.command)}: bundle exit ${bundle?.exitCode} ${bundle?.stdout.trim() || '(no output)'} ${bundle?.stderr.trim() ?? ''}\n  handler exit ${j.run.exitCode} ${j.run.stdout.trim() || '(no output)'}`,
      );
    expect(sample.length).toBeGreaterThan(files.length);
    expect(sample.length).toBeLessThan(150); // each is a process: keep the suite fast as the corpus grows
    expect(differences).toEqual([]);
  }, 180_000);
});
