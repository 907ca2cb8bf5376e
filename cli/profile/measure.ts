import type { ProfileTarget } from './targets.ts';
import { runOnce, type Launch, type RunResult } from './run-once.ts';

/** Raw samples of one profiling session. */
export interface Samples {
  /** Wall ms of each `node -e 0` run. */
  yardstick: number[];
  /** Per target (same order), each run's result. */
  hooks: RunResult[][];
  /** Per event with two or more synchronous hooks: wall ms until all of them exited, started at once. */
  parallel: Map<string, number[]>;
  /** Per distinct empty start (EmptyStart.key): each run's result, as many as the hooks got. */
  emptyStarts: Map<string, RunResult[]>;
}

/** How many rounds, the per-run timeout, the yardstick, and where progress goes. */
export interface MeasureOptions {
  runs: number;
  timeoutMs: number;
  yardstick: Launch;
  progress(text: string): void;
}

const payloadText = (target: ProfileTarget) => `${JSON.stringify(target.fixture.payload)}\n`;

/**
 * Runs every target `runs` times, in rounds: each round starts with a yardstick run and each
 * distinct interpreter's empty start, then each hook once, then each event's hooks all at once.
 * Interleaving spreads machine noise (CPU frequency, other load) evenly over the yardsticks and
 * the hooks, so their ratios hold even when absolute times drift between rounds.
 */
export async function measure(targets: ProfileTarget[], options: MeasureOptions): Promise<Samples> {
  const samples: Samples = { yardstick: [], hooks: targets.map(() => []), parallel: new Map(), emptyStarts: new Map() };
  const emptyStarts = new Map(
    targets.flatMap((t) => (t.emptyStart === undefined ? [] : [[t.emptyStart.key, t.emptyStart.launch] as const])),
  );
  const byEvent = new Map<string, ProfileTarget[]>();
  for (const target of targets) {
    if (target.hook.async) continue; // async hooks don't hold Claude Code up
    byEvent.set(target.hook.event, [...(byEvent.get(target.hook.event) ?? []), target]);
  }
  const events = [...byEvent].filter(([, group]) => group.length > 1);
  for (let round = 0; round < options.runs; round++) {
    options.progress(`profile: round ${round + 1} of ${options.runs} (${targets.length} hooks)`);
    samples.yardstick.push((await runOnce(options.yardstick, '', options.timeoutMs)).ms);
    for (const [key, launch] of emptyStarts) {
      const result = await runOnce(launch, '', options.timeoutMs);
      samples.emptyStarts.set(key, [...(samples.emptyStarts.get(key) ?? []), result]);
    }
    for (const [i, target] of targets.entries()) {
      samples.hooks[i]?.push(await runOnce(target.launch, payloadText(target), options.timeoutMs));
    }
    for (const [event, group] of events) {
      const started = performance.now();
      await Promise.all(group.map((target) => runOnce(target.launch, payloadText(target), options.timeoutMs)));
      samples.parallel.set(event, [...(samples.parallel.get(event) ?? []), performance.now() - started]);
    }
  }
  return samples;
}
