// Where "the project" is for a command run from the shell: the hooks, their bundles and the
// settings file it works on. hookpack lives in the user's project: `.claude/hooks/*.ts` built into
// `.claude/hooks/dist/`, run from the project's root or any directory below it. `--scope user`
// is the same flow in `~/.claude/hooks/`. (hookpack's own repository keeps its shipped hooks in
// hooks/ and builds them into dist/: a directory with a hookpack manifest in dist/ and no
// .claude/hooks/dist is treated that way.)
import { existsSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { readSmallText } from './settings/read-bytes.ts';
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

/** A path with its links resolved, or as given when it does not exist. */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Whether `dir/.claude` is the user's own Claude directory (~/.claude, or $CLAUDE_CONFIG_DIR):
 * that makes the home directory no project, however it is reached (a symlinked HOME).
 */
export function isUserClaudeDir(dir: string, env: NodeJS.ProcessEnv): boolean {
  const user = env.CLAUDE_CONFIG_DIR || join(env.HOME || homedir(), '.claude');
  return real(join(dir, '.claude')) === real(user);
}

/**
 * The project containing `start`: walking up, the nearest directory with a `.claude/` (not the
 * user's own) or a `.git` (a repository's root is its boundary: a `.claude/` some session left in
 * a parent directory is not this project's); with neither, the nearest with a package.json,
 * else `start` itself.
 */
export function projectRootFrom(start: string, env: NodeJS.ProcessEnv): string {
  let fallback: string | undefined;
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (isDir(join(dir, '.claude')) && !isUserClaudeDir(dir, env)) return dir;
    if (existsSync(join(dir, '.git'))) return dir;
    if (fallback === undefined && existsSync(join(dir, 'package.json'))) fallback = dir;
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
  // projects built with hookpack before 0.2, which kept their bundles in dist/: a dist/manifest.json
  // that a hookpack build wrote (other tools write files of that name too).
  if (!existsSync(distDir) && isHookpackManifest(join(root, 'dist', 'manifest.json'))) {
    return { root, hooksDir: join(root, 'hooks'), distDir: join(root, 'dist'), kind: 'repository' };
  }
  return { root, hooksDir, distDir, kind: 'project' };
}

function isHookpackManifest(path: string): boolean {
  try {
    const data = JSON.parse(readSmallText(path) ?? 'null') as { name?: unknown; hooks?: unknown; events?: unknown };
    return data.name === 'hookpack' && Array.isArray(data.hooks) && Array.isArray(data.events);
  } catch {
    return false;
  }
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
export function locateProject(
  io: Pick<Io, 'env' | 'cwd'>,
  options: { scope?: Scope; settings?: string; dist?: string } = {},
): Project {
  let project: Project;
  if (options.scope === 'user') project = userProject(io);
  else {
    const root =
      (options.settings !== undefined ? projectOfSettingsFile(resolve(io.cwd, options.settings)) : undefined) ??
      (io.env.CLAUDE_PROJECT_DIR ? resolve(io.env.CLAUDE_PROJECT_DIR) : projectRootFrom(io.cwd, io.env));
    // The home directory's .claude holds the user settings, read in every project: a command for
    // "$CLAUDE_PROJECT_DIR" written there would run nowhere else, and `|| exit 2` would block.
    if (isUserClaudeDir(root, io.env)) {
      throw new CliError(
        'E_USAGE',
        `${root} is your home directory, whose .claude/ holds your user settings, not a project's: run this in a project (a directory with .git, .claude/ or package.json), or pass --scope user for hooks in every project`,
      );
    }
    project = projectAt(root);
  }
  return options.dist === undefined ? project : { ...project, distDir: resolve(io.cwd, options.dist) };
}
