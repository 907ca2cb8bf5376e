import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Io } from '../io.ts';
import { projectDir } from '../layers.ts';

const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/**
 * The project whose hooks `profile --settings PATH` runs: `<root>/.claude/settings*.json` belongs to
 * <root>, wherever profile is started from (its hooks name their scripts from $CLAUDE_PROJECT_DIR,
 * and another project's directory makes every one fail). The user's own settings file, the managed
 * one or a file elsewhere belongs to no project: then it is the current one, as without --settings.
 */
export function profileProject(
  io: Pick<Io, 'env' | 'cwd'>,
  settings: string | undefined,
): { project: string; how: string } {
  if (settings !== undefined) {
    const dir = dirname(resolve(io.cwd, settings));
    const userDir = io.env.CLAUDE_CONFIG_DIR || join(io.env.HOME || homedir(), '.claude');
    if (basename(dir) === '.claude' && real(dir) !== real(userDir))
      return { project: dirname(dir), how: 'the --settings file is in its .claude/' };
  }
  if (io.env.CLAUDE_PROJECT_DIR) return { project: projectDir(io), how: '$CLAUDE_PROJECT_DIR' };
  return {
    project: projectDir(io),
    how:
      settings === undefined
        ? 'found from the current directory'
        : 'the --settings file is in no project: the current one',
  };
}
