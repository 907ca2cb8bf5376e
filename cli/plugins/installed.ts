// The Claude Code plugins installed for this user and project, and whether each is enabled, read
// the way the real client (2.1.329) keeps them:
//   <config>/plugins/installed_plugins.json  { version: 2, plugins: { "<name>@<marketplace>":
//       [{ scope: "user" | "project" | "local", installPath, version, projectPath? }] } }
//   enabledPlugins { "<name>@<marketplace>": true | false } in the user, project and local
//       settings (`claude plugin install` writes true, `claude plugin disable` false)
// where <config> is $CLAUDE_CONFIG_DIR or ~/.claude. A plugin's hooks are in
// <installPath>/hooks/hooks.json, commands through ${CLAUDE_PLUGIN_ROOT} = installPath.
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** enabledPlugins of each settings layer, most decisive first. */
function enabledSettings(io: Pick<Io, 'env'>, project: string): Array<{ layer: string; values: Record<string, unknown> }> {
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
  const data = readJson(join(pluginsDir(io.env), 'installed_plugins.json'));
  if (!isObject(data) || !isObject(data.plugins)) return [];
  const settings = enabledSettings(io, project);
  const found: InstalledPlugin[] = [];
  for (const [id, entries] of Object.entries(data.plugins)) {
    if (!Array.isArray(entries)) continue;
    const entry = entries.find((e) => isObject(e) && typeof e.installPath === 'string' && (typeof e.projectPath !== 'string' || resolve(e.projectPath) === resolve(project)));
    if (!isObject(entry)) continue;
    const decided = settings.find((s) => typeof s.values[id] === 'boolean');
    found.push({
      id,
      root: String(entry.installPath),
      scope: typeof entry.scope === 'string' ? entry.scope : 'user',
      version: typeof entry.version === 'string' ? entry.version : undefined,
      enabled: decided?.values[id] === true,
      enabledBy: decided?.layer,
    });
  }
  return found;
}
