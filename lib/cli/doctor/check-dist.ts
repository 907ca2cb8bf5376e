import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import type { DoctorContext, Finding } from './finding.ts';

/** A hookpack project: hooks/*.ts next to build.mjs or a package.json that names hookpack. */
function isHookpackProject(dir: string): boolean {
  let hooks: string[];
  try {
    hooks = readdirSync(join(dir, 'hooks')).filter((f) => f.endsWith('.ts'));
  } catch {
    return false;
  }
  if (hooks.length === 0) return false;
  if (existsSync(join(dir, 'build.mjs'))) return true;
  try {
    return readFileSync(join(dir, 'package.json'), 'utf8').includes('"hookpack"');
  } catch {
    return false;
  }
}

/** The most recently modified `.ts` file under `dir` (node_modules and dot-directories skipped). */
function newestTs(dir: string): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let candidate: { path: string; mtimeMs: number } | undefined;
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      candidate = newestTs(path);
    } else if (entry.name.endsWith('.ts')) {
      candidate = { path, mtimeMs: statSync(path).mtimeMs };
    }
    if (candidate !== undefined && (newest === undefined || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

/** Inside a hookpack project: dist/ missing, or older than a hooks/ or lib/ source. */
export function checkDist(context: DoctorContext): Finding[] {
  const root = context.io.cwd;
  if (!isHookpackProject(root)) return [];
  const manifest = join(root, 'dist', 'manifest.json');
  if (!existsSync(manifest)) {
    return [{ severity: 'warning', code: 'not-built', message: 'this hookpack project has no dist/manifest.json: its hooks were never built', fix: 'run `npm run build` (or `node build.mjs`)', layer: 'build', path: manifest }];
  }
  const built = statSync(manifest).mtimeMs;
  const newest = [newestTs(join(root, 'hooks')), newestTs(join(root, 'lib'))]
    .filter((n): n is { path: string; mtimeMs: number } => n !== undefined)
    .sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
  if (newest === undefined || newest.mtimeMs <= built) return [];
  const minutes = Math.max(1, Math.round((newest.mtimeMs - built) / 60_000));
  return [{
    severity: 'warning',
    code: 'stale-dist',
    message: `dist/ is older than the sources: ${relative(root, newest.path)} changed ${minutes} min after the last build, so Claude Code runs the old code`,
    fix: 'run `npm run build` (or `node build.mjs --watch` while editing)',
    layer: 'build',
    path: manifest,
  }];
}
