// Times programs as new processes. Every round runs every program once, in a fresh random
// order, so drift and noise from the shared machine land on all programs alike; `node -e 0` is
// one of them, which makes the ratios comparable within a run even when absolute times are not.
import { spawn, spawnSync } from 'node:child_process';
import { BenchError } from './errors.mjs';

const SH = '/bin/sh';
// A program that hangs is a bug in it; fail the bench instead of waiting forever.
const RUN_TIMEOUT_MS = 30_000;

function unexpected(program, command, status, stdout, stderr) {
  return new BenchError(
    'E_BENCH_PROGRAM',
    `${program.name}: \`${command}\` exited ${status} (expected 0): ${String(stderr).trim().slice(0, 400) || '(no stderr)'}; run it by hand with the payload from cli/payloads to see why`,
    { details: { command, status, stdout: String(stdout), stderr: String(stderr) } },
  );
}

/** One command through `sh -c`, synchronously: the least timing overhead around a single process. */
function runSingle(program) {
  const command = program.commands[0];
  const started = process.hrtime.bigint();
  const r = spawnSync(SH, ['-c', command], {
    input: program.input,
    env: program.env,
    stdio: 'pipe',
    timeout: RUN_TIMEOUT_MS,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // EPIPE: the program exited without reading its stdin (/bin/true does); its exit status still counts.
  if (r.error && !(r.error.code === 'EPIPE' && r.status !== null))
    throw new BenchError('E_BENCH_PROGRAM', `${program.name}: cannot run \`${command}\`: ${r.error.message}`, {
      cause: r.error,
    });
  if (r.status !== 0) throw unexpected(program, command, r.status, r.stdout, r.stderr);
  return { ms, outputs: [String(r.stdout)] };
}

/** Several `sh -c` processes started at once, as Claude Code starts an event's hooks: wall time until the last exits. */
function runParallel(program) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const outputs = new Array(program.commands.length);
    let pending = program.commands.length;
    let failed = false;
    program.commands.forEach((command, i) => {
      const child = spawn(SH, ['-c', command], { env: program.env, stdio: 'pipe', timeout: RUN_TIMEOUT_MS });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.stdin.on('error', () => {}); // a hook may exit before reading all of stdin
      child.stdin.end(program.input);
      child.on('error', (error) => {
        failed = true;
        reject(
          new BenchError('E_BENCH_PROGRAM', `${program.name}: cannot run \`${command}\`: ${error.message}`, {
            cause: error,
          }),
        );
      });
      child.on('close', (status) => {
        if (failed) return;
        if (status !== 0) {
          failed = true;
          reject(unexpected(program, command, status, stdout, stderr));
          return;
        }
        outputs[i] = stdout;
        if (--pending === 0) resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, outputs });
      });
    });
  });
}

/** Runs a program once: { ms, outputs } (one stdout per process). Throws BenchError on a non-zero exit. */
export function runOnce(program) {
  return program.commands.length === 1 ? runSingle(program) : runParallel(program);
}

/** stdout must be nothing or one JSON object: the hook protocol. */
export function checkOutput(program, stdout) {
  const text = stdout.trim();
  if (text === '') return;
  try {
    const value = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return;
  } catch {
    // reported below
  }
  throw new BenchError(
    'E_BENCH_PROGRAM',
    `${program.name} printed something other than one JSON object on stdout: ${text.slice(0, 200)}`,
  );
}

/** Fisher-Yates on a copy. */
export function shuffle(list, random = Math.random) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * Warms every program up (`warmup` runs each; the first run's stdout is checked), then runs
 * `rounds` interleaved, shuffled rounds. Returns Map id -> ms samples.
 */
export async function sample(programs, { rounds, warmup, progress }) {
  progress(`warming up ${programs.length} programs (${warmup} run${warmup === 1 ? '' : 's'} each)`);
  for (const program of programs) {
    for (let i = 0; i < warmup; i++) {
      const { outputs } = await runOnce(program);
      if (i === 0) for (const out of outputs) checkOutput(program, out);
    }
  }
  const samples = new Map(programs.map((p) => [p.id, []]));
  const every = Math.max(1, Math.round(rounds / 6));
  const started = performance.now();
  for (let round = 1; round <= rounds; round++) {
    for (const program of shuffle(programs)) samples.get(program.id).push((await runOnce(program)).ms);
    if (round % every === 0 || round === rounds) {
      const elapsed = (performance.now() - started) / 1000;
      progress(
        `round ${round}/${rounds} (${elapsed.toFixed(0)} s, ~${((elapsed / round) * (rounds - round)).toFixed(0)} s left)`,
      );
    }
  }
  return samples;
}
