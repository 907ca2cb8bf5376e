import { bundleInfoOfProgram } from './bundle-banner.ts';
import { at, type AnalyzedHook, type DoctorContext, type Finding } from './finding.ts';

/** Where a hook's entry comes from, in words: `plugin hookpack-guards@hookpack`, `project .claude/settings.json`. */
const origin = ({ hook }: AnalyzedHook) =>
  hook.plugin !== undefined ? `plugin ${hook.plugin.id}` : `${hook.layer} ${hook.path}`;

/**
 * A hookpack hook that runs from a plugin and from a settings file (or from two plugins) for the
 * same event: Claude Code keeps a plugin's handlers apart from the settings files' (hooks-protocol
 * §5, deduplication), so the guard checks every call twice and costs two node starts.
 */
export function checkPluginTwice(context: DoctorContext): Finding[] {
  const byHook = new Map<string, AnalyzedHook[]>();
  for (const analyzed of context.hooks) {
    const info = bundleInfoOfProgram(analyzed.program);
    if (info === undefined) continue;
    for (const { name } of info.hooks) {
      const key = `${analyzed.hook.event}\0${name}`;
      byHook.set(key, [...(byHook.get(key) ?? []), analyzed]);
    }
  }
  const findings: Finding[] = [];
  for (const [key, hooks] of byHook) {
    const origins = [...new Map(hooks.map((h) => [origin(h), h])).values()];
    const plugins = origins.filter((h) => h.hook.plugin !== undefined);
    if (plugins.length === 0 || origins.length < 2) continue;
    const [event, name] = key.split('\0') as [string, string];
    const settings = origins.find((h) => h.hook.plugin === undefined);
    const first = (settings ?? origins[0]) as AnalyzedHook;
    findings.push({
      severity: 'warning',
      code: 'hook-twice-plugin',
      message: `${name} runs ${origins.length} times on every ${event}: from ${origins.map(origin).join(' and from ')} (Claude Code keeps a plugin's hooks apart from the settings files', so both run)`,
      fix:
        settings !== undefined
          ? `keep one: \`hookpack uninstall --scope ${settings.hook.layer === 'user' ? 'user' : settings.hook.layer === 'local' ? 'local' : 'project'}\` removes the settings entry (the plugin keeps guarding), or \`claude plugin disable ${plugins[0]?.hook.plugin?.id}\``
          : `disable all but one of the plugins: claude plugin disable ${plugins
              .slice(1)
              .map((h) => h.hook.plugin?.id)
              .join(', ')}`,
      ...at(first.hook),
    });
  }
  return findings;
}
