import { dirname, join } from 'node:path';
import { unsafeReason } from './home.ts';
import { readRegularFile } from './private-file.ts';
import { homeDir } from './runtime/home-dir.ts';
import { HookError, oneLine } from './runtime/errors.ts';

/** One configuration file that was found and parsed. */
export interface ConfigLayer {
  scope: 'user' | 'project';
  path: string;
  data: Record<string, unknown>;
}

/** Where a hook's user-level config lives: `$HOOKPACK_CONFIG_DIR`, else `$XDG_CONFIG_HOME/hookpack`, else `~/.config/hookpack`. */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOOKPACK_CONFIG_DIR) return env.HOOKPACK_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME || join(homeDir(env), '.config'), 'hookpack');
}

/** Hook configs are small JSON files; anything bigger is a mistake or an attack. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Why the user config directory can't be trusted, or undefined: it may relax every guard, so it
 * gets the state directory's checks (ours or root's, not writable by group or others, no link
 * someone else owns). Checked only when a config file exists: nothing to relax otherwise.
 */
function untrustedDir(dir: string): string | undefined {
  try {
    return unsafeReason(dir, { rootMayOwn: true });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

function readLayer(scope: ConfigLayer['scope'], path: string): ConfigLayer | undefined {
  const read = readRegularFile(path, MAX_CONFIG_BYTES, { owned: scope === 'user' });
  if (read === 'missing') return undefined;
  if (scope === 'user') {
    const dir = dirname(path);
    const problem = untrustedDir(dir);
    if (problem !== undefined) {
      // Short: the failure line keeps 300 characters, and the fix must survive that.
      throw new HookError(
        'E_CONFIG',
        `untrusted user config dir ${dir}: ${problem.replace(/; run chmod 700 on it$/, '')}; run chmod go-w ${dir} (and chown it to yourself)`,
      );
    }
  }
  if (!Buffer.isBuffer(read)) {
    if (read.unsafe)
      throw new HookError(
        'E_CONFIG',
        `untrusted user config ${path}: ${read.refused}; run chmod go-w ${path} (and chown it to yourself)`,
      );
    throw new HookError(
      'E_CONFIG',
      `cannot read ${path} (${read.refused}); make it a JSON file of at most 1 MiB or remove it`,
    );
  }
  const text = read.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HookError(
      'E_CONFIG',
      `${path} is not valid JSON (${oneLine((error as Error).message, 120)}); fix or remove it`,
      { cause: error },
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new HookError('E_CONFIG', `${path} must hold a JSON object; fix or remove it`);
  }
  return { scope, path, data: data as Record<string, unknown> };
}

/**
 * Reads a hook's JSON configuration `<name>.json` from the user config dir and from the
 * project's `.claude/hookpack/` (project dir from `$CLAUDE_PROJECT_DIR`, else `projectDir`).
 * Missing files are fine; a file that exists but is unreadable or not a JSON object throws
 * E_CONFIG naming the file, so a typo never silently changes what a guard does.
 * Layers come back user first, then project.
 */
export function loadConfigLayers(
  name: string,
  projectDir?: string,
  env: NodeJS.ProcessEnv = process.env,
): ConfigLayer[] {
  const layers: ConfigLayer[] = [];
  const user = readLayer('user', join(userConfigDir(env), `${name}.json`));
  if (user) layers.push(user);
  const root = env.CLAUDE_PROJECT_DIR || projectDir;
  if (root) {
    const project = readLayer('project', join(root, '.claude', 'hookpack', `${name}.json`));
    if (project) layers.push(project);
  }
  return layers;
}
