import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { packageRoot } from '../package-root.ts';
import { IGNORED_DIST, ignoredByGit } from '../git-ignored.ts';
import { locateProject } from '../project.ts';
import { parseScope } from '../settings/scope.ts';
import { WARM_CLIENT_FILE } from '../settings/warm-command.ts';
import { compileWarmClient } from '../warm-client.ts';

interface BuildModule {
  buildHooks(options: Record<string, unknown>): Promise<{ manifest: unknown; ms: number }>;
  checkBuild(options: Record<string, unknown>): string[];
  buildReport(result: { manifest: unknown; ms: number }, outLabel: string): string;
  watchHooks(
    options: Record<string, unknown>,
    onBuilt: (result: { manifest: unknown; ms: number }) => void,
    onError: (error: unknown) => void,
  ): Promise<void>;
  BuildError: new (...args: never[]) => Error;
}

// build/ is ES modules and loads esbuild, which only the build needs: imported when asked for,
// by a URL computed at run time (esbuild leaves such an import() as it is in the CLI bundle).
const importModule = (specifier: string): Promise<unknown> => import(specifier);

/** The build module of the package this CLI came with. */
async function loadBuild(): Promise<BuildModule> {
  const file = join(packageRoot(), 'build', 'index.mjs');
  try {
    return (await importModule(pathToFileURL(file).href)) as BuildModule;
  } catch (error) {
    throw new CliError(
      'E_BUILD',
      `cannot load hookpack's build (${file}): ${(error as Error).message}; reinstall hookpack (npm install --save-dev hookpack)`,
      { cause: error },
    );
  }
}

async function run({ values }: { values: Record<string, unknown> }, io: Io): Promise<number> {
  const scope = parseScope(values.scope);
  const project = locateProject(io, { scope });
  const shortPath = (file: string) => relative(io.cwd, file) || '.';
  const build = await loadBuild();
  const options = {
    hooksDir: project.hooksDir,
    outDir: project.distDir,
    projectRoot: project.root,
    typecheck: values['no-typecheck'] !== true,
    codeCache: values['no-code-cache'] !== true,
    shortPath,
    note: (text: string) => io.err(`hookpack: note: ${text}\n`),
  };
  const outLabel = shortPath(project.distDir);
  // One line; a stack only when asked for.
  const failure = (error: unknown) =>
    error instanceof build.BuildError
      ? error.message
      : `internal error: ${(error as Error).message ?? String(error)}${io.env.HOOKPACK_DEBUG ? `\n${(error as Error).stack}` : ' (HOOKPACK_DEBUG=1 shows the stack)'}`;
  if (values.check === true) {
    const reasons = build.checkBuild(options);
    if (reasons.length === 0) {
      io.out(`${outLabel} is up to date with ${shortPath(project.hooksDir)}\n`);
      return EXIT.OK;
    }
    io.out(
      `${outLabel} is stale: run hookpack build and commit the result\n${reasons.map((r) => `  - ${r}\n`).join('')}`,
    );
    return EXIT.FINDINGS;
  }
  if (values.watch === true) {
    io.err(`watching ${shortPath(project.hooksDir)} (Ctrl-C to stop)\n`);
    await build.watchHooks(
      options,
      (result) => io.err(build.buildReport(result, outLabel)),
      (error) => io.err(`hookpack: build failed: ${failure(error)}\n`),
    );
    return new Promise<number>(() => {});
  }
  try {
    io.err(build.buildReport(await build.buildHooks(options), outLabel));
    await refreshWarmClient(project.distDir, io);
  } catch (error) {
    io.err(`hookpack: build failed: ${failure(error)}\n`);
    return EXIT.FINDINGS;
  }
  if (project.kind === 'project' && ignoredByGit(project.distDir, project.root))
    io.err(`hookpack: warning: ${IGNORED_DIST.message}; ${IGNORED_DIST.fix}\n`);
  io.err(
    project.kind === 'user'
      ? 'next: hookpack install --scope user (once)\n'
      : `next: hookpack install (once), and commit ${shortPath(project.hooksDir)} with its dist/\n`,
  );
  return EXIT.OK;
}

/**
 * A dist directory whose hooks were installed with --warm keeps its client compiled for this
 * hookpack (a new version brings a new client source or daemon path); a failure is a warning:
 * the client then runs an older build or, when gone, the guard's command blocks (`|| exit 2`).
 */
async function refreshWarmClient(distDir: string, io: Io): Promise<void> {
  if (!existsSync(join(distDir, WARM_CLIENT_FILE))) return;
  const client = await compileWarmClient(distDir, io.env);
  if ('reason' in client)
    io.err(`hookpack: warning: the warm client in ${join(distDir, 'warm')} was not rebuilt: ${client.reason}\n`);
}

/** `hookpack build`: the project's hooks into one dependency-free bundle each, plus event bundles. */
export const buildCommand: Command = {
  name: 'build',
  summary: 'bundle .claude/hooks/*.ts into .claude/hooks/dist (one .cjs per hook and per event)',
  help: [
    'usage: hookpack build [--watch] [--check] [--scope project|user] [--no-typecheck] [--no-code-cache]',
    '',
    'Builds every .claude/hooks/<name>.ts of the project around the current directory (files',
    'starting with _ are helpers; other files are left alone) into .claude/hooks/dist/: a minified,',
    'dependency-free <name>.cjs per hook, on-<Event>.cjs per event and manifest.json. Commit them:',
    'a teammate who clones the project needs only node. Type errors fail the build when the project',
    'has typescript; a budgets.json there ({ "on-PreToolUse.cjs": 120000 }) holds bundles to sizes.',
    '',
    '  --watch            build again whenever a hook file changes',
    '  --check            build nothing; exit 1 and say why when the bundles no longer match the',
    "                     sources (for the project's CI)",
    '  --scope user       the hooks in ~/.claude/hooks instead',
    '  --no-typecheck     skip the type check (while iterating)',
    '  --no-code-cache    bundles without the V8 code-cache loader',
  ].join('\n'),
  options: {
    watch: { type: 'boolean' },
    check: { type: 'boolean' },
    scope: { type: 'string' },
    'no-typecheck': { type: 'boolean' },
    'no-code-cache': { type: 'boolean' },
  },
  run,
};
