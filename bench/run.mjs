#!/usr/bin/env node
// hookpack's startup benchmark (`npm run bench`). Every built hook and event bundle, the
// baselines (`node -e 0`, `/bin/true`, bash-guard in Python), the 17-hook "today's setup"
// scenario, the NODE_EXTRA_CA_CERTS trap and the payload-validation variants, each started as a
// new process through `sh -c` with a realistic payload, in interleaved shuffled rounds; then
// peak RSS and in-process timings. Table on stdout (or --json), progress on stderr, results in
// bench/results/. Each step lives in its own module; this file only wires them together and is
// the one place where errors become exit codes. Usage: node bench/run.mjs --help
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAdopted } from './adopted.mjs';
import { prepareWarm } from './warm.mjs';
import { buildProject, buildSeventeen, buildVariants, ensureDist } from './builds.mjs';
import { renderSvg } from './chart.mjs';
import { checkBytes, checkRatios, distSizes, loadBudgets, RATIO_BUDGETS, ratioBudgetFor } from './check.mjs';
import { BenchError } from './errors.mjs';
import { runInProcess } from './in-process.mjs';
import { parseOptions, USAGE } from './options.mjs';
import { BASELINE_ID, benchEnv, caBundle, findPython, listPrograms, SECTIONS, selectPrograms } from './programs.mjs';
import { measureRss } from './rss.mjs';
import { runOnce, sample } from './sampler.mjs';
import { ratio, summarize } from './stats.mjs';
import { renderTable, wrap } from './table.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const OUT = join(BENCH, '.out');
const RESULTS = join(BENCH, 'results');
const progress = (line) => process.stderr.write(`bench: ${line}\n`);
const round2 = (v) => Math.round(v * 100) / 100;

function machineInfo() {
  const cpu = cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    os: release(),
    cpu: cpu[0]?.model?.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadavg: loadavg().map(round2),
  };
}

/** The byte budgets alone: no build of the scenarios, no timing (`--check --no-timing`). */
async function bytesCheck() {
  await ensureDist(ROOT, progress);
  return checkBytes(distSizes(join(ROOT, 'dist')), loadBudgets(ROOT));
}

function checkLines(bytes, ratios) {
  const lines = bytes.results.map((r) => `${r.status === 'ok' ? 'ok  ' : 'FAIL'} bytes ${r.message}`);
  for (const file of bytes.unused)
    lines.push(
      `note bytes bench/budgets.json has "${file}" but dist/ has no such bundle; remove the entry if the bundle is gone`,
    );
  for (const r of ratios?.results ?? [])
    lines.push(`${r.status === 'ok' ? 'ok  ' : r.status === 'over' ? 'over' : 'FAIL'} ratio ${r.message}`);
  return lines;
}

/** Does each guard deny `rm -rf /`? The Python baseline is only a fair comparison if it does the same job. */
async function sameJob(programs) {
  const notes = [];
  for (const id of ['baselines:python3 bash_guard.py', 'hooks:bash-guard.cjs']) {
    const program = programs.find((p) => p.id === id);
    if (!program) continue;
    const payload = JSON.parse(program.input);
    const input = `${JSON.stringify({ ...payload, tool_input: { ...payload.tool_input, command: 'rm -rf /' } })}\n`;
    try {
      const { outputs } = await runOnce({ ...program, input });
      if (!outputs[0].includes('"deny"'))
        notes.push(`${program.name} did not deny \`rm -rf /\`: the comparison with the Python guard is off`);
    } catch (error) {
      notes.push(`${program.name} failed on \`rm -rf /\`: ${error.message}`);
    }
  }
  return notes;
}

function toRows(programs, samples, rss) {
  const base = summarize(samples.get(`baselines:${BASELINE_ID}`)).median;
  return programs.map((p) => {
    const s = summarize(samples.get(p.id));
    const row = {
      id: p.id,
      section: p.section,
      name: p.name,
      bytes: p.bytes,
      medianMs: round2(s.median),
      p95Ms: round2(s.p95),
      minMs: round2(s.min),
      maxMs: round2(s.max),
      runs: s.n,
      ratio: ratio(s.median, base),
      rssMb: rss.mb?.get(p.id) ?? null,
      processes: p.commands.length,
      note: p.note,
      commands: p.commands,
    };
    if (p.baseline) row.baseline = true;
    const budget = ratioBudgetFor(row);
    if (budget !== undefined) row.budget = budget;
    return row;
  });
}

/** The sections of the table and the chart, with each scenario's summary lines. */
function sectionsOf(rows, { skipped, python, warmDaemon }) {
  const by = (section) => rows.filter((r) => r.section === section);
  const find = (id) => rows.find((r) => r.id === id);
  const notes = {
    baselines: [],
    hooks: [],
    events: [],
    variants: [],
    seventeen: [],
    adopted: [],
    project: [],
    ca: [],
    sea: [],
    warm: [],
  };
  if (python)
    notes.baselines.push(
      `python3 is ${python}, started directly (a pyenv shim in front of it adds ~80 ms); no -S/-I, as users run it.`,
    );
  else notes.baselines.push('python3 not found: no Python baseline.');
  if (skipped.length) notes.hooks.push(`not timed (not in dist/manifest.json, so not a hook): ${skipped.join(', ')}`);

  const many = rows.find((r) => r.section === 'seventeen' && r.processes > 1);
  const one = rows.find((r) => r.section === 'seventeen' && r.processes === 1);
  if (many && one) {
    notes.seventeen.push(
      `17 processes / 1 bundle: ${(many.medianMs / one.medianMs).toFixed(2)}x wall time (${many.medianMs.toFixed(0)} vs ${one.medianMs.toFixed(0)} ms)${many.rssMb && one.rssMb ? `, ${(many.rssMb / one.rssMb).toFixed(1)}x memory (${many.rssMb.toFixed(0)} vs ${one.rssMb.toFixed(0)} MB)` : ''}.`,
    );
    notes.seventeen.push(
      `1 bundle of 17 hooks vs node -e 0: ${one.ratio.toFixed(2)}x (target <= ${RATIO_BUDGETS.seventeen}x): ${one.ratio <= RATIO_BUDGETS.seventeen ? 'met' : 'missed'}.`,
    );
  }
  const direct = find('adopted:5 processes at once');
  const runner = find('adopted:1 runner: adopt.cjs');
  const floor = find(`baselines:${BASELINE_ID}`);
  if (direct && runner && floor) {
    // The budget (issue 12): adoption costs at most one `node -e 0` per event over the hooks themselves.
    const overhead = runner.medianMs - direct.medianMs;
    const inNodes = overhead / floor.medianMs;
    notes.adopted.push(
      `adoption overhead = runner - direct = ${overhead.toFixed(1)} ms per event = ${inNodes.toFixed(2)} x node -e 0 (${floor.medianMs.toFixed(1)} ms); budget <= ${RATIO_BUDGETS.adoption} x: ${inNodes <= RATIO_BUDGETS.adoption ? 'met' : 'missed'}.`,
    );
  }
  const warmRunner = find('adopted:1 runner, warm: hookpack-warm adopt.cjs');
  if (direct && warmRunner && floor) {
    const overhead = warmRunner.medianMs - direct.medianMs;
    const inNodes = overhead / floor.medianMs;
    notes.adopted.push(
      `adoption overhead, warm (adopt --warm) = ${overhead.toFixed(1)} ms per event = ${inNodes.toFixed(2)} x node -e 0; budget <= ${RATIO_BUDGETS.adoption} x: ${inNodes <= RATIO_BUDGETS.adoption ? 'met' : 'missed'}.`,
    );
  } else if (!python) notes.adopted.push('python3 not found: the adoption scenario was not timed.');
  const projectEvent = rows.find((r) => r.section === 'project' && r.name === 'project on-PreToolUse.cjs');
  if (projectEvent)
    notes.project.push(
      `a project's guards (bash-guard, file-guard and the example hook in one on-PreToolUse.cjs) vs node -e 0: ${projectEvent.ratio.toFixed(2)}x (target <= ${RATIO_BUDGETS.hook}x): ${projectEvent.ratio <= RATIO_BUDGETS.hook ? 'met' : 'missed'}.`,
    );
  const set = find('ca:NODE_EXTRA_CA_CERTS set');
  const envU = find('ca:set, started via env -u');
  const unset = find('ca:unset');
  if (set && envU && unset) {
    notes.ca.push(
      `set costs ${(set.medianMs / unset.medianMs).toFixed(2)}x the unset start (+${(set.medianMs - unset.medianMs).toFixed(0)} ms); \`env -u NODE_EXTRA_CA_CERTS node …\` brings it to ${(envU.medianMs / unset.medianMs).toFixed(2)}x.`,
    );
  }
  const warmRow = find('warm:warm on-PreToolUse.cjs (hot)');
  const fallbackRow = find('warm:fallback: daemon unusable');
  const today = find('events:on-PreToolUse.cjs');
  const heavyCold = find('warm:heavy hook, cold: node heavy-rules.cjs');
  const heavyWarm = find('warm:heavy hook, warm');
  if (warmRow && fallbackRow && today) {
    // The goals of issue 13: warm <= 0.3x node -e 0; the fallback <= 1.05x today's command.
    notes.warm.push(
      `warm vs node -e 0: ${warmRow.ratio.toFixed(2)}x (goal <= 0.3x): ${warmRow.ratio <= 0.3 ? 'met' : 'missed'}; fallback vs today's node on-PreToolUse.cjs: ${(fallbackRow.medianMs / today.medianMs).toFixed(2)}x (goal <= 1.05x): ${fallbackRow.medianMs / today.medianMs <= 1.05 ? 'met' : 'missed'}.`,
    );
  }
  if (heavyCold && heavyWarm)
    notes.warm.push(
      `heavy hook: cold ${heavyCold.medianMs.toFixed(1)} ms, warm ${heavyWarm.medianMs.toFixed(1)} ms (${(heavyCold.medianMs / heavyWarm.medianMs).toFixed(1)}x faster).`,
    );
  if (warmDaemon?.reason) notes.warm.push(`not timed: ${warmDaemon.reason}`);
  const memory = warmDaemon?.daemonStatus?.memory;
  if (memory)
    notes.warm.push(
      `the daemon after the run: ${(memory.rssBytes / 2 ** 20).toFixed(0)} MB resident, ${warmDaemon.daemonStatus.requests} calls (${warmDaemon.daemonStatus.fallbacks} sent back); the client's own RSS is what the RSS column shows.`,
    );
  const seaRows = by('sea');
  if (seaRows.length > 0) {
    const gains = seaRows
      .map((r) => {
        const arg = r.name.slice('hookpack '.length);
        const plain = find(`hooks:${arg}.cjs`) ?? find(`events:${arg}.cjs`);
        return plain ? `${r.name.replace('hookpack ', '')} ${(r.medianMs / plain.medianMs).toFixed(2)}x` : undefined;
      })
      .filter(Boolean);
    notes.sea.push(
      `single executable / plain node, same bundle: ${gains.join(', ')}. It is a ~100 MB copy of node; it pays off for heavy bundles (README: Single executable).`,
    );
  }
  return Object.entries(SECTIONS)
    .map(([id, title]) => ({ id, title, rows: by(id), notes: notes[id] }))
    .filter((section) => section.id !== 'sea' || section.rows.length > 0);
}

/** The JSON document: every row once, in `rows`; sections list their rows' ids. */
function toJson(report) {
  return `${JSON.stringify({ ...report, sections: report.sections.map(({ rows, ...section }) => ({ ...section, rows: rows.map((r) => r.id) })) }, null, 2)}\n`;
}

function writeResults(report) {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), toJson(report));
  const { machine, settings } = report;
  const svg = renderSvg({
    sections: report.sections.map((s) => ({ title: s.title, rows: s.rows })),
    budget: RATIO_BUDGETS.hook,
    subtitle: `node ${machine.node} · ${machine.cpu} × ${machine.cores} · ${settings.rounds} interleaved rounds · ${report.startedAt.slice(0, 10)}`,
  });
  writeFileSync(join(RESULTS, 'startup.svg'), svg);
}

async function fullRun(options) {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  progress(`building (dist/ if missing, validation variants, 17-hook scenario)`);
  const manifest = await ensureDist(ROOT, progress);
  const [variants, seventeen, project] = await Promise.all([
    buildVariants(ROOT, join(OUT, 'variants')),
    buildSeventeen(ROOT, join(OUT, 'seventeen')),
    buildProject(ROOT, join(OUT, 'project')),
  ]);
  const python = findPython();
  const parentHadCa = Boolean(process.env.NODE_EXTRA_CA_CERTS);
  const env = benchEnv();
  const adopted = python ? buildAdopted(ROOT, join(OUT, 'adopted'), python) : undefined;
  const warm = await prepareWarm(
    ROOT,
    join(OUT, 'warm'),
    env,
    `${JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'cli', 'payloads', 'PreToolUse.json'), 'utf8')))}\n`,
  );
  const { programs: all, skipped } = listPrograms({
    root: ROOT,
    env,
    manifest,
    variants,
    seventeen,
    project,
    python,
    caFile: caBundle(OUT),
    adopted,
    warm,
  });
  const programs = selectPrograms(all, options.only);

  const sameJobNotes = await sameJob(programs);
  const samples = await sample(programs, { rounds: options.rounds, warmup: options.warmup, progress });
  progress(`peak RSS (${options.rssRuns} run${options.rssRuns === 1 ? '' : 's'} per program)`);
  const rss = measureRss(programs, { python, runs: options.rssRuns, benchDir: BENCH });
  const inProcess = await runInProcess({ root: ROOT, outDir: join(OUT, 'in-process'), quick: options.quick, progress });

  const daemonStatus = warm.reason ? undefined : await warm.statusNow();
  if (!warm.reason) await warm.stop();
  const rows = toRows(programs, samples, rss);
  const sections = sectionsOf(rows, { skipped, python, warmDaemon: { ...warm, daemonStatus } });
  let checks;
  if (options.check) {
    const bytes = checkBytes(distSizes(join(ROOT, 'dist')), loadBudgets(ROOT));
    const ratios = checkRatios(rows);
    checks = { ok: bytes.ok && ratios.ok, bytes, ratios, lines: checkLines(bytes, ratios) };
  }
  const durationMs = Math.round(performance.now() - started);
  const notes = [
    `ratio = median / median of \`node -e 0\` in the same run. ${options.rounds} rounds, each running every program once in shuffled order, after ${options.warmup} warm-up run(s); each program started through sh -c with its event's payload on stdin.`,
    rss.error
      ? `RSS not measured: ${rss.error}.`
      : `RSS = median over ${options.rssRuns} run(s) of the peak resident set (${rss.method}), summed over the processes of "17 processes".`,
    `environment: NODE_EXTRA_CA_CERTS, NODE_OPTIONS and every HOOKPACK_* variable removed (the path users' hooks take); HOME a private temp directory.`,
    ...(parentHadCa
      ? [
          `this environment sets NODE_EXTRA_CA_CERTS (${process.env.NODE_EXTRA_CA_CERTS}): on Node 20 every hook started from it pays the cost in the trap section unless started with env -u.`,
        ]
      : []),
    ...sameJobNotes,
    `load average at start ${machine.loadavg.join(' ')} on ${machine.cores} cores; took ${(durationMs / 1000).toFixed(0)} s. Results: bench/results/latest.json, bench/results/startup.svg.`,
  ];
  const report = {
    schema: 'hookpack-bench/1',
    startedAt,
    durationMs,
    machine,
    settings: {
      rounds: options.rounds,
      warmup: options.warmup,
      rssRuns: options.rssRuns,
      rssMethod: rss.method ?? null,
      parentSetsNodeExtraCaCerts: parentHadCa,
      quick: options.quick,
      only: options.only ?? null,
      baseline: BASELINE_ID,
    },
    sections,
    rows,
    inProcess,
    checks,
    notes,
  };
  writeResults(report);
  process.stdout.write(options.json ? toJson(report) : renderTable(report));
  return checks === undefined || checks.ok;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.check && !options.timing) {
    const bytes = await bytesCheck();
    const lines = checkLines(bytes);
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ schema: 'hookpack-bench/1', checks: { ok: bytes.ok, bytes } }, null, 2)}\n`
        : `${lines.flatMap((l) => wrap(l)).join('\n')}\n`,
    );
    if (!bytes.ok) process.stderr.write('bench: byte budget check failed (see above)\n');
    return bytes.ok ? 0 : 1;
  }
  const ok = await fullRun(options);
  if (!ok) process.stderr.write('bench: budget check failed (see the budgets section)\n');
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof BenchError) {
      process.stderr.write(`bench failed (${error.code}): ${error.message}\n`);
      process.exitCode = error.code === 'E_BENCH_USAGE' ? 2 : 1;
    } else {
      process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
      process.exitCode = 1;
    }
  },
);
