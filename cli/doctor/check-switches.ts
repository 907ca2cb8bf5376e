import { FAIL_CLOSED_EVENTS } from '../../lib/events.ts';
import { skipReason } from '../../lib/runtime/switches.ts';
import { bundleInfoOfProgram } from './bundle-banner.ts';
import type { DoctorContext, Finding } from './finding.ts';

function fixFor(reason: string, names: string[]): string {
  if (reason === 'HOOKPACK=0') return 'unset HOOKPACK in the environment Claude Code starts from';
  if (reason === 'HOOKPACK_SKIP')
    return `remove ${names.join(', ')} from HOOKPACK_SKIP in the environment Claude Code starts from`;
  return `run \`hookpack enable ${names.join(' ')}\`, or edit ${reason}`;
}

/** hookpack hooks that would exit 0 without looking: HOOKPACK=0, HOOKPACK_SKIP, or a toggle file. */
export function checkSwitches(context: DoctorContext): Finding[] {
  const env = { ...context.io.env, CLAUDE_PROJECT_DIR: context.project };
  const byReason = new Map<string, Set<string>>();
  for (const { program } of context.hooks) {
    const info = bundleInfoOfProgram(program);
    if (info === undefined) continue;
    for (const { name, failClosed } of info.hooks) {
      const reason = skipReason(name, failClosed ?? FAIL_CLOSED_EVENTS.includes(info.event), env);
      if (reason === undefined) continue;
      byReason.set(reason, (byReason.get(reason) ?? new Set<string>()).add(name));
    }
  }
  return [...byReason].map(([reason, names]) => {
    const list = [...names];
    const inEnv = reason === 'HOOKPACK=0' || reason === 'HOOKPACK_SKIP';
    return {
      severity: 'warning' as const,
      code: 'switched-off',
      message: `hookpack ${list.length === 1 ? 'hook' : 'hooks'} ${list.join(', ')} ${list.length === 1 ? 'is' : 'are'} switched off by ${reason}${inEnv ? ' in this environment' : ''}: ${list.length === 1 ? 'it exits' : 'they exit'} 0 without checking anything`,
      fix: fixFor(reason, list),
      layer: inEnv ? 'environment' : 'toggle',
      ...(inEnv ? {} : { path: reason }),
    };
  });
}
