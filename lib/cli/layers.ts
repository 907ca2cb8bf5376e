import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
// The UMD entry jsonc-parser's `main` points at hides its requires from esbuild (the bundle then
// fails with "Cannot find module './impl/format'"); the ESM build bundles cleanly.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';

/** Where a settings file sits in Claude Code's hierarchy (hooks-protocol §2.2); `settings` = `--settings PATH`. */
export type LayerName = 'user' | 'project' | 'local' | 'managed' | 'settings';

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
}

/** The managed policy file on Linux; `HOOKPACK_MANAGED_SETTINGS` points elsewhere (tests, macOS). */
export const MANAGED_SETTINGS = '/etc/claude-code/managed-settings.json';

/** The directory Claude Code treats as the project: `$CLAUDE_PROJECT_DIR`, else the current directory. */
export function projectDir(io: Pick<Io, 'env' | 'cwd'>): string {
  return io.env.CLAUDE_PROJECT_DIR || io.cwd;
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one settings file; a missing file is an empty layer, not a problem. */
export function readLayer(name: LayerName, path: string): Layer {
  const layer: Layer = { name, path, exists: false, hooks: [], otherHandlers: 0, problems: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') layer.problems.push(`cannot read it (${code ?? String(error)})`);
    return layer;
  }
  layer.exists = true;
  const errors: ParseError[] = [];
  const data: unknown = parse(text, errors, { allowTrailingComma: false });
  if (errors.length > 0) {
    const first = errors[0] as ParseError;
    layer.problems.push(`invalid JSON at ${lineColumn(text, first.offset)}: ${printParseErrorCode(first.error)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
  }
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
      const hook: ConfiguredHook = { layer: layer.name, path: layer.path, where: at, event, matcher, command: handler.command, async: handler.async === true || handler.asyncRewake === true };
      if (Array.isArray(handler.args)) hook.args = handler.args.map(String);
      if (typeof handler.timeout === 'number') hook.timeout = handler.timeout;
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
    throw new CliError('E_SETTINGS', `\`--settings\` names ${named.path}, which does not exist; pass the path of a settings.json file`);
  }
  return layers;
}

/** The command hooks of all layers, in layer order. */
export function configuredHooks(layers: Layer[]): ConfiguredHook[] {
  return layers.flatMap((layer) => layer.hooks);
}
