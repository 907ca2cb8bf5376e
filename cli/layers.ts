import { readdirSync } from 'node:fs';
import { projectRootFrom } from './project.ts';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
// The UMD entry jsonc-parser's `main` points at hides its requires from esbuild (the bundle then
// fails with "Cannot find module './impl/format'"); the ESM build bundles cleanly.
import { parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { CliError } from './errors.ts';
import { installedPlugins } from './plugins/installed.ts';
import type { Io } from './io.ts';
import { WEAKENING_FIELDS } from './settings/handlers.ts';
import { duplicateKeys, duplicatePlace, hidesHooks } from './settings/duplicates.ts';
import { firstNotJson, notJsonText } from './settings/not-json.ts';
import { readSettingsBytes } from './settings/read-bytes.ts';
import { byteLineColumn, decodeUtf8, firstInvalidUtf8 } from './settings/utf8.ts';

/** Where a settings file sits in Claude Code's hierarchy (hooks-protocol §2.2); `settings` = `--settings PATH`. */
export type LayerName = 'user' | 'project' | 'local' | 'managed' | 'settings' | 'plugin';

/** The installed, enabled plugin a `plugin` layer's hooks come from. */
export interface PluginSource {
  /** `<name>@<marketplace>`. */
  id: string;
  /** The plugin's directory: `${CLAUDE_PLUGIN_ROOT}` in its commands. */
  root: string;
}

/** One `{"type":"command"}` handler found in a settings file. */
export interface ConfiguredHook {
  layer: LayerName;
  /** The settings file it came from. */
  path: string;
  /** Its place in that file, e.g. `hooks.PreToolUse[0].hooks[1]`. */
  where: string;
  event: string;
  /** The group's matcher, or undefined when absent. */
  matcher: string | undefined;
  command: string;
  /** Exec form (2.1.139): the executable is `command`, these are its arguments, no shell. */
  args?: string[];
  /** Seconds, when set. */
  timeout?: number;
  async: boolean;
  /** Fields that keep its answer from counting or it from running (`async`, `if`, `shell` …). */
  weakening?: string[];
  /** For a plugin's hook (layer `plugin`): which plugin, and its root. */
  plugin?: PluginSource;
}

/** Something about a settings file that is not a broken hooks entry: repeated keys, comments, encoding. */
export interface LayerIssue {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  fix: string;
  /** The object it is in, e.g. `hooks.PreToolUse[0]`; absent for the file as a whole. */
  where?: string;
}

/** A settings file and what we could read from it. */
export interface Layer {
  name: LayerName;
  path: string;
  exists: boolean;
  hooks: ConfiguredHook[];
  /** Handlers of another type (http, prompt, agent, mcp_tool): counted, not run. */
  otherHandlers: number;
  /** Why (part of) the file is unusable: invalid JSON, or a hooks entry of the wrong shape. */
  problems: string[];
  /** What else is wrong with it, each with its own severity and fix. */
  issues: LayerIssue[];
  /** For a plugin's hooks/hooks.json: which plugin. */
  plugin?: PluginSource;
}

/** The managed policy file on Linux; `HOOKPACK_MANAGED_SETTINGS` points elsewhere (tests, macOS). */
export const MANAGED_SETTINGS = '/etc/claude-code/managed-settings.json';

/** The directory Claude Code treats as the project: `$CLAUDE_PROJECT_DIR`, else the current directory. */
export function projectDir(io: Pick<Io, 'env' | 'cwd'>): string {
  return io.env.CLAUDE_PROJECT_DIR || projectRootFrom(io.cwd, io.env);
}

/** The settings files to read, in Claude Code's order; `--settings PATH` replaces them all. */
export function layerPaths(io: Pick<Io, 'env' | 'cwd'>, settingsFlag?: string): { name: LayerName; path: string }[] {
  if (settingsFlag !== undefined) return [{ name: 'settings', path: resolve(io.cwd, settingsFlag) }];
  const home = io.env.HOME || homedir();
  const userDir = io.env.CLAUDE_CONFIG_DIR || join(home, '.claude');
  const project = projectDir(io);
  const managed = io.env.HOOKPACK_MANAGED_SETTINGS || MANAGED_SETTINGS;
  return [
    { name: 'user', path: join(userDir, 'settings.json') },
    { name: 'project', path: join(project, '.claude', 'settings.json') },
    { name: 'local', path: join(project, '.claude', 'settings.local.json') },
    { name: 'managed', path: managed },
    ...managedDropIns(managed),
  ];
}

/** `managed-settings.d/*.json` next to the managed file, sorted, as Claude Code merges them. */
function managedDropIns(managed: string): { name: LayerName; path: string }[] {
  const dir = join(dirname(managed), 'managed-settings.d');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ name: 'managed' as const, path: join(dir, f) }));
  } catch {
    return [];
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown) =>
  Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;

/** Keys repeated on the way to the hooks: Claude Code keeps the last, so the first copy is dead. */
function duplicateIssues(text: string): LayerIssue[] {
  const line = (offset: number) => lineColumn(text, offset).split(':')[0];
  return duplicateKeys(parseTree(text, [], { allowTrailingComma: false })).map((d) => ({
    severity: 'error' as const,
    code: 'duplicate-key',
    message: hidesHooks(d)
      ? `"${d.key}" appears twice in ${duplicatePlace(d)} (lines ${line(d.firstOffset)} and ${line(d.offset)}): Claude Code reads only the last copy, so the hooks in the first never run`
      : `"${d.key}" appears twice in ${duplicatePlace(d)} (lines ${line(d.firstOffset)} and ${line(d.offset)}): Claude Code reads only the last value and ignores the first`,
    fix: hidesHooks(d)
      ? 'merge the two into one (move the entries of the first into the last) and delete the first'
      : 'delete the copy you do not mean',
    ...(d.where === '' ? {} : { where: d.where }),
  }));
}

/** Reads one settings file; a missing file is an empty layer, not a problem. */
export function readLayer(name: LayerName, path: string): Layer {
  const layer: Layer = { name, path, exists: false, hooks: [], otherHandlers: 0, problems: [], issues: [] };
  // The one bounded, non-blocking reader: a link to /dev/zero or a FIFO in a cloned repository
  // must not eat memory or hang doctor, list or profile.
  const read = readSettingsBytes(path);
  if (read.kind === 'missing') return layer;
  if (read.kind === 'refused') {
    layer.problems.push(read.code === 'EISDIR' ? 'is a directory, not a settings file' : `cannot read it: ${read.why}`);
    return layer;
  }
  const bytes = read.bytes;
  layer.exists = true;
  let text = decodeUtf8(bytes);
  if (text === undefined) {
    const at = firstInvalidUtf8(bytes);
    layer.issues.push({
      severity: 'warning',
      code: 'settings-not-utf8',
      message: `${byteLineColumn(bytes, at)}: byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} is not UTF-8: Claude Code reads it as U+FFFD, and \`hookpack install\` refuses to edit the file`,
      fix: 'save the file as UTF-8',
    });
    text = bytes.toString('utf8');
  }
  // Before parsing: jsonc-parser recurses, and 100,000 `[` would overflow the stack.
  const notJson = firstNotJson(text);
  if (notJson?.kind === 'too-deep') {
    layer.problems.push(`${lineColumn(text, notJson.offset)}: ${notJsonText(notJson).problem}`);
    return layer;
  }
  if (notJson !== undefined) {
    const { problem, fix } = notJsonText(notJson);
    layer.issues.push({
      severity: 'error',
      code: notJson.kind === 'comment' ? 'settings-comments' : 'settings-trailing-comma',
      message: `${lineColumn(text, notJson.offset)}: ${problem}`,
      fix,
    });
  }
  const errors: ParseError[] = [];
  // Comments and trailing commas are reported above, once; parse past them to check the rest.
  const data: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0] as ParseError;
    layer.problems.push(
      `invalid JSON at ${lineColumn(text, first.offset)}: ${printParseErrorCode(first.error)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
    );
  }
  if (errors.length === 0 && !isObject(data) && text.trim() !== '') {
    layer.problems.push(`the top level must be a JSON object, found ${describe(data)}`);
    return layer;
  }
  layer.issues.push(...duplicateIssues(text));
  if (!isObject(data) || data.hooks === undefined) return layer;
  if (!isObject(data.hooks)) {
    layer.problems.push('`hooks` must be an object keyed by event name');
    return layer;
  }
  for (const [event, groups] of Object.entries(data.hooks)) {
    if (!Array.isArray(groups)) {
      layer.problems.push(`hooks.${event} must be an array of {"matcher", "hooks": [...]} groups`);
      continue;
    }
    groups.forEach((group: unknown, g) => readGroup(layer, event, group, `hooks.${event}[${g}]`));
  }
  return layer;
}

function readGroup(layer: Layer, event: string, group: unknown, where: string): void {
  if (!isObject(group) || !Array.isArray(group.hooks)) {
    layer.problems.push(`${where} must be {"matcher": "...", "hooks": [...]}`);
    return;
  }
  const matcher = typeof group.matcher === 'string' ? group.matcher : undefined;
  group.hooks.forEach((handler: unknown, h) => {
    const at = `${where}.hooks[${h}]`;
    if (!isObject(handler) || typeof handler.type !== 'string') {
      layer.problems.push(`${at} has no "type" ("command", "http", …), so Claude Code skips it`);
    } else if (handler.type !== 'command') {
      layer.otherHandlers++;
    } else if (typeof handler.command !== 'string' || handler.command.trim() === '') {
      layer.problems.push(`${at} is a command hook without a "command" string`);
    } else {
      const hook: ConfiguredHook = {
        layer: layer.name,
        path: layer.path,
        where: at,
        event,
        matcher,
        command: handler.command,
        async: handler.async === true || handler.asyncRewake === true,
      };
      if (Array.isArray(handler.args)) hook.args = handler.args.map(String);
      if (typeof handler.timeout === 'number') hook.timeout = handler.timeout;
      const weakening = WEAKENING_FIELDS.filter((field) => field in handler);
      if (weakening.length > 0) hook.weakening = weakening;
      layer.hooks.push(hook);
    }
  });
}

/**
 * Every settings layer Claude Code would read here (or only `--settings PATH`), with its command
 * hooks. A `--settings` file that does not exist is a CliError: the user named it.
 */
export function readLayers(io: Pick<Io, 'env' | 'cwd'>, settingsFlag?: string): Layer[] {
  const layers = layerPaths(io, settingsFlag).map(({ name, path }) => readLayer(name, path));
  const named = layers[0];
  if (settingsFlag !== undefined && named !== undefined && !named.exists) {
    throw new CliError(
      'E_SETTINGS',
      `\`--settings\` names ${named.path}, which does not exist; pass the path of a settings.json file`,
    );
  }
  return settingsFlag === undefined ? [...layers, ...pluginLayers(io)] : layers;
}

/**
 * The hooks/hooks.json of every installed plugin enabled here: Claude Code runs them beside the
 * settings files' hooks (and a guard in both runs twice).
 */
export function pluginLayers(io: Pick<Io, 'env' | 'cwd'>): Layer[] {
  return installedPlugins(io, projectDir(io))
    .filter((p) => p.enabled)
    .map((p) => {
      const plugin = { id: p.id, root: p.root };
      const layer = readLayer('plugin', join(p.root, 'hooks', 'hooks.json'));
      for (const hook of layer.hooks) hook.plugin = plugin;
      return { ...layer, plugin };
    });
}

/** The command hooks of all layers, in layer order. */
export function configuredHooks(layers: Layer[]): ConfiguredHook[] {
  return layers.flatMap((layer) => layer.hooks);
}
