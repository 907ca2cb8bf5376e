import type { Io } from '../io.ts';
import type { ConfiguredHook, Layer } from '../layers.ts';
import type { HookProgram } from './hook-program.ts';

/** error: the hook does not work; warning: it works badly; info: worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/** One thing `hookpack doctor` found: what, where, and how to fix it. */
export interface Finding {
  severity: Severity;
  /** Stable id of the check, e.g. `missing-file`, for scripts reading `--json`. */
  code: string;
  message: string;
  fix: string;
  /** The settings layer (user, project, local, managed, settings), or `environment` / `build`. */
  layer: string;
  /** The settings file, or the file the finding is about. */
  path?: string;
  /** Place in the settings file, e.g. `hooks.PreToolUse[0].hooks[1]`. */
  where?: string;
  command?: string;
}

/** A configured hook with what its command line runs. */
export interface AnalyzedHook {
  hook: ConfiguredHook;
  program: HookProgram;
}

/** Everything a check may look at. */
export interface DoctorContext {
  io: Pick<Io, 'env' | 'cwd'>;
  layers: Layer[];
  hooks: AnalyzedHook[];
  /** The directory `$CLAUDE_PROJECT_DIR` stands for. */
  project: string;
  home: string;
  /** `process.version` of the node the hooks would use. */
  nodeVersion: string;
}

/** The location fields of a finding about one configured hook. */
export function at(hook: ConfiguredHook): Pick<Finding, 'layer' | 'path' | 'where' | 'command'> {
  const command = hook.args === undefined ? hook.command : [hook.command, ...hook.args].join(' ');
  return { layer: hook.layer, path: hook.path, where: hook.where, command };
}
