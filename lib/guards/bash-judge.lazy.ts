/**
 * bash-guard's full judgement of a command line, for every line its quick check
 * (lib/guards/bash-quick.ts) cannot let through at once: the policy (built-in rules with the
 * user's and project's bash-guard.json), file-guard's protected files, and the analysis
 * (lib/guards/bash-guard.ts). A chunk of its own in the bundle (`.lazy.ts`,
 * build/lazy-chunks.mjs): loaded, through a code cache of its own, only when a line needs it.
 */
import { analyzeCommand, type BashVerdict } from './bash-guard.ts';
import { loadBashGuardPolicy } from './bash-guard-config.ts';
import { tempRoots } from './bash-path-targets.ts';
import { configuredSecretFileTest } from './bash-secret-files.ts';
import type { QuickContext } from './bash-quick.ts';

export interface JudgeContext extends QuickContext {
  debug?: (message: string) => void;
}

/** The verdict on `command` under the user's and the project's policy, or undefined: allowed. */
export function judgeCommand(command: string, { cwd, home, env, debug }: JudgeContext): BashVerdict | undefined {
  const policy = loadBashGuardPolicy(cwd, { home, env, debug });
  return analyzeCommand(command, {
    home,
    cwd,
    temp: tempRoots(env.TMPDIR),
    ...policy,
    secretFiles: configuredSecretFileTest(cwd, home, debug, env),
  });
}
