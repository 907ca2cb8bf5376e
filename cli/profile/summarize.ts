import { maxOf, median, percentile } from '../stats/percentile.ts';
import { eventHints, hookHints } from './hints.ts';
import type { Samples } from './measure.ts';
import { overCap, type RunResult } from './run-once.ts';
import type { ProfileTarget } from './targets.ts';

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
  hints: string[];
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
  runs: number;
  timeoutMs: number;
  yardstick: { command: string; medianMs: number; p95Ms: number };
  hooks: HookReport[];
  events: EventReport[];
  /** The slowest hooks (up to 3), slowest first. */
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

/** Turns raw samples into the report: medians, p95, ratios to the yardstick, exits, fixes. */
export function summarize(targets: ProfileTarget[], samples: Samples, options: { runs: number; timeoutMs: number; env: NodeJS.ProcessEnv; nodeVersion: string }): ProfileReport {
  const base = median(samples.yardstick);
  const hooks: HookReport[] = targets.map((target, i) => {
    const runs = samples.hooks[i] ?? [];
    const times = runs.map((r) => r.ms);
    const medianMs = median(times);
    const maxOutputChars = Math.max(0, maxOf(runs.map((r) => r.outputChars)));
    const timeouts = runs.filter((r) => r.timedOut).length;
    const leftBehind = runs.filter((r) => r.leftBehind).length;
    const failures = runs.filter((r) => !r.timedOut && exitKey(r) !== '0' && exitKey(r) !== '2').map((r) => ({ code: exitKey(r), stderrLine: r.stderrLine }));
    const ratio = ratioOf(medianMs, base);
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
      payload: `${hook.event} fixture${target.fixture.adapted ? `, ${target.fixture.adapted}` : ''}${target.fixture.unmatched ? ' (the matcher may not select it)' : ''}`,
      medianMs: ms(medianMs),
      p95Ms: ms(percentile(times, 95)),
      maxMs: ms(maxOf(times)),
      ratio,
      exits: countExits(runs),
      timeouts,
      leftBehind,
      maxOutputChars,
      overCap: overCap(maxOutputChars),
      hints: hookHints(target, { ratio, timeouts, leftBehind, runs: runs.length, timeoutMs: options.timeoutMs, maxOutputChars, failures, env: options.env, nodeVersion: options.nodeVersion }),
    };
    if (hook.args !== undefined) report.args = hook.args;
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
      hints: eventHints(event, members.length),
    };
  });
  const slowest = [...hooks].sort((a, b) => b.medianMs - a.medianMs).slice(0, 3).map(({ label, event, medianMs, ratio, hints }) => ({ label, event, medianMs, ratio, hints }));
  return {
    node: options.nodeVersion,
    runs: options.runs,
    timeoutMs: options.timeoutMs,
    yardstick: { command: 'node -e 0', medianMs: ms(base), p95Ms: ms(percentile(samples.yardstick, 95)) },
    hooks,
    events,
    slowest,
  };
}
