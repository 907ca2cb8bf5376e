import { FAIL_CLOSED_EVENTS } from '../../lib/events.ts';
import { bundleInfoOfProgram } from './bundle-banner.ts';
import { at, type DoctorContext, type Finding } from './finding.ts';

/**
 * A hookpack guard whose settings entry carries a field that switches it off in effect: `async`
 * (Claude Code ignores an async hook's answer), `if` (it may never run), `shell` (another
 * interpreter), `once`. A repository can commit such an entry; `hookpack install` rewrites it.
 */
export function checkWeakenedGuards(context: DoctorContext): Finding[] {
  return context.hooks.flatMap(({ hook, program }) => {
    if (hook.weakening === undefined) return [];
    const info = bundleInfoOfProgram(program);
    if (info === undefined) return [];
    const guards = info.hooks.filter((h) => h.failClosed ?? FAIL_CLOSED_EVENTS.includes(info.event)).map((h) => h.name);
    if (guards.length === 0) return [];
    return [
      {
        severity: 'error' as const,
        code: 'guard-weakened',
        message: `the entry running ${guards.join(', ')} has ${hook.weakening.map((f) => `"${f}"`).join(', ')}: ${hook.weakening.includes('async') || hook.weakening.includes('asyncRewake') ? "Claude Code ignores an async hook's answer, so the guard blocks nothing" : 'the guard may not run at all'}`,
        fix: `remove ${hook.weakening.map((f) => `"${f}"`).join(', ')} from it, or run \`hookpack install\`, which writes the entry afresh`,
        ...at(hook),
      },
    ];
  });
}
