import { maxOf, median, percentile } from '../stats/percentile.ts';
import { eventHints, hookHints } from './hints.ts';
import type { Samples } from './measure.ts';
import { overCap, type RunResult } from './run-once.ts';
import { payloadLabel, type ProfileTarget } from './targets.ts';

/** One hook's numbers and fixes. */
export interface HookReport {
  label: string;
  layer: string;
  path: string;
  where: string;
  event: string;
  matcher: string | null;
  command: string;
  args?: string[];
  async: boolean;
  /** The payload fed to it: the event's fixture, adapted to its matcher (`tool Write`). */
  payload: string;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** median / median of `node -e 0`, measured in the same rounds. */
  ratio: number;
  /** How often each exit code was seen; `timeout` and signal names too. */
  exits: Record<string, number>;
  timeouts: number;
  /** Runs after which processes of its group were still running; profile SIGKILLed them. */
  leftBehind: number;
  maxOutputChars: number;
  overCap: boolean;
  /** Runs that timed out, died of a signal, could not start, or exited other than 0 and 2. */
  failedRuns: number;
  /** Every run failed (or the file it runs is missing): its times are of the failure, not its work. */
  allFailed: boolean;
  /** The script or program it names, when that does not exist in the project. */
  missingFile?: string;
  /** Its interpreter's empty start, measured beside it (a row of `emptyStarts`), when that worked. */
  emptyStart?: { label: string; medianMs: number };
  hints: string[];
}

/** An interpreter's empty start (`python3 -c pass`), measured in the same rounds as the hooks. */
export interface EmptyStartReport {
  label: string;
  command: string;
  args?: string[];
  medianMs: number;
  p95Ms: number;
  ratio: number;
  /** How many of the profiled hooks it stands beside. */
  hooks: number;
  /** Exit codes seen when it did not exit 0 (then no hook's figures quote it). */
  failed?: Record<string, number>;
}

/** One event's cost when all its (synchronous) hooks fire. */
export interface EventReport {
  event: string;
  hooks: number;
  /** Wall ms until all had exited, all started at once (Claude Code's model). */
  parallelMedianMs: number;
  parallelP95Ms: number;
  /** Sum of the hooks' medians: the cost one after another. */
  sequenceMs: number;
  ratio: number;
  hints: string[];
}

/** Everything `hookpack profile --json` prints. */
export interface ProfileReport {
  node: string;
  /** The directory the hooks ran in, as CLAUDE_PROJECT_DIR. */
  project: string;
  runs: number;
  timeoutMs: number;
  yardstick: { command: string; medianMs: number; p95Ms: number };
  emptyStarts: EmptyStartReport[];
  hooks: HookReport[];
  /** Labels of the hooks that failed in every run (profile exits 1). */
  allFailed: string[];
  events: EventReport[];
  /** Hooks that failed in every run or timed out, then the slowest others (up to 3), slowest first. */
  slowest: { label: string; event: string; medianMs: number; ratio: number; hints: string[] }[];
}

const ms = (n: number) => Math.round(n * 10) / 10;
const ratioOf = (value: number, base: number) => Math.round((value / Math.max(base, 0.001)) * 100) / 100;

function exitKey(run: RunResult): string {
  if (run.timedOut) return 'timeout';
  if (run.exitCode !== null) return String(run.exitCode);
  return run.signal ?? 'unknown';
}

function countExits(runs: RunResult[]): Record<string, number> {
  const exits: Record<string, number> = {};
  for (const run of runs) exits[exitKey(run)] = (exits[exitKey(run)] ?? 0) + 1;
  return exits;
}

const failedRun = (r: RunResult) => exitKey(r) !== '0' && exitKey(r) !== '2';

/** Each distinct empty start's figures, keyed as measured; hooks count how many stand beside it. */
function emptyStartReports(targets: ProfileTarget[], samples: Samples, base: number): Map<string, EmptyStartReport> {
  const reports = new Map<string, EmptyStartReport>();
  for (const target of targets) {
    const start = target.emptyStart;
    if (start === undefined) continue;
    const known = reports.get(start.key);
    if (known !== undefined) {
      known.hooks++;
      continue;
    }
    const runs = samples.emptyStarts.get(start.key) ?? [];
    const times = runs.map((r) => r.ms);
    const report: EmptyStartReport = {
      label: start.label,
      command: start.launch.command,
      medianMs: ms(median(times)),
      p95Ms: ms(percentile(times, 95)),
      ratio: ratioOf(median(times), base),
      hooks: 1,
    };
    if (start.launch.args !== undefined) report.args = start.launch.args;
    const failed = runs.filter((r) => exitKey(r) !== '0');
    if (failed.length > 0) report.failed = countExits(failed);
    reports.set(start.key, report);
  }
  return reports;
}

/** Turns raw samples into the report: medians, p95, ratios to the yardstick, exits, fixes. */
export function summarize(
  targets: ProfileTarget[],
  samples: Samples,
  options: { runs: number; timeoutMs: number; env: NodeJS.ProcessEnv; nodeVersion: string; project: string },
): ProfileReport {
  const base = median(samples.yardstick);
  const starts = emptyStartReports(targets, samples, base);
  const hooks: HookReport[] = targets.map((target, i) => {
    const runs = samples.hooks[i] ?? [];
    const times = runs.map((r) => r.ms);
    const medianMs = median(times);
    const maxOutputChars = Math.max(0, maxOf(runs.map((r) => r.outputChars)));
    const timeouts = runs.filter((r) => r.timedOut).length;
    const leftBehind = runs.filter((r) => r.leftBehind).length;
    const failures = runs
      .filter((r) => !r.timedOut && failedRun(r))
      .map((r) => ({ code: exitKey(r), stderrLine: r.stderrLine }));
    // A missing script fails however it exits: python3 says so with exit 2, which reads as a block.
    const failedRuns = target.missingFile !== undefined ? runs.length : runs.filter(failedRun).length;
    const allFailed = runs.length > 0 && failedRuns === runs.length;
    const ratio = ratioOf(medianMs, base);
    const start = target.emptyStart === undefined ? undefined : starts.get(target.emptyStart.key);
    const emptyStart =
      start === undefined || start.failed !== undefined ? undefined : { label: start.label, medianMs: start.medianMs };
    const { hook } = target;
    const report: HookReport = {
      label: target.label,
      layer: hook.layer,
      path: hook.path,
      where: hook.where,
      event: hook.event,
      matcher: hook.matcher ?? null,
      command: hook.command,
      async: hook.async,
      payload: payloadLabel(target),
      medianMs: ms(medianMs),
      p95Ms: ms(percentile(times, 95)),
      maxMs: ms(maxOf(times)),
      ratio,
      exits: countExits(runs),
      timeouts,
      leftBehind,
      maxOutputChars,
      overCap: overCap(maxOutputChars),
      failedRuns,
      allFailed,
      hints: hookHints(target, {
        medianMs: ms(medianMs),
        ratio,
        yardstickMs: ms(base),
        ...(emptyStart === undefined ? {} : { emptyStart }),
        timeouts,
        leftBehind,
        runs: runs.length,
        timeoutMs: options.timeoutMs,
        maxOutputChars,
        failures,
        allFailed,
        env: options.env,
      }),
    };
    if (hook.args !== undefined) report.args = hook.args;
    if (target.missingFile !== undefined) report.missingFile = target.missingFile;
    if (emptyStart !== undefined) report.emptyStart = emptyStart;
    return report;
  });
  const events = [...new Set(hooks.filter((h) => !h.async).map((h) => h.event))].map((event): EventReport => {
    const members = hooks.filter((h) => h.event === event && !h.async);
    const parallel = samples.parallel.get(event);
    const parallelMedian = parallel === undefined ? (members[0]?.medianMs ?? 0) : median(parallel);
    return {
      event,
      hooks: members.length,
      parallelMedianMs: ms(parallelMedian),
      parallelP95Ms: ms(parallel === undefined ? (members[0]?.p95Ms ?? 0) : percentile(parallel, 95)),
      sequenceMs: ms(members.reduce((sum, h) => sum + h.medianMs, 0)),
      ratio: ratioOf(parallelMedian, base),
      hints: eventHints(event, members.length, ms(parallelMedian), Math.max(0, ...members.map((h) => h.medianMs))),
    };
  });
  // Hooks that don't work come first whatever their time (a crash is fast), then the 3 slowest.
  const broken = hooks.filter((h) => h.allFailed || h.timeouts > 0);
  const rest = hooks
    .filter((h) => !broken.includes(h))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 3);
  const slowest = [...broken, ...rest].map(({ label, event, medianMs, ratio, hints }) => ({
    label,
    event,
    medianMs,
    ratio,
    hints,
  }));
  return {
    node: options.nodeVersion,
    project: options.project,
    runs: options.runs,
    timeoutMs: options.timeoutMs,
    yardstick: { command: 'node -e 0', medianMs: ms(base), p95Ms: ms(percentile(samples.yardstick, 95)) },
    emptyStarts: [...starts.values()],
    hooks,
    allFailed: hooks.filter((h) => h.allFailed).map((h) => h.label),
    events,
    slowest,
  };
}
