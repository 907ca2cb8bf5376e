// The Claude Code plugins installed for this user and project, and whether each is enabled, read
// the way the real client (2.1.329) keeps them:
//   <config>/plugins/installed_plugins.json  { version: 2, plugins: { "<name>@<marketplace>":
//       [{ scope: "user" | "project" | "local", installPath, version, projectPath? }] } }
//   enabledPlugins { "<name>@<marketplace>": true | false } in the user, project and local
//       settings (`claude plugin install` writes true, `claude plugin disable` false)
//   <config>/plugins/known_marketplaces.json  { "<marketplace>": { source: { source: "directory",
//       path }, installLocation } }
// where <config> is $CLAUDE_CONFIG_DIR or ~/.claude. A plugin's hooks are in
// <root>/hooks/hooks.json, commands through ${CLAUDE_PLUGIN_ROOT} = <root>. The root is the
// installPath (a copy under cache/), except for a marketplace that is a local directory: 2.1.329
// then runs the plugin from that directory (`claude plugin list`: "Read from: <dir>", and
// CLAUDE_PLUGIN_ROOT was the source directory in the e2e run), so that is where its hooks are.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Io } from '../io.ts';
import { readSmallText } from '../settings/read-bytes.ts';

/** One installed plugin that applies here. */
export interface InstalledPlugin {
  /** `<name>@<marketplace>`. */
  id: string;
  /** Its directory, what ${CLAUDE_PLUGIN_ROOT} is for its hooks. */
  root: string;
  scope: string;
  version: string | undefined;
  /** Enabled by the settings that decide (local over project over user). */
  enabled: boolean;
  /** The settings layer that decided, or undefined when none names it. */
  enabledBy: string | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readJson(path: string): unknown {
  try {
    return JSON.parse(readSmallText(path) ?? 'null');
  } catch {
    return undefined;
  }
}

/** Where Claude Code keeps plugins: `$CLAUDE_CONFIG_DIR/plugins` or `~/.claude/plugins`. */
export function pluginsDir(env: NodeJS.ProcessEnv): string {
  return join(env.CLAUDE_CONFIG_DIR || join(env.HOME || homedir(), '.claude'), 'plugins');
}

/** Where a plugin of a local-directory marketplace is read from: `<marketplace dir>/<its source>`, or undefined. */
function directorySource(configPlugins: string, id: string): string | undefined {
  const at = id.lastIndexOf('@');
  if (at <= 0) return undefined;
  const [name, marketplace] = [id.slice(0, at), id.slice(at + 1)];
  const known = readJson(join(configPlugins, 'known_marketplaces.json'));
  const entry = isObject(known) ? known[marketplace] : undefined;
  if (
    !isObject(entry) ||
    !isObject(entry.source) ||
    entry.source.source !== 'directory' ||
    typeof entry.installLocation !== 'string'
  )
    return undefined;
  const market = readJson(join(entry.installLocation, '.claude-plugin', 'marketplace.json'));
  const plugin =
    isObject(market) && Array.isArray(market.plugins)
      ? market.plugins.find((p) => isObject(p) && p.name === name)
      : undefined;
  return isObject(plugin) && typeof plugin.source === 'string' && plugin.source.startsWith('./')
    ? resolve(entry.installLocation, plugin.source)
    : undefined;
}

/** enabledPlugins of each settings layer, most decisive first. */
function enabledSettings(
  io: Pick<Io, 'env'>,
  project: string,
): Array<{ layer: string; values: Record<string, unknown> }> {
  const userDir = io.env.CLAUDE_CONFIG_DIR || join(io.env.HOME || homedir(), '.claude');
  const files: Array<[string, string]> = [
    ['local', join(project, '.claude', 'settings.local.json')],
    ['project', join(project, '.claude', 'settings.json')],
    ['user', join(userDir, 'settings.json')],
  ];
  return files.flatMap(([layer, path]) => {
    const data = readJson(path);
    return isObject(data) && isObject(data.enabledPlugins) ? [{ layer, values: data.enabledPlugins }] : [];
  });
}

/**
 * The plugins installed for the user, or for this project (a project or local install records
 * the project's path), each once, with whether it is enabled here. Unreadable files mean none.
 */
export function installedPlugins(io: Pick<Io, 'env'>, project: string): InstalledPlugin[] {
  const configPlugins = pluginsDir(io.env);
  const data = readJson(join(configPlugins, 'installed_plugins.json'));
  if (!isObject(data) || !isObject(data.plugins)) return [];
  const settings = enabledSettings(io, project);
  const found: InstalledPlugin[] = [];
  for (const [id, entries] of Object.entries(data.plugins)) {
    if (!Array.isArray(entries)) continue;
    const entry = entries.find(
      (e) =>
        isObject(e) &&
        typeof e.installPath === 'string' &&
        (typeof e.projectPath !== 'string' || resolve(e.projectPath) === resolve(project)),
    );
    if (!isObject(entry)) continue;
    const decided = settings.find((s) => typeof s.values[id] === 'boolean');
    found.push({
      id,
      root: directorySource(configPlugins, id) ?? String(entry.installPath),
      scope: typeof entry.scope === 'string' ? entry.scope : 'user',
      version: typeof entry.version === 'string' ? entry.version : undefined,
      enabled: decided?.values[id] === true,
      enabledBy: decided?.layer,
    });
  }
  return found;
}
