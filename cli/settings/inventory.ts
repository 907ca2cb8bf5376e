import { skipReason } from '../../lib/runtime/switches.ts';
import { CliError } from '../errors.ts';
import type { Io } from '../io.ts';
import { readablePath } from './display.ts';
import { collectHandlers } from './handlers.ts';
import { ourBundleOf } from './hook-command.ts';
import type { Manifest } from './manifest.ts';
import { hooksOfBundle } from './plan.ts';
import { readSettings } from './read.ts';
import { settingsPath, type Scope } from './scope.ts';
import { readToggle, togglePath, type ToggleLevel } from './toggles.ts';

/** One handler of one settings file. */
export interface EntryReport {
  event: string;
  matcher: string | null;
  type: string;
  command: string;
  /** Seconds; null when absent (Claude Code's default then applies, 600 s for commands). */
  timeout: number | null;
  ours: boolean;
  bundle?: string;
  hooks?: string[];
}

/** One settings file: its hook entries, or why it could not be read. */
export interface ScopeReport {
  scope: Scope;
  file: string | null;
  exists: boolean;
  error?: string;
  entries: EntryReport[];
}

/** One built hook: on or off and why, and the scopes that install it. */
export interface HookReport {
  name: string;
  event: string;
  onError: string;
  on: boolean;
  /** Why it is off, or why a toggle that names it is ignored. */
  why?: string;
  installed: Scope[];
}

/** One toggle file and what it switches off. */
export interface ToggleReport {
  level: ToggleLevel;
  file: string;
  exists: boolean;
  all: boolean;
  hooks: string[];
  error?: string;
}

/** The one-line message of an error, CliError or not. */
export const message = (error: unknown) => (error instanceof CliError ? error.message : (error as Error).message);

/** What a scope's settings file holds, every handler marked ours or not. */
export function scopeReport(
  scope: Scope,
  projectDir: string,
  distDir: string,
  manifest: Manifest | undefined,
  io: Io,
): ScopeReport {
  let path: string;
  try {
    path = settingsPath(scope, projectDir, io);
  } catch (error) {
    return { scope, file: null, exists: false, error: message(error), entries: [] };
  }
  try {
    const doc = readSettings(path, readablePath(path, io));
    const context = { scope, projectDir, distDir };
    const entries = collectHandlers(doc.root).map((h): EntryReport => {
      const bundle =
        h.type === 'command' && h.args === undefined ? ourBundleOf(h.command, context, manifest) : undefined;
      const command =
        typeof h.command === 'string' ? h.command : typeof h.type === 'string' ? `(${h.type} hook)` : '(malformed)';
      return {
        event: h.event,
        matcher: typeof h.matcher === 'string' && h.matcher !== '' && h.matcher !== '*' ? h.matcher : null,
        type: typeof h.type === 'string' ? h.type : 'unknown',
        command,
        timeout: typeof h.timeout === 'number' ? h.timeout : null,
        ours: bundle !== undefined,
        ...(bundle === undefined ? {} : { bundle, hooks: hooksOfBundle(manifest, bundle) }),
      };
    });
    return { scope, file: path, exists: doc.exists, entries };
  } catch (error) {
    return { scope, file: path, exists: true, error: message(error), entries: [] };
  }
}

/** What a toggle file switches off. */
export function toggleReport(level: ToggleLevel, projectDir: string, io: Io): ToggleReport {
  const file = togglePath(level, projectDir, io.env);
  try {
    const doc = readToggle(file, readablePath(file, io));
    // Event switches (`hookpack disable --event E`) show as `event:E`.
    return {
      level,
      file,
      exists: doc.exists,
      all: doc.toggle.all === true,
      hooks: [...(doc.toggle.hooks ?? []), ...(doc.toggle.events ?? []).map((e) => `event:${e}`)],
    };
  } catch (error) {
    return { level, file, exists: true, all: false, hooks: [], error: message(error) };
  }
}

/** Each built hook's state by the runtime's own rules (lib/runtime/switches.ts), with the reason. */
export function hookReports(
  manifest: Manifest,
  scopes: ScopeReport[],
  toggles: ToggleReport[],
  projectDir: string,
  io: Io,
): HookReport[] {
  const env = { ...io.env, CLAUDE_PROJECT_DIR: projectDir };
  const project = toggles.find((t) => t.level === 'project');
  return manifest.hooks.map((hook) => {
    const guard = hook.onError === 'block';
    const reason = skipReason(hook.name, guard, env, hook.event);
    const installed = scopes.filter((s) => s.entries.some((e) => e.hooks?.includes(hook.name))).map((s) => s.scope);
    let why: string | undefined;
    if (reason === 'HOOKPACK=0' || reason === 'HOOKPACK_SKIP') why = `env ${reason}`;
    else if (reason !== undefined)
      why = `${reason === togglePath('user', projectDir, io.env) ? 'user' : 'project'} toggle`;
    else if (guard && project !== undefined && (project.all || project.hooks.includes(hook.name)))
      why = 'project toggle ignored';
    return {
      name: hook.name,
      event: hook.event,
      onError: hook.onError,
      on: reason === undefined,
      ...(why === undefined ? {} : { why }),
      installed,
    };
  });
}
