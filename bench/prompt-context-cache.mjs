#!/usr/bin/env node
// What prompt-context's cross-process cache buys: the median wall time of a run whose
// HOOKPACK_HOME is fresh (every source read and parsed, cache entries written) against a run whose
// HOOKPACK_HOME was warmed by an earlier run (the same sources served from the cache), on a
// realistic notes directory: 400 scratch files, 300 knowledge checks, an anti-patterns file of
// 150 sections (~250 KB). Each round also runs the hook with no usable HOOKPACK_HOME (memory-only
// cache: what a run costs with no disk layer at all) and `node -e 0` (the floor), interleaved so
// machine noise hits all four alike. Each run is a new `node dist/prompt-context.cjs`, as Claude
// Code starts it.
// Usage: node bench/prompt-context-cache.mjs [--pairs 30] [--json]   (progress on stderr)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, 'dist', 'prompt-context.cjs');
// lib/cache distrusts stamps younger than this (racy-git window): a file written a moment ago is
// checked by content hash and a fresh directory listing is not cached at all. Real notes are
// older than 3 s, so the benchmark waits this long after writing them (backdating mtimes would
// not do: that sets ctime to now, and the cache checks ctime too).
const RACY_WINDOW_MS = 3000;
const PROMPT =
  'The users table migration fails on the staging database; can you fix the schema and check the auth token refresh before we release?';

const { values: args } = parseArgs({
  options: { pairs: { type: 'string', default: '30' }, json: { type: 'boolean', default: false } },
  strict: true,
});
const PAIRS = Number(args.pairs);
if (!Number.isInteger(PAIRS) || PAIRS < 3) {
  process.stderr.write(`--pairs must be an integer >= 3, got ${args.pairs}\n`);
  process.exit(2);
}
const progress = (line) => process.stderr.write(`${line}\n`);

// A small seeded generator: the same notes on every run and machine.
let seed = 0x2f6b3a1d;
const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = (list) => list[Math.floor(random() * list.length)];
const WORDS = (
  'auth token refresh session cookie login logout user users account billing invoice payment stripe webhook queue worker job ' +
  'retry backoff cache redis postgres database schema migration index query transaction deadlock lock timeout latency metrics ' +
  'tracing logging alert dashboard deploy release rollback staging production canary feature flag config env secret vault ' +
  'docker image build ci pipeline test fixture mock snapshot e2e lint format typecheck bundle esbuild webpack router api ' +
  'graphql rest grpc client server proxy nginx tls certificate dns upload download storage bucket s3 email template i18n ' +
  'locale timezone date parser serializer validation form modal button layout css theme accessibility search pagination sort'
).split(' ');

function writeNotes(project) {
  const claude = join(project, '.claude');
  const scratch = join(claude, 'scratch');
  for (const sub of ['', 'incidents', 'designs', 'spikes']) mkdirSync(join(scratch, sub), { recursive: true });
  for (let i = 0; i < 400; i++) {
    const sub = pick(['', '', 'incidents', 'designs', 'spikes']);
    const name = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}-${pick(WORDS)}-${pick(WORDS)}-${i}.md`;
    writeFileSync(join(scratch, sub, name), `# ${name}\n\nnotes\n`);
  }
  const checks = Array.from({ length: 300 }, (_, i) => ({
    keywords: [pick(WORDS), pick(WORDS), ...(random() < 0.5 ? [pick(WORDS)] : [])],
    check: `Check ${i}: before touching ${pick(WORDS)} code, run \`npm run check:${pick(WORDS)}\` and read docs/${pick(WORDS)}.md; ${pick(WORDS)} and ${pick(WORDS)} must stay in sync.`,
  }));
  writeFileSync(join(claude, 'knowledge-checks.json'), `${JSON.stringify(checks, null, 2)}\n`);
  const sections = ['# Anti-patterns\n\nThings that went wrong before, and what to do instead.\n'];
  for (let i = 0; i < 150; i++) {
    const a = pick(WORDS);
    const b = pick(WORDS);
    const paragraph = () => Array.from({ length: 52 }, () => pick(WORDS)).join(' ');
    sections.push(
      `## ${a[0].toUpperCase()}${a.slice(1)} ${b} shortcut number ${i}\nKeywords: ${a}, ${b}, ${pick(WORDS)}\n\n${paragraph()}.\n\n${paragraph()}.\n\n` +
        `\`\`\`ts\n// don't\nawait ${a}.${b}({ force: true });\n// do\nawait ${a}.${b}({ dryRun: true });\n\`\`\`\n\n${paragraph()}.\n\n${paragraph()}.\n`,
    );
  }
  writeFileSync(join(claude, 'anti-patterns.md'), sections.join('\n'));
  return Buffer.byteLength(readFileSync(join(claude, 'anti-patterns.md')));
}

function runHook(env, payload) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BUNDLE], { env, input: payload, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`prompt-context exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

function baseline(env) {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '0'], { env });
  return performance.now() - started;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (ms) => Math.round(ms * 100) / 100;

function lastTelemetry(home) {
  const lines = readFileSync(join(home, 'telemetry.jsonl'), 'utf8').trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

function main() {
  if (!existsSync(BUNDLE)) {
    progress('dist/prompt-context.cjs is missing: building first');
    const built = spawnSync(process.execPath, [join(ROOT, 'build.mjs'), '--no-typecheck'], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(1);
  }
  const root = mkdtempSync(join(tmpdir(), 'hookpack-bench-prompt-context-'));
  try {
    const project = join(root, 'project');
    const antiPatternBytes = writeNotes(project);
    mkdirSync(join(root, 'config'));
    const payload = `${JSON.stringify({ session_id: 'bench', transcript_path: join(root, 't.jsonl'), cwd: project, hook_event_name: 'UserPromptSubmit', prompt: PROMPT })}\n`;
    // A minimal environment for all three programs alike (NODE_EXTRA_CA_CERTS alone triples Node 20's start).
    const env = (home) => ({
      PATH: process.env.PATH,
      HOME: root,
      CLAUDE_PROJECT_DIR: project,
      HOOKPACK_CONFIG_DIR: join(root, 'config'),
      HOOKPACK_HOME: home,
    });
    progress(
      `notes in ${project}: 400 scratch files, 300 knowledge checks, anti-patterns.md ${antiPatternBytes} bytes; waiting ${RACY_WINDOW_MS} ms for their stamps to age`,
    );
    spawnSync('sleep', [String((RACY_WINDOW_MS + 200) / 1000)]);

    const warm = join(root, 'warm-home');
    const reference = runHook(env(warm), payload).stdout; // warms `warm`
    const check = runHook(env(warm), payload);
    const telemetry = lastTelemetry(warm);
    if (check.stdout !== reference) throw new Error('a cached run answered differently from an uncached one');
    progress(
      `warm run: cacheHits ${telemetry.cacheHits}, cacheMisses ${telemetry.cacheMisses}; context ${JSON.parse(reference).hookSpecificOutput.additionalContext.length} chars`,
    );

    // A HOOKPACK_HOME under a regular file can't be created: the hook runs memory-only.
    writeFileSync(join(root, 'not-a-dir'), '');
    const noDisk = join(root, 'not-a-dir', 'home');
    if (runHook(env(noDisk), payload).stdout !== reference) throw new Error('a memory-only run answered differently');

    const first = [];
    const second = [];
    const memoryOnly = [];
    const base = [];
    // Telemetry's `ms`: from the process's start to its answer, without spawn and exit.
    const firstInProcess = [];
    const secondInProcess = [];
    for (let i = 0; i < PAIRS; i++) {
      const fresh = join(root, `cold-home-${i}`);
      const cold = runHook(env(fresh), payload);
      if (cold.stdout !== reference) throw new Error('an uncached run answered differently');
      first.push(cold.ms);
      firstInProcess.push(lastTelemetry(fresh).ms);
      rmSync(fresh, { recursive: true, force: true });
      second.push(runHook(env(warm), payload).ms);
      secondInProcess.push(lastTelemetry(warm).ms);
      memoryOnly.push(runHook(env(noDisk), payload).ms);
      base.push(baseline(env(warm)));
      if ((i + 1) % 10 === 0) progress(`${i + 1}/${PAIRS} pairs`);
    }
    const result = {
      pairs: PAIRS,
      node: process.version,
      firstRunMedianMs: round(median(first)),
      secondRunMedianMs: round(median(second)),
      memoryOnlyMedianMs: round(median(memoryOnly)),
      nodeBaselineMedianMs: round(median(base)),
      firstRunInProcessMedianMs: round(median(firstInProcess)),
      secondRunInProcessMedianMs: round(median(secondInProcess)),
      ratioSecondToFirst: round(median(second) / median(first)),
      ratioSecondToMemoryOnly: round(median(second) / median(memoryOnly)),
      ratioAboveBaseline: round((median(second) - median(base)) / (median(first) - median(base))),
      warmRunCache: { hits: telemetry.cacheHits, misses: telemetry.cacheMisses },
    };
    if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        `first run (cache miss, fresh HOOKPACK_HOME):  median ${result.firstRunMedianMs} ms\n` +
          `second run (cache hit, warmed HOOKPACK_HOME): median ${result.secondRunMedianMs} ms\n` +
          `no disk cache (HOOKPACK_HOME unusable):       median ${result.memoryOnlyMedianMs} ms\n` +
          `node -e 0 baseline:                           median ${result.nodeBaselineMedianMs} ms\n` +
          `in-process (start to answer, telemetry ms):   first ${result.firstRunInProcessMedianMs} ms, second ${result.secondRunInProcessMedianMs} ms\n` +
          `ratio second/first: ${result.ratioSecondToFirst}; second/no-disk-cache: ${result.ratioSecondToMemoryOnly}; ` +
          `hook's own time (above node -e 0) second/first: ${result.ratioAboveBaseline}\n`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main();
