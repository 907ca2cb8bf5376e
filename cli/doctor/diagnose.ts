import { homedir } from 'node:os';
import type { Io } from '../io.ts';
import { configuredHooks, projectDir, type ConfiguredHook, type Layer } from '../layers.ts';
import { checkCaCerts } from './check-ca-certs.ts';
import { checkDist } from './check-dist.ts';
import { checkDuplicateBundles } from './check-duplicate-bundles.ts';
import { checkEvents } from './check-event.ts';
import { checkFiles } from './check-files.ts';
import { checkMachinePaths } from './check-machine-paths.ts';
import { checkMatchers } from './check-matcher.ts';
import { checkPluginTwice } from './check-plugin-twice.ts';
import { checkSettings } from './check-settings.ts';
import { checkShims } from './check-shims.ts';
import { checkStateDir } from './check-state-dir.ts';
import { checkSwitches } from './check-switches.ts';
import { checkTimeouts } from './check-timeout.ts';
import { checkWeakenedGuards } from './check-weakened-guards.ts';
import type { DoctorContext, Finding } from './finding.ts';
import { readHookProgram } from './hook-program.ts';

const CHECKS = [
  checkSettings,
  checkEvents,
  checkWeakenedGuards,
  checkFiles,
  checkMachinePaths,
  checkMatchers,
  checkTimeouts,
  checkShims,
  checkCaCerts,
  checkSwitches,
  checkDuplicateBundles,
  checkPluginTwice,
  checkStateDir,
  checkDist,
];
const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Builds what every check looks at: the layers, each hook's analysed command, the environment. */
export function doctorContext(
  io: Pick<Io, 'env' | 'cwd'>,
  layers: Layer[],
  nodeVersion = process.version,
): DoctorContext {
  const project = projectDir(io);
  const home = io.env.HOME || homedir();
  const vars = { ...io.env, CLAUDE_PROJECT_DIR: project, HOME: home };
  // A plugin's hooks see their plugin's root (hooks-protocol §2.5).
  const varsOf = (hook: ConfiguredHook) =>
    hook.plugin === undefined ? vars : { ...vars, CLAUDE_PLUGIN_ROOT: hook.plugin.root };
  const hooks = configuredHooks(layers).map((hook) => ({
    hook,
    program: readHookProgram(hook, varsOf(hook), project, home),
  }));
  return { io, layers, hooks, project, home, nodeVersion };
}

/** Runs every check; findings sorted errors first, then in settings order. */
export function diagnose(context: DoctorContext): Finding[] {
  return CHECKS.flatMap((check) => check(context))
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}
