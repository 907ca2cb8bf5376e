// What `hookpack list` says about plugins: every hook of each installed plugin enabled here, the
// hookpack hooks inside its bundle, and which of them the project's or user's settings run too.
import { homedir } from 'node:os';
import { bundleInfoOfProgram } from '../doctor/bundle-banner.ts';
import { readHookProgram } from '../doctor/hook-program.ts';
import type { Io } from '../io.ts';
import { pluginLayers, projectDir } from '../layers.ts';
import { renderTable } from '../table.ts';
import { installedPlugins } from './installed.ts';

/** One hook of a plugin. */
export interface PluginHookReport {
  plugin: string;
  event: string;
  matcher: string | null;
  timeout: number | null;
  command: string;
  /** The hookpack hooks its bundle holds (empty for another program). */
  hooks: string[];
  /** Of those, the ones a settings file also runs for this event: each check happens twice. */
  twice: string[];
}

/** An installed plugin that is not enabled here (its hooks do not run). */
export interface PluginOffReport {
  plugin: string;
  why: string;
}

/**
 * The plugins' hooks; `settingsHooks` are the hookpack hooks the settings files run, as
 * `event/name` keys (from list's own report).
 */
export function pluginReports(
  io: Pick<Io, 'env' | 'cwd'>,
  settingsHooks: Set<string>,
): { hooks: PluginHookReport[]; off: PluginOffReport[] } {
  const project = projectDir(io);
  const home = io.env.HOME || homedir();
  const hooks = pluginLayers(io).flatMap((layer) =>
    layer.hooks.map((hook) => {
      const vars = { ...io.env, CLAUDE_PROJECT_DIR: project, HOME: home, CLAUDE_PLUGIN_ROOT: hook.plugin?.root };
      const names = bundleInfoOfProgram(readHookProgram(hook, vars, project, home))?.hooks.map((h) => h.name) ?? [];
      return {
        plugin: layer.plugin?.id ?? '',
        event: hook.event,
        matcher: hook.matcher ?? null,
        timeout: hook.timeout ?? null,
        command: hook.command,
        hooks: names,
        twice: names.filter((n) => settingsHooks.has(`${hook.event}/${n}`)),
      };
    }),
  );
  const off = installedPlugins(io, project)
    .filter((p) => !p.enabled)
    .map((p) => ({
      plugin: p.id,
      why: p.enabledBy === undefined ? 'installed, enabled in no settings file' : `disabled in ${p.enabledBy} settings`,
    }));
  return { hooks, off };
}

/** The PLUGIN table for list's text output; nothing when no plugin is installed. */
export function renderPlugins(report: { hooks: PluginHookReport[]; off: PluginOffReport[] }): string {
  if (report.hooks.length === 0 && report.off.length === 0) return '';
  // One row per hook in a plugin's bundle (the matcher is in --json): narrow enough for 80 columns.
  const rows = [
    ...report.hooks.flatMap((h) => {
      const timeout = h.timeout === null ? '-' : `${h.timeout} s`;
      if (h.hooks.length === 0) return [[h.plugin, h.event, timeout, '-', h.command]];
      return h.hooks.map((name) => [h.plugin, h.event, timeout, h.twice.includes(name) ? 'yes' : '-', name]);
    }),
    ...report.off.map((p) => [p.plugin, '-', '-', '-', `off: ${p.why}`]),
  ];
  const table = renderTable(
    [
      { header: 'PLUGIN' },
      { header: 'EVENT' },
      { header: 'TIMEOUT', align: 'right' },
      { header: 'TWICE' },
      { header: 'HOOK', flex: true },
    ],
    rows,
  );
  const twice = report.hooks.some((h) => h.twice.length > 0)
    ? '\nTWICE: a settings file runs this hook too, so it checks every call twice (hookpack doctor says how to keep one)\n'
    : '';
  return `\n${table.trimEnd()}\n${twice}`;
}
