// Where "the project" is for a command run from the shell: the hooks, their bundles and the
// settings file it works on. hookpack lives in the user's project: `.claude/hooks/*.ts` built into
// `.claude/hooks/dist/`, run from the project's root or any directory below it. `--scope user`
// is the same flow in `~/.claude/hooks/`. (hookpack's own repository keeps its shipped hooks in
// hooks/ and builds them into dist/: a directory with a hookpack manifest in dist/ and no
// .claude/hooks/dist is treated that way.)
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Io } from './io.ts';
import { userClaudeDir, type Scope } from './settings/scope.ts';

/** A project (or the user's own hooks) as the CLI sees it. */
export interface Project {
  /** The project's root; for user scope, the user's Claude directory (~/.claude). */
  root: string;
  /** Where its hook files are. */
  hooksDir: string;
  /** Where its bundles are (or go). */
  distDir: string;
  /** `project`: .claude/hooks; `repository`: hookpack's own hooks/ and dist/; `user`: ~/.claude/hooks. */
  kind: 'project' | 'repository' | 'user';
}

const isDir = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The project containing `start`: the nearest directory with a `.claude/` (the user's own
 * ~/.claude does not make the home directory a project), else the nearest with `.git` or
 * package.json, else `start` itself.
 */
export function projectRootFrom(start: string, env: NodeJS.ProcessEnv): string {
  const home = resolve(env.HOME || homedir());
  let fallback: string | undefined;
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (dir !== home && isDir(join(dir, '.claude'))) return dir;
    if (fallback === undefined && (existsSync(join(dir, '.git')) || existsSync(join(dir, 'package.json')))) fallback = dir;
    if (dirname(dir) === dir) return fallback ?? resolve(start);
  }
}

/** The project a settings file belongs to: `<root>/.claude/settings*.json` → root. */
export function projectOfSettingsFile(path: string): string | undefined {
  const dir = dirname(resolve(path));
  return basename(dir) === '.claude' ? dirname(dir) : undefined;
}

/** The hooks and bundles of a project root. */
export function projectAt(root: string): Project {
  const hooksDir = join(root, '.claude', 'hooks');
  const distDir = join(hooksDir, 'dist');
  // hookpack's own repository (shipped hooks in hooks/, built into dist/ by build.mjs), and
  // projects built with hookpack before 0.2, which kept their bundles in dist/.
  if (!existsSync(distDir) && existsSync(join(root, 'dist', 'manifest.json'))) {
    return { root, hooksDir: join(root, 'hooks'), distDir: join(root, 'dist'), kind: 'repository' };
  }
  return { root, hooksDir, distDir, kind: 'project' };
}

/** The user's own hooks: ~/.claude/hooks (or $CLAUDE_CONFIG_DIR/hooks), built into its dist/. */
export function userProject(io: Pick<Io, 'env'>): Project {
  const root = userClaudeDir(io as Io);
  return { root, hooksDir: join(root, 'hooks'), distDir: join(root, 'hooks', 'dist'), kind: 'user' };
}

/**
 * The project a command works on: `--scope user` → the user's hooks; `--settings PATH` inside a
 * project's .claude/ → that project; else the project around the current directory. `--dist DIR`
 * (relative to the current directory) overrides where the bundles are.
 */
export function locateProject(io: Pick<Io, 'env' | 'cwd'>, options: { scope?: Scope; settings?: string; dist?: string } = {}): Project {
  const project =
    options.scope === 'user'
      ? userProject(io)
      : projectAt(
          (options.settings !== undefined ? projectOfSettingsFile(resolve(io.cwd, options.settings)) : undefined) ??
            (io.env.CLAUDE_PROJECT_DIR ? resolve(io.env.CLAUDE_PROJECT_DIR) : projectRootFrom(io.cwd, io.env)),
        );
  return options.dist === undefined ? project : { ...project, distDir: resolve(io.cwd, options.dist) };
}
