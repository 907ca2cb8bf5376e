import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { MATCHER_FIELD } from '../../lib/events.ts';
import { compileMatcher } from '../../lib/runtime/matcher.ts';
import { readHookProgram, type HookProgram } from '../doctor/hook-program.ts';
import type { ConfiguredHook } from '../layers.ts';
import { emptyStartOf, type EmptyStart } from './empty-start.ts';
import type { PayloadOverride } from './input.ts';
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
  /** The interpreter's empty start launched the same way, measured beside it (empty-start.ts). */
  emptyStart?: EmptyStart;
  /** The file it runs (script, or the program given as a path) when that does not exist here. */
  missingFile?: string;
}

/** What the report says was fed to a hook: `PreToolUse fixture, tool Bash`, `--input pre.json`. */
export function payloadLabel(target: Pick<ProfileTarget, 'hook' | 'fixture'>): string {
  const { fixture, hook } = target;
  if (fixture.source !== undefined) return fixture.source;
  return `${hook.event} fixture${fixture.adapted ? `, ${fixture.adapted}` : ''}${fixture.unmatched ? ' (the matcher may not select it)' : ''}`;
}

/** Whether Claude Code would run a hook with this matcher on `payload` (undefined: can't tell, so run it). */
function matcherSelects(
  event: string,
  matcher: string | undefined,
  payload: Record<string, unknown>,
): boolean | undefined {
  if (matcher === undefined || matcher === '' || matcher === '*' || event === 'FileChanged') return undefined;
  const field = (MATCHER_FIELD as Record<string, string | undefined>)[event];
  if (field === undefined) return undefined;
  const value = payload[field];
  if (typeof value !== 'string') return undefined;
  try {
    return compileMatcher(matcher)(value);
  } catch {
    return undefined;
  }
}

/** The file a hook runs, when it names one we could resolve and it is not there (from this project). */
function missingFileOf(program: HookProgram): string | undefined {
  if (program.script !== undefined && !program.script.unresolved && !program.inline)
    return existsSync(program.script.path) ? undefined : program.script.path;
  if (program.programIsPath && program.programPath !== undefined && !program.afterCd)
    return existsSync(program.programPath) ? undefined : program.programPath;
  return undefined;
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

/** A hook not profiled, and why (said on stderr). */
export interface SkippedHook {
  hook: ConfiguredHook;
  why: string;
}

/**
 * The hooks to profile: each distinct command once per event (Claude Code runs the same handler
 * from several settings files once), skipping events that have no fixture payload. A hook of an
 * event given a payload (`--input`, `--prompt`) gets that payload, and is skipped when its matcher
 * does not select it (Claude Code would not run it either).
 */
export function profileTargets(
  hooks: ConfiguredHook[],
  options: { env: NodeJS.ProcessEnv; project: string; home: string; overrides?: PayloadOverride[] },
): { targets: ProfileTarget[]; skipped: SkippedHook[] } {
  const seen = new Set<string>();
  const targets: ProfileTarget[] = [];
  const skipped: SkippedHook[] = [];
  const vars = { ...options.env, CLAUDE_PROJECT_DIR: options.project, HOME: options.home };
  for (const hook of hooks) {
    const key = JSON.stringify([hook.event, hook.command, hook.args ?? null]);
    if (seen.has(key)) continue;
    seen.add(key);
    const override = options.overrides?.find((o) => o.event === hook.event);
    if (override !== undefined && matcherSelects(hook.event, hook.matcher, override.payload) === false) {
      const field = (MATCHER_FIELD as Record<string, string>)[hook.event] as string;
      skipped.push({
        hook,
        why: `its matcher "${hook.matcher}" does not select ${field} "${String(override.payload[field])}" of ${override.source}, so Claude Code would not run it`,
      });
      continue;
    }
    const fixture: FixturePayload | undefined =
      override === undefined
        ? fixturePayload(hook.event, hook.matcher)
        : { payload: structuredClone(override.payload), source: override.source };
    if (fixture === undefined) {
      skipped.push({ hook, why: `no payload for event "${hook.event}"` });
      continue;
    }
    // A plugin's hook runs with its plugin's root in the environment (hooks-protocol §2.5).
    const hookVars = hook.plugin === undefined ? vars : { ...vars, CLAUDE_PLUGIN_ROOT: hook.plugin.root };
    const program = readHookProgram(hook, hookVars, options.project, options.home);
    // Exec form: Claude Code substitutes ${CLAUDE_PROJECT_DIR} in command and args itself (§2.5).
    const substitute = (s: string) => s.replace(/\$\{CLAUDE_PROJECT_DIR\}/g, options.project);
    const launch: Launch =
      hook.args === undefined
        ? { command: hook.command, env: hookVars, cwd: options.project }
        : { command: substitute(hook.command), args: hook.args.map(substitute), env: hookVars, cwd: options.project };
    const target: ProfileTarget = { hook, program, label: hookLabel(hook, program), fixture, launch };
    const emptyStart = emptyStartOf(program, hook, { env: hookVars, cwd: options.project });
    if (emptyStart !== undefined) target.emptyStart = emptyStart;
    const missingFile = missingFileOf(program);
    if (missingFile !== undefined) target.missingFile = missingFile;
    targets.push(target);
  }
  return { targets, skipped };
}
