import { stateDirProblem } from '../state-dir.ts';
import type { DoctorContext, Finding } from './finding.ts';

/** A state directory the hooks refuse: telemetry, caches, breakers and the user toggle silently off. */
export function checkStateDir(context: DoctorContext): Finding[] {
  const problem = stateDirProblem(context.io.env);
  if (problem === undefined) return [];
  return [
    {
      severity: 'warning',
      code: 'state-dir-refused',
      message: `the hooks refuse their state directory ${problem.path}: ${problem.reason}; so they run without it, silently: no telemetry (\`hookpack stats\` stays empty), no caches, no circuit-breaker state, and \`hookpack disable\` has no effect`,
      fix: `make it a directory only you can write (\`chmod 700 ${problem.path}\`, owned by you), or set HOOKPACK_HOME to one where Claude Code starts`,
      layer: 'environment',
      path: problem.path,
    },
  ];
}
