import { at, type DoctorContext, type Finding } from './finding.ts';

/**
 * NODE_EXTRA_CA_CERTS makes every Node 20 process load the extra certificates at startup: 3x
 * the cold start (35 -> 100 ms, startup-facts.md); Node >= 22 loads them lazily. Hooks inherit
 * Claude Code's environment, so proxy users pay it on every hook.
 */
export function checkCaCerts(context: DoctorContext): Finding[] {
  if (!context.io.env.NODE_EXTRA_CA_CERTS || !context.nodeVersion.startsWith('v20.')) return [];
  return context.hooks
    .filter(({ program }) => program.family === 'node' && !program.unsetsCaCerts)
    .map(({ hook }) => ({
      severity: 'warning' as const,
      code: 'node-extra-ca-certs',
      message: `NODE_EXTRA_CA_CERTS is set and node is ${context.nodeVersion}: this Node hook starts ~3x slower (35 -> 100 ms)`,
      fix:
        hook.args === undefined
          ? 'start it as `env -u NODE_EXTRA_CA_CERTS node …` (unless it makes TLS calls), or move to Node >= 22'
          : 'use "command": "env", "args": ["-u", "NODE_EXTRA_CA_CERTS", "node", …] (unless it makes TLS calls), or move to Node >= 22',
      ...at(hook),
    }));
}
