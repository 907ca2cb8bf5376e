import { basename } from 'node:path';
import { analyzeCommand, type HookProgram } from '../doctor/hook-command.ts';
import type { ConfiguredHook } from '../layers.ts';
import { fixturePayload, type FixturePayload } from './payload.ts';
import type { Launch } from './run-once.ts';

/** One configured hook, ready to be run: how to start it and what to feed it. */
export interface ProfileTarget {
  hook: ConfiguredHook;
  program: HookProgram;
  /** Short name for tables: `python3 lint.py`, `node bash-guard.cjs`. */
  label: string;
  fixture: FixturePayload;
  launch: Launch;
}

/** A short, recognisable name for a hook's command. */
export function hookLabel(hook: ConfiguredHook, program: HookProgram): string {
  const word = program.program;
  if (word !== undefined && !word.unresolved) {
    if (program.script !== undefined) return `${basename(word.text)} ${basename(program.script.written)}`;
    if (program.programIsPath) return basename(word.text);
  }
  return hook.args === undefined ? hook.command.trim() : [hook.command, ...hook.args].join(' ');
}

/**
 * The hooks to profile: each distinct command once per event (Claude Code runs the same handler
 * from several settings files once), skipping events that have no fixture payload.
 */
export function profileTargets(hooks: ConfiguredHook[], options: { env: NodeJS.ProcessEnv; project: string; home: string }): { targets: ProfileTarget[]; skipped: ConfiguredHook[] } {
  const seen = new Set<string>();
  const targets: ProfileTarget[] = [];
  const skipped: ConfiguredHook[] = [];
  const vars = { ...options.env, CLAUDE_PROJECT_DIR: options.project, HOME: options.home };
  for (const hook of hooks) {
    const key = JSON.stringify([hook.event, hook.command, hook.args ?? null]);
    if (seen.has(key)) continue;
    seen.add(key);
    const fixture = fixturePayload(hook.event, hook.matcher);
    if (fixture === undefined) {
      skipped.push(hook);
      continue;
    }
    const program = analyzeCommand(hook, vars, options.project, options.home);
    // Exec form: Claude Code substitutes ${CLAUDE_PROJECT_DIR} in command and args itself (§2.5).
    const substitute = (s: string) => s.replace(/\$\{CLAUDE_PROJECT_DIR\}/g, options.project);
    const launch: Launch = hook.args === undefined
      ? { command: hook.command, env: vars, cwd: options.project }
      : { command: substitute(hook.command), args: hook.args.map(substitute), env: vars, cwd: options.project };
    targets.push({ hook, program, label: hookLabel(hook, program), fixture, launch });
  }
  return { targets, skipped };
}
