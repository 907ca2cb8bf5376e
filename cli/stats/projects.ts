// Which project a telemetry line belongs to. Hooks record `$CLAUDE_PROJECT_DIR` as Claude Code
// set it (the directory the session started in, perhaps below the project's root, perhaps through
// a symlink); the CLI works on the project root it finds from its own directory. Both are mapped
// the same way, root found by walking up, then links resolved, so they compare equal.
import { realpathSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { TelemetryRecord } from '../../lib/runtime/telemetry.ts';
import { projectRootFrom } from '../project.ts';

/** Maps recorded directories to project roots, each distinct directory once (a log holds few). */
export function projectKeyer(env: NodeJS.ProcessEnv): (dir: string) => string {
  const cache = new Map<string, string>();
  return (dir) => {
    let key = cache.get(dir);
    if (key === undefined && !isAbsolute(dir)) {
      // Claude Code writes an absolute path; anything else (an edited line) is only compared as text.
      key = dir;
      cache.set(dir, key);
    }
    if (key === undefined) {
      const root = projectRootFrom(dir, env);
      try {
        key = realpathSync(root);
      } catch {
        key = root; // the project is gone; its runs still group under the path recorded
      }
      cache.set(dir, key);
    }
    return key;
  };
}

/** The records of one project, and how many were left out and why. */
export interface ProjectSelection {
  records: TelemetryRecord[];
  /** Runs recorded for other projects. */
  otherProjects: number;
  /** Runs whose line names no project: written before telemetry recorded it, or outside Claude Code. */
  withoutProject: number;
}

/** The records whose project is `root` (a project root, as projectDir finds it). */
export function selectProject(records: TelemetryRecord[], root: string, env: NodeJS.ProcessEnv): ProjectSelection {
  const keyOf = projectKeyer(env);
  const wanted = keyOf(root);
  const selection: ProjectSelection = { records: [], otherProjects: 0, withoutProject: 0 };
  for (const record of records) {
    if (record.project === undefined) selection.withoutProject++;
    else if (keyOf(record.project) === wanted) selection.records.push(record);
    else selection.otherProjects++;
  }
  return selection;
}

/** Runs per project for `--all`, busiest first; lines without a project count under `null`. */
export function runsPerProject(
  records: TelemetryRecord[],
  env: NodeJS.ProcessEnv,
): { project: string | null; runs: number }[] {
  const keyOf = projectKeyer(env);
  const counts = new Map<string | null, number>();
  for (const record of records) {
    const key = record.project === undefined ? null : keyOf(record.project);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([project, runs]) => ({ project, runs }))
    .sort((a, b) => b.runs - a.runs || (a.project ?? '').localeCompare(b.project ?? ''));
}
