/**
 * How data moves between the simple commands of one parsed script: which commands' output
 * reaches a command's stdin (earlier pipeline stages, the command a `>(…)` reads) or its
 * arguments (`$(…)`, `` `…` ``, `<(…)`). Built once per analysis.
 */
import type { ParsedScript, SimpleCommand } from '../shell/commands.ts';
import { SourceSearch, type SourceGraph, type Stage } from './bash-source-search.ts';

export class CommandGraph implements SourceGraph {
  private readonly byId = new Map<number, SimpleCommand>();
  /** Each pipeline's stages, sorted by stage index (stable: commands of one stage in script order). */
  private readonly stages = new Map<number, Stage[]>();
  private readonly feeders = new Map<number, SimpleCommand[]>();
  /** One search per test (keyed by what the caller says identifies it), reused for every command. */
  private readonly searches = new Map<unknown, SourceSearch>();

  constructor(script: ParsedScript) {
    for (const command of script.commands) {
      this.byId.set(command.id, command);
      for (const { pipelineId, index } of command.pipelines) push(this.stages, pipelineId, { command, index });
      if (command.feeds !== undefined) push(this.feeders, command.feeds, command);
    }
    // A `bash -c` script in a stage is parsed later than the stages after it, so sort.
    for (const list of this.stages.values()) if (list.length > 1) list.sort((a, b) => a.index - b.index);
  }

  /** The command with this id, if it is part of the script. */
  commandById(id: number): SimpleCommand | undefined {
    return this.byId.get(id);
  }

  /** The stages of pipeline `pipelineId`, sorted by index. */
  stagesOf(pipelineId: number): readonly Stage[] {
    return this.stages.get(pipelineId) ?? [];
  }

  /** The command whose `>(…)` `command` is: it reads that command's output. */
  readerOf(command: SimpleCommand): SimpleCommand | undefined {
    return command.stdinFrom === undefined ? undefined : this.byId.get(command.stdinFrom);
  }

  /** Commands whose output is `command`'s stdin. */
  stdinSources(command: SimpleCommand): SimpleCommand[] {
    const sources: SimpleCommand[] = [];
    for (const { pipelineId, index } of command.pipelines) {
      for (const stage of this.stagesOf(pipelineId)) if (stage.index < index) sources.push(stage.command);
    }
    const reader = this.readerOf(command);
    if (reader !== undefined) sources.push(reader);
    return sources;
  }

  /** Commands whose output becomes part of `command`'s arguments. */
  argumentSources(command: SimpleCommand): SimpleCommand[] {
    return this.feeders.get(command.id) ?? [];
  }

  /**
   * The first command passing `test` whose output reaches `command`, directly or through other
   * commands: via its arguments, and via its stdin when `viaStdin`. Answers for one `key` (by
   * default the test itself; pass something stable when the test is a new closure per call)
   * are computed once per script (lib/guards/bash-source-search.ts), so asking for every
   * command costs time linear in the script.
   */
  findSource(
    command: SimpleCommand,
    viaStdin: boolean,
    test: (source: SimpleCommand) => boolean,
    key: unknown = test,
  ): SimpleCommand | undefined {
    let search = this.searches.get(key);
    if (search === undefined) {
      search = new SourceSearch(this, test);
      this.searches.set(key, search);
    }
    return search.find(command, viaStdin);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
