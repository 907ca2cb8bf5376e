import { existsSync, lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { checkBuild } from '../../build/check.mjs';
import { IGNORED_DIST, ignoredByGit } from '../git-ignored.ts';
import { locateProject, userProject, type Project } from '../project.ts';
import { readSmallText } from '../settings/read-bytes.ts';
import type { DoctorContext, Finding } from './finding.ts';

/** A hookpack project: hooks/*.ts next to build.mjs or a package.json that names hookpack. */
function isHookpackProject(dir: string): boolean {
  let hooks: string[];
  try {
    hooks = readdirSync(join(dir, 'hooks')).filter((f) => f.endsWith('.ts') && !f.startsWith('.'));
  } catch {
    return false;
  }
  if (hooks.length === 0) return false;
  if (existsSync(join(dir, 'build.mjs'))) return true;
  try {
    return readSmallText(join(dir, 'package.json'))?.includes('"hookpack"') ?? false;
  } catch {
    return false;
  }
}

/** When a file was last changed; a dangling symlink counts as itself (lstat), an unreadable entry not at all. */
function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    try {
      return lstatSync(path).mtimeMs;
    } catch {
      return undefined;
    }
  }
}

/**
 * The most recently modified `.ts` file under `dir`. Skipped: node_modules, dot-directories and
 * dot-files (an editor's `.#hook.ts` lock file is a symlink to nowhere).
 */
function newestTs(dir: string): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let candidate: { path: string; mtimeMs: number } | undefined;
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue;
      candidate = newestTs(path);
    } else if (entry.name.endsWith('.ts')) {
      const mtimeMs = mtimeOf(path);
      candidate = mtimeMs === undefined ? undefined : { path, mtimeMs };
    }
    if (candidate !== undefined && (newest === undefined || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

/** The single executable `node build.mjs --sea` writes next to the bundles. */
const SEA_FILE = 'hookpack';
/** A --sea build writes manifest.json again right after the executable: allow for that gap. */
const SEA_WRITE_GAP_MS = 5_000;

/**
 * dist/hookpack older than dist/manifest.json: a later build changed the bundles, but whatever
 * runs the single executable still gets the old hooks.
 */
function staleSea(root: string, manifest: string, built: number): Finding[] {
  const sea = join(root, 'dist', SEA_FILE);
  const seaTime = mtimeOf(sea);
  if (seaTime === undefined) return [];
  let recorded = false;
  try {
    recorded = (JSON.parse(readSmallText(manifest) ?? '{}') as { sea?: { file?: unknown } }).sea?.file === SEA_FILE;
  } catch {
    // an unreadable manifest: judge by the times alone
  }
  if (seaTime >= built - (recorded ? SEA_WRITE_GAP_MS : 0)) return [];
  const minutes = Math.max(1, Math.round((built - seaTime) / 60_000));
  return [
    {
      severity: 'warning',
      code: 'stale-sea',
      message: `dist/${SEA_FILE} (the single executable) is ${minutes} min older than dist/manifest.json: it was built before the last build and runs the old hooks`,
      fix: `run \`node build.mjs --sea\` again, or delete dist/${SEA_FILE} if nothing runs it`,
      layer: 'build',
      path: sea,
    },
  ];
}

declare const HOOKPACK_VERSION: string;
const VERSION =
  typeof HOOKPACK_VERSION === 'string'
    ? HOOKPACK_VERSION
    : (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * A project's own hooks (.claude/hooks, or ~/.claude/hooks for the user's): bundles that no
 * longer match their sources, by the hashes the build recorded (build/check.mjs, the same check
 * as `hookpack build --check`). Committed bundles are what every teammate runs.
 */
function checkProjectBuild(project: Project, io: DoctorContext['io'], label: string): Finding[] {
  if (!existsSync(project.hooksDir)) return [];
  const shortPath = (file: string) => relative(io.cwd, file) || '.';
  let reasons: string[];
  try {
    reasons = checkBuild({
      hooksDir: project.hooksDir,
      outDir: project.distDir,
      projectRoot: project.root,
      version: VERSION,
      shortPath,
    });
  } catch (error) {
    return [
      {
        severity: 'warning',
        code: 'stale-dist',
        message: `cannot check ${label}'s build: ${(error as Error).message}`,
        fix: 'fix the hook file named, then run `hookpack build`',
        layer: 'build',
        path: project.hooksDir,
      },
    ];
  }
  const ignored: Finding[] =
    project.kind === 'project' && existsSync(project.distDir) && ignoredByGit(project.distDir, project.root)
      ? [{ severity: 'error', code: 'dist-ignored', ...IGNORED_DIST, layer: 'build', path: project.distDir }]
      : [];
  if (reasons.length === 0) return ignored;
  const scope = project.kind === 'user' ? ' --scope user' : '';
  return [
    ...ignored,
    {
      severity: 'warning',
      code: reasons.some((r) => r.endsWith('the hooks were never built')) ? 'not-built' : 'stale-dist',
      message: `${label}'s bundles do not match their sources, so Claude Code runs other code than ${shortPath(project.hooksDir)} holds: ${reasons.join('; ')}`,
      fix: `run \`hookpack build${scope}\`${project.kind === 'user' ? '' : ' and commit .claude/hooks/dist'}`,
      layer: 'build',
      path: join(project.distDir, 'manifest.json'),
    },
  ];
}

/**
 * The project's hooks and the user's: bundles that no longer match their sources. In hookpack's
 * own repository (hooks/ next to build.mjs): dist/ missing or older than a hooks/ or lib/
 * source, and a stale dist/hookpack.
 */
export function checkDist(context: DoctorContext): Finding[] {
  let project: Project | undefined;
  try {
    project = locateProject(context.io);
  } catch {
    // Run from the home directory: no project here, only the user's own hooks.
  }
  const user = userProject(context.io);
  const own = [
    ...(project?.kind === 'project' ? checkProjectBuild(project, context.io, 'this project') : []),
    ...checkProjectBuild(user, context.io, 'your user hooks (~/.claude/hooks)'),
  ];
  return [...own, ...checkRepositoryBuild(context)];
}

function checkRepositoryBuild(context: DoctorContext): Finding[] {
  const root = context.io.cwd;
  if (!isHookpackProject(root)) return [];
  const manifest = join(root, 'dist', 'manifest.json');
  const built = mtimeOf(manifest);
  if (!existsSync(manifest) || built === undefined) {
    return [
      {
        severity: 'warning',
        code: 'not-built',
        message: 'this hookpack project has no dist/manifest.json: its hooks were never built',
        fix: 'run `npm run build` (or `node build.mjs`)',
        layer: 'build',
        path: manifest,
      },
    ];
  }
  const sea = staleSea(root, manifest, built);
  const newest = [newestTs(join(root, 'hooks')), newestTs(join(root, 'lib'))]
    .filter((n): n is { path: string; mtimeMs: number } => n !== undefined)
    .sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
  if (newest === undefined || newest.mtimeMs <= built) return sea;
  const minutes = Math.max(1, Math.round((newest.mtimeMs - built) / 60_000));
  return [
    ...sea,
    {
      severity: 'warning',
      code: 'stale-dist',
      message: `dist/ is older than the sources: ${relative(root, newest.path)} changed ${minutes} min after the last build, so Claude Code runs the old code`,
      fix: 'run `npm run build` (or `node build.mjs --watch` while editing)',
      layer: 'build',
      path: manifest,
    },
  ];
}
