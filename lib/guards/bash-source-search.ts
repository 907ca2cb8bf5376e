/**
 * "Does the output of a command passing `test` reach this command?", answered for every command
 * of one script in time linear in the script (lib/guards/bash-command-graph.ts findSource).
 *
 * Every earlier pipeline stage feeds every later one, so a plain search from each command of
 * `sh|sh|…|sh` walked all the stages before it: quadratic per rule and cubic over the script
 * (500 stages took 4 s, measured; at the cube of the length 2,000 would take minutes, far past
 * Claude Code's timeout, where a killed hook lets the command run). Here each answer is computed once per test and reused: the first passing
 * stage before stage k extends the one before stage k-1, and what reaches a command is what
 * reaches its sources.
 *
 * Order: the sources that feed a command directly are tried first, in the order a breadth-first
 * search meets them (earlier pipelines and stages first, then a `>(…)` reader, then `$(…)`
 * feeders), so `curl … | wget … | sh` is reported as `curl`; only then what reaches them,
 * source by source in the same order.
 */
import type { SimpleCommand } from '../shell/commands.ts';

/** A command as stage `index` of one pipeline. */
export interface Stage {
  command: SimpleCommand;
  index: number;
}

/** What the search needs of the graph: each pipeline's stages sorted by index, readers, feeders. */
export interface SourceGraph {
  stagesOf(pipelineId: number): readonly Stage[];
  readerOf(command: SimpleCommand): SimpleCommand | undefined;
  argumentSources(command: SimpleCommand): readonly SimpleCommand[];
}

/** How many stages of a sorted list come before stage `index`. */
function countBefore(stages: readonly Stage[], index: number): number {
  let low = 0;
  let high = stages.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((stages[middle] as Stage).index < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One test's answers over one script, each computed at most once. */
export class SourceSearch {
  private readonly passes = new Map<number, boolean>();
  private readonly reached = new Map<number, SimpleCommand | null>();
  private readonly inProgress = new Set<number>();
  /** Per pipeline: entry i is the first passing stage among its first i stages (null: none). */
  private readonly firstPassing = new Map<number, Array<SimpleCommand | null>>();
  /** Per pipeline: entry i is the first match reached through its first i stages, themselves included. */
  private readonly firstThrough = new Map<number, Array<SimpleCommand | null>>();

  constructor(
    private readonly graph: SourceGraph,
    private readonly test: (source: SimpleCommand) => boolean,
  ) {}

  /** The first command passing the test whose output reaches `command` (its stdin only when `viaStdin`). */
  find(command: SimpleCommand, viaStdin: boolean): SimpleCommand | undefined {
    const reader = viaStdin ? this.graph.readerOf(command) : undefined;
    const feeders = this.graph.argumentSources(command);
    // Direct sources first.
    if (viaStdin) {
      for (const { pipelineId, index } of command.pipelines) {
        const found = this.prefix(this.firstPassing, pipelineId, index, (stage) =>
          this.passesTest(stage) ? stage : null,
        );
        if (found !== null) return found;
      }
      if (reader !== undefined && this.passesTest(reader)) return reader;
    }
    for (const feeder of feeders) if (this.passesTest(feeder)) return feeder;
    // Then what reaches them.
    if (viaStdin) {
      for (const { pipelineId, index } of command.pipelines) {
        const found = this.prefix(this.firstThrough, pipelineId, index, (stage) => this.through(stage));
        if (found !== null) return found;
      }
      if (reader !== undefined) {
        const found = this.reaching(reader);
        if (found !== null) return found;
      }
    }
    for (const feeder of feeders) {
      const found = this.reaching(feeder);
      if (found !== null) return found;
    }
    return undefined;
  }

  private passesTest(command: SimpleCommand): boolean {
    let result = this.passes.get(command.id);
    if (result === undefined) {
      result = this.test(command);
      this.passes.set(command.id, result);
    }
    return result;
  }

  /** `source` itself when it passes, else the first match that reaches it. */
  private through(source: SimpleCommand): SimpleCommand | null {
    return this.passesTest(source) ? source : this.reaching(source);
  }

  /** The first match reaching `command` through its stdin or its arguments (not itself). */
  private reaching(command: SimpleCommand): SimpleCommand | null {
    const known = this.reached.get(command.id);
    if (known !== undefined) return known;
    if (this.inProgress.has(command.id)) return null; // not expected: sources come before their readers
    this.inProgress.add(command.id);
    let found: SimpleCommand | null = null;
    for (const { pipelineId, index } of command.pipelines) {
      found = this.prefix(this.firstThrough, pipelineId, index, (stage) => this.through(stage));
      if (found !== null) break;
    }
    const reader = this.graph.readerOf(command);
    if (found === null && reader !== undefined) found = this.through(reader);
    for (const feeder of this.graph.argumentSources(command)) {
      if (found !== null) break;
      found = this.through(feeder);
    }
    this.inProgress.delete(command.id);
    this.reached.set(command.id, found);
    return found;
  }

  /** `table`'s entry for the stages of `pipelineId` before stage `index`, filled in order up to there. */
  private prefix(
    table: Map<number, Array<SimpleCommand | null>>,
    pipelineId: number,
    index: number,
    step: (stage: SimpleCommand) => SimpleCommand | null,
  ): SimpleCommand | null {
    const stages = this.graph.stagesOf(pipelineId);
    const count = countBefore(stages, index);
    let entries = table.get(pipelineId);
    if (entries === undefined) {
      entries = [null];
      table.set(pipelineId, entries);
    }
    while (entries.length <= count) {
      const i = entries.length - 1;
      const previous = entries[i] as SimpleCommand | null;
      // `step` may fill earlier entries of this table itself (a stage's own sources): read again after it.
      const next = previous ?? step((stages[i] as Stage).command);
      if (entries.length === i + 1) entries.push(next);
    }
    return entries[count] as SimpleCommand | null;
  }
}
