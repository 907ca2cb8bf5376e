import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkBuild } from '../../build/check.mjs';
import {
  contentVersion,
  isGeneratedPlugin,
  manifestEvents,
  pluginNameProblem,
  writeMarketplace,
  writePlugin,
  type PluginEvent,
} from '../../build/plugins.mjs';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { locateProject, type Project } from '../project.ts';
import { readablePath } from '../settings/display.ts';
import { shQuote } from '../settings/hook-command.ts';
import { readManifest } from '../settings/manifest.ts';
import { readSmallText } from '../settings/read-bytes.ts';
import { parseScope } from '../settings/scope.ts';

declare const HOOKPACK_VERSION: string;
const VERSION =
  typeof HOOKPACK_VERSION === 'string'
    ? HOOKPACK_VERSION
    : (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** A directory name made kebab-case (`My_Repo` → `my-repo`); empty when nothing usable is left. */
function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

/** The project's package.json fields a plugin takes (version, author), when it has one. */
function packageFields(root: string): { version?: string; author?: string } {
  try {
    const pkg = JSON.parse(readSmallText(join(root, 'package.json')) ?? 'null') as {
      version?: unknown;
      author?: unknown;
    } | null;
    const author =
      typeof pkg?.author === 'string'
        ? pkg.author.replace(/\s*[<(].*$/, '')
        : typeof (pkg?.author as { name?: unknown })?.name === 'string'
          ? String((pkg!.author as { name: string }).name)
          : undefined;
    return {
      ...(typeof pkg?.version === 'string' && SEMVER.test(pkg.version) ? { version: pkg.version } : {}),
      ...(author ? { author } : {}),
    };
  } catch {
    return {};
  }
}

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Where the plugin may go: a new or empty directory, or one holding a plugin hookpack made
 * (written again: our files replaced, the team's README kept). Never the project's own hooks,
 * nor a directory the project lies in.
 */
function checkTarget(target: string, project: Project, io: Io): void {
  const show = readablePath(target, io);
  if (inside(project.hooksDir, target) || inside(project.root, target))
    throw new CliError(
      'E_USAGE',
      `${show} holds the project itself: give the plugin a directory of its own (for example ../team-marketplace/plugins/<name>)`,
    );
  if (inside(target, project.hooksDir))
    throw new CliError(
      'E_USAGE',
      `${show} is inside ${readablePath(project.hooksDir, io)}, which the build owns: give the plugin a directory of its own`,
    );
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return;
  }
  if (!stat.isDirectory())
    throw new CliError(
      'E_IO',
      `${show} exists and is not a directory${stat.isSymbolicLink() ? ' (a symbolic link)' : ''}: pick a new directory`,
    );
  if (readdirSync(target).length > 0 && !isGeneratedPlugin(target)) {
    throw new CliError(
      'E_USAGE',
      `${show} is not empty and holds no plugin hookpack made: pick a new directory (hookpack plugin only rewrites its own)`,
    );
  }
}

/** The marketplace's root for a plugin directory: the one that already lists plugins, else `plugins/`'s parent, else the parent. */
function marketplaceRoot(target: string): string {
  const parent = dirname(target);
  for (const root of [parent, dirname(parent)])
    if (existsSync(join(root, '.claude-plugin', 'marketplace.json'))) return root;
  return basename(parent) === 'plugins' ? dirname(parent) : parent;
}

function describeEvents(events: PluginEvent[]): string[] {
  return events.map(
    (e) =>
      `  ${e.event.padEnd(18)} ${e.hooks.join(', ')}${e.matcher ? ` (${e.matcher})` : ''}${e.onError === 'block' ? ', fails closed' : ''}, timeout ${e.timeout} s`,
  );
}

async function run(
  { values, positionals }: { values: Record<string, unknown>; positionals: string[] },
  io: Io,
): Promise<number> {
  if (positionals.length !== 1 || positionals[0] === '')
    throw new CliError(
      'E_USAGE',
      '`hookpack plugin` needs one directory to write the plugin to, e.g. hookpack plugin ../team-marketplace/plugins/team-hooks',
    );
  const project = locateProject(io, { scope: parseScope(values.scope) });
  if (project.kind === 'repository')
    throw new CliError(
      'E_USAGE',
      `${project.root} is hookpack's own repository, whose plugin plugins/hookpack-guards the build writes (npm run build); run hookpack plugin in your project`,
    );
  const target = resolve(io.cwd, positionals[0] ?? '');
  const fromPackage = packageFields(project.root);
  const name = typeof values.name === 'string' ? values.name : `${kebab(basename(project.root)) || 'team'}-hooks`;
  const problem = pluginNameProblem(name);
  if (problem !== undefined)
    throw new CliError(
      'E_USAGE',
      `plugin name ${JSON.stringify(name)} ${problem}; Claude Code refuses such names: pass --name`,
    );
  const base = typeof values.version === 'string' ? values.version : (fromPackage.version ?? '0.1.0');
  if (!SEMVER.test(base))
    throw new CliError('E_USAGE', `version ${JSON.stringify(base)} is not a semantic version like 1.2.0`);
  checkTarget(target, project, io);

  const manifest = readManifest(project.distDir);
  let events: PluginEvent[];
  try {
    events = manifestEvents(manifest);
  } catch (error) {
    throw new CliError(
      'E_BUILD',
      `${readablePath(join(project.distDir, 'manifest.json'), io)} ${(error as Error).message}: run hookpack build again`,
    );
  }
  // A plugin is what its users run: never one built from hooks that have changed since.
  const stale = checkBuild({
    hooksDir: project.hooksDir,
    outDir: project.distDir,
    projectRoot: project.root,
    version: VERSION,
    shortPath: (file) => readablePath(file, io),
  });
  if (stale.length > 0)
    throw new CliError(
      'E_BUILD',
      `the build in ${readablePath(project.distDir, io)} is stale (${stale[0]}${stale.length > 1 ? `, and ${stale.length - 1} more` : ''}): run hookpack build first`,
    );

  // Claude Code reuses an installed copy while the version stays the same: the bundles' hash rides along.
  const version =
    typeof values.version === 'string' && values.version.includes('+')
      ? values.version
      : contentVersion(base, project.distDir, events);
  const author = { name: fromPackage.author ?? (kebab(basename(project.root)) || name) };
  const hookNames = [...new Set(events.flatMap((e) => e.hooks))];
  const description = `Claude Code hooks of ${basename(project.root)}: ${hookNames.join(', ')} (built with hookpack ${VERSION}).`;
  const source = relative(project.root, project.hooksDir).split(sep).join('/') || '.';
  let written: { files: string[]; bytes: number };
  try {
    written = writePlugin({
      dir: target,
      distDir: project.distDir,
      spec: { name, version, description, author, hookpackVersion: VERSION, source },
      events,
    });
  } catch (error) {
    throw new CliError('E_IO', `cannot write the plugin to ${readablePath(target, io)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const lines = [
    `wrote plugin ${name} ${version} to ${readablePath(target, io)} (${written.files.length} files, ${written.bytes} B)`,
    ...describeEvents(events),
  ];
  let marketplace = '<the repository or directory holding .claude-plugin/marketplace.json>';
  let marketplaceName = '';
  if (values.marketplace === true) {
    const root = marketplaceRoot(target);
    const fallback = kebab(basename(root));
    marketplaceName = pluginNameProblem(fallback) === undefined && fallback !== name ? fallback : `${name}-marketplace`;
    let file: string;
    try {
      file = writeMarketplace(
        root,
        { name: marketplaceName, owner: author, description: `Claude Code plugins of ${author.name}` },
        { name, source: `./${relative(root, target).split(sep).join('/')}`, description },
      );
      marketplaceName = (JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name;
    } catch (error) {
      throw new CliError('E_IO', `cannot write the marketplace: ${(error as Error).message}`, { cause: error });
    }
    lines.push(`listed it in ${readablePath(file, io)} (marketplace ${marketplaceName})`);
    // A word the shell reads back as the path, for the line to paste.
    const shown = readablePath(root, io);
    marketplace = /^[A-Za-z0-9_./~-]+$/.test(shown) ? shown : shQuote(shown);
  }
  lines.push(
    '',
    "next: commit the plugin (with its dist/) into the team's marketplace repository; then each teammate, once:",
    `  claude plugin marketplace add ${marketplace}`,
    `  claude plugin install ${name}${marketplaceName ? `@${marketplaceName}` : ''}`,
    'after a change: hookpack build, hookpack plugin again, commit; teammates: claude plugin marketplace update, claude plugin update.',
    '',
  );
  io.out(lines.join('\n'));
  return EXIT.OK;
}

/** `hookpack plugin`: a project's built hooks as a Claude Code plugin, for a team's marketplace. */
export const pluginCommand: Command = {
  name: 'plugin',
  summary: "package the project's built hooks as a Claude Code plugin (for a team's marketplace)",
  help: [
    'usage: hookpack plugin <dir> [--name NAME] [--version X.Y.Z] [--marketplace] [--scope project|user]',
    '',
    "Writes a Claude Code plugin made of the project's built event bundles (.claude/hooks/dist):",
    '<dir>/.claude-plugin/plugin.json, hooks/hooks.json (commands through ${CLAUDE_PLUGIN_ROOT},',
    'the timeouts and fail-closed `|| exit 2` that install writes), dist/on-<Event>.cjs and a README.',
    'Nothing runs npm install: the bundles need only node. <dir> must be new, empty, or a plugin',
    'hookpack wrote before (then rewritten; a README you wrote is kept). The build must be current.',
    '',
    '  --name NAME      the plugin name, kebab-case (default: <project directory>-hooks)',
    "  --version X.Y.Z  the plugin's version (default: the project's package.json version, else 0.1.0),",
    '                   with +<hash of the bundles> added, so every new build is a new version',
    '                   (Claude Code reuses an installed copy while the version is unchanged)',
    '  --marketplace    also add the plugin to .claude-plugin/marketplace.json in the marketplace root:',
    '                   the directory above <dir> that already has one, else the parent of plugins/',
    "                   when <dir> is plugins/<name>, else <dir>'s parent",
    '  --scope user     package ~/.claude/hooks instead',
  ].join('\n'),
  options: {
    name: { type: 'string' },
    version: { type: 'string' },
    marketplace: { type: 'boolean' },
    scope: { type: 'string' },
  },
  positionals: true,
  run,
};
