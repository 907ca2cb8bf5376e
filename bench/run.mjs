#!/usr/bin/env node
// Cold-start benchmark: every built hook and the payload-validation strategies, each as a new
// process started through `sh -c` (as Claude Code starts hooks), against `node -e 0` measured
// in the same run, interleaved round by round so machine noise hits every program alike.
// Usage: node bench/run.mjs [--rounds N] [--json] [--only name,name]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', '.out');
const FIXTURES = join(ROOT, 'test', 'fixtures');

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
  strict: true,
});
const ROUNDS = Number(args.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 3) {
  process.stderr.write(`--rounds must be an integer >= 3, got ${args.rounds}\n`);
  process.exit(2);
}
const progress = (line) => process.stderr.write(`${line}\n`);
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

function payloadFor(event, matcher) {
  const payload = readJson(join(FIXTURES, `${event}.json`));
  const tool = matcher?.split(/[|,]/)[0]?.trim();
  if (tool && 'tool_name' in payload && tool !== payload.tool_name) {
    return { ...payload, tool_name: tool, tool_input: readJson(join(FIXTURES, 'tools', `${tool}.PreToolUse.json`)).tool_input };
  }
  return payload;
}

function ensureDist() {
  if (!existsSync(join(ROOT, 'dist', 'manifest.json'))) {
    progress('dist/ is missing: building it first');
    const r = spawnSync(process.execPath, [join(ROOT, 'build.mjs')], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(1);
  }
  return readJson(join(ROOT, 'dist', 'manifest.json')).hooks;
}

/** The validation variants: one hook, four ways to check its payload. */
async function buildVariants() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'hooks'), { recursive: true });
  const dir = join(ROOT, 'bench', 'variants');
  const entries = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('_'));
  await esbuild.build({
    entryPoints: entries.map((f) => join(dir, f)),
    outdir: OUT,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    alias: { hookpack: join(ROOT, 'lib', 'index.ts') },
  });
  // The generated validator goes through the real build, exactly as users' hooks do.
  cpSync(join(dir, '_hook.ts'), join(OUT, 'hooks', 'generated-validator.ts'));
  const r = spawnSync(process.execPath, [join(ROOT, 'build.mjs'), '--no-typecheck', '--hooks-dir', join(OUT, 'hooks'), '--out-dir', OUT], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('building the generated-validator variant failed');
  return ['generated-validator', ...entries.map((f) => basename(f, '.ts'))].map((name) => ({ name: `validate: ${name}`, file: join(OUT, `${name}.cjs`) }));
}

function quote(arg) {
  return `'${arg.replace(/'/g, "'\\''")}'`;
}

function runOnce(program) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/bin/sh', ['-c', program.command], { input: program.input, stdio: ['pipe', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== program.expectStatus) {
    throw new Error(`${program.name} exited ${r.status} (expected ${program.expectStatus}): ${String(r.stderr).trim().slice(0, 300)}`);
  }
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};

function shuffle(list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

async function main() {
  const hooks = ensureDist();
  const bashPayload = `${JSON.stringify(payloadFor('PreToolUse', 'Bash'))}\n`;
  const programs = [
    { name: 'node -e 0', command: `${quote(process.execPath)} -e 0`, input: bashPayload, expectStatus: 0, baseline: true },
    { name: '/bin/true', command: '/bin/true', input: bashPayload, expectStatus: 0 },
    ...hooks.map((h) => ({
      name: h.file,
      bytes: h.bytes,
      command: `${quote(process.execPath)} ${quote(join(ROOT, 'dist', h.file))}`,
      input: `${JSON.stringify(payloadFor(h.event, h.matcher))}\n`,
      expectStatus: 0,
    })),
    ...(await buildVariants()).map((v) => ({
      name: v.name,
      bytes: statSync(v.file).size,
      command: `${quote(process.execPath)} ${quote(v.file)}`,
      input: bashPayload,
      expectStatus: 0,
    })),
  ].filter((p) => !args.only || p.baseline || args.only.split(',').some((o) => p.name.includes(o)));

  progress(`warming up ${programs.length} programs`);
  for (const p of programs) for (let i = 0; i < 3; i++) runOnce(p);
  const samples = new Map(programs.map((p) => [p.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of shuffle(programs)) samples.get(p.name).push(runOnce(p));
    if ((round + 1) % 10 === 0) progress(`round ${round + 1}/${ROUNDS}`);
  }
  const base = median(samples.get('node -e 0'));
  const rows = programs.map((p) => {
    const xs = samples.get(p.name);
    return { name: p.name, bytes: p.bytes ?? null, medianMs: +median(xs).toFixed(2), p95Ms: +p95(xs).toFixed(2), ratio: +(median(xs) / base).toFixed(3) };
  });
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', rounds: ROUNDS };
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ machine, rows }, null, 2)}\n`);
    return;
  }
  const line = (cols) => `${cols[0].padEnd(34)}${cols[1].padStart(9)}${cols[2].padStart(10)}${cols[3].padStart(9)}${cols[4].padStart(8)}`;
  process.stdout.write(`${line(['program', 'bytes', 'median ms', 'p95 ms', 'ratio'])}\n`);
  for (const r of rows) {
    process.stdout.write(`${line([r.name.slice(0, 33), r.bytes === null ? '-' : String(r.bytes), r.medianMs.toFixed(1), r.p95Ms.toFixed(1), r.ratio.toFixed(2)])}\n`);
  }
  process.stdout.write(`ratio = median / median of \`node -e 0\` in the same run; ${ROUNDS} interleaved rounds; node ${machine.node}, ${machine.cpus} cores\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.message}\n`);
  process.exit(1);
});
