import { EVENT_NAMES, isKnownEvent } from '../../lib/events.ts';
import type { DoctorContext, Finding } from './finding.ts';

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** The event name `name` was probably meant to be, if any is close. */
export function closestEvent(name: string): string | undefined {
  const lower = name.toLowerCase();
  const exact = EVENT_NAMES.find((e) => e.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const scored = EVENT_NAMES.map((e) => ({ e, d: distance(lower, e.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
  return scored !== undefined && scored.d <= 3 ? scored.e : undefined;
}

/** Event names Claude Code does not fire: their hooks never run (since 2.1.101 silently). */
export function checkEvents(context: DoctorContext): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { hook } of context.hooks) {
    const key = `${hook.path}\0${hook.event}`;
    if (isKnownEvent(hook.event) || seen.has(key)) continue;
    seen.add(key);
    const guess = closestEvent(hook.event);
    findings.push({
      severity: 'error',
      code: 'unknown-event',
      message: `"${hook.event}" is not an event Claude Code fires, so its hooks never run`,
      fix:
        guess !== undefined
          ? `rename it to "${guess}" (event names are case-sensitive)`
          : `use one of: ${EVENT_NAMES.join(', ')}`,
      layer: hook.layer,
      path: hook.path,
      where: `hooks.${hook.event}`,
    });
  }
  return findings;
}
