import { realpathSync } from 'node:fs';
import { readBundleInfo } from './bundle-banner.ts';
import { at, type AnalyzedHook, type DoctorContext, type Finding } from './finding.ts';

/** The command line as Claude Code compares handlers: identical ones run once. */
const commandLine = ({ hook }: AnalyzedHook) =>
  hook.args === undefined ? hook.command.trim() : JSON.stringify([hook.command, ...hook.args]);

/**
 * One hookpack bundle configured twice for an event under different command lines (the project's
 * `"$CLAUDE_PROJECT_DIR"/dist/x.cjs` and the user's absolute path to the same checkout, or a path
 * through a symlink): Claude Code only merges identical commands, so the bundle runs twice per
 * event (a guard checks twice, context is added twice).
 */
export function checkDuplicateBundles(context: DoctorContext): Finding[] {
  const byBundle = new Map<string, AnalyzedHook[]>();
  for (const analyzed of context.hooks) {
    const { program } = analyzed;
    const file =
      program.script?.unresolved === false
        ? program.script.path
        : program.programIsPath
          ? program.programPath
          : undefined;
    if (file === undefined || readBundleInfo(file) === undefined) continue;
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      continue;
    }
    const key = `${analyzed.hook.event}\0${real}`;
    byBundle.set(key, [...(byBundle.get(key) ?? []), analyzed]);
  }
  const findings: Finding[] = [];
  for (const [key, hooks] of byBundle) {
    const distinct = [...new Map(hooks.map((h) => [commandLine(h), h])).values()];
    if (distinct.length < 2) continue;
    const [event, real] = key.split('\0') as [string, string];
    const [first, ...others] = distinct as [AnalyzedHook, ...AnalyzedHook[]];
    findings.push({
      severity: 'warning',
      code: 'bundle-twice',
      message: `${real} runs ${distinct.length} times on every ${event}: it is also configured at ${others.map(({ hook }) => `${hook.layer} ${hook.path} ${hook.where}`).join(', ')} under another command line (Claude Code merges only identical commands)`,
      fix: "keep one of the entries (`hookpack uninstall --scope …` removes hookpack's from a scope)",
      ...at(first.hook),
    });
  }
  return findings;
}
