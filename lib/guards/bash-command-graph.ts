/**
 * How data moves between the simple commands of one parsed script: which commands' output
 * reaches a command's stdin (earlier pipeline stages, the command a `>(…)` reads) or its
 * arguments (`$(…)`, `` `…` ``, `<(…)`). Built once per analysis.
 */
import type { ParsedScript, SimpleCommand } from '../shell/commands.ts';

export class CommandGraph {
  private readonly byId = new Map<number, SimpleCommand>();
  private readonly stages = new Map<number, SimpleCommand[]>();
  private readonly feeders = new Map<number, SimpleCommand[]>();

  constructor(script: ParsedScript) {
    for (const command of script.commands) {
      this.byId.set(command.id, command);
      for (const { pipelineId } of command.pipelines) push(this.stages, pipelineId, command);
      if (command.feeds !== undefined) push(this.feeders, command.feeds, command);
    }
  }

  /** The command with this id, if it is part of the script. */
  commandById(id: number): SimpleCommand | undefined {
    return this.byId.get(id);
  }

  /** Commands whose output is `command`'s stdin. */
  stdinSources(command: SimpleCommand): SimpleCommand[] {
    const sources: SimpleCommand[] = [];
    for (const { pipelineId, index } of command.pipelines) {
      for (const other of this.stages.get(pipelineId) ?? []) {
        const stage = other.pipelines.find((position) => position.pipelineId === pipelineId);
        if (stage !== undefined && stage.index < index) sources.push(other);
      }
    }
    const reader = command.stdinFrom === undefined ? undefined : this.byId.get(command.stdinFrom);
    if (reader !== undefined) sources.push(reader);
    return sources;
  }

  /** Commands whose output becomes part of `command`'s arguments. */
  argumentSources(command: SimpleCommand): SimpleCommand[] {
    return this.feeders.get(command.id) ?? [];
  }

  /**
   * The first command passing `test` whose output reaches `command`, directly or through other
   * commands: via its arguments, and via its stdin when `viaStdin`.
   */
  findSource(command: SimpleCommand, viaStdin: boolean, test: (source: SimpleCommand) => boolean): SimpleCommand | undefined {
    const queue = [...(viaStdin ? this.stdinSources(command) : []), ...this.argumentSources(command)];
    const seen = new Set<number>([command.id]);
    for (let i = 0; i < queue.length; i += 1) {
      const source = queue[i] as SimpleCommand;
      if (seen.has(source.id)) continue;
      seen.add(source.id);
      if (test(source)) return source;
      queue.push(...this.stdinSources(source), ...this.argumentSources(source));
    }
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
