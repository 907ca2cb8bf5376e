import { at, type DoctorContext, type Finding } from './finding.ts';

/** Claude Code's default `timeout` per event when none is set, in seconds (hooks-protocol §2.4, §5, §8). */
function defaultTimeout(event: string): string {
  if (event === 'UserPromptSubmit') return '30 s (the prompt waits that long)';
  if (event === 'MessageDisplay') return '10 s';
  if (event === 'SessionEnd') return 'a shared 1.5 s, after which the hook is killed';
  return '600 s: one stuck hook stalls the session for 10 minutes';
}

/** Hooks without a `timeout`, and timeouts that look like milliseconds (the field is seconds). */
export function checkTimeouts(context: DoctorContext): Finding[] {
  const findings: Finding[] = [];
  for (const { hook } of context.hooks) {
    if (hook.timeout === undefined) {
      findings.push({
        severity: 'warning',
        code: 'no-timeout',
        message: `no "timeout": Claude Code's default is ${defaultTimeout(hook.event)}`,
        fix: `add "timeout": ${hook.event === 'SessionEnd' ? 5 : 10} (seconds) to this handler, or a little more than the longest it ever needs`,
        ...at(hook),
      });
    } else if (hook.timeout >= 1000) {
      findings.push({
        severity: 'warning',
        code: 'timeout-in-ms',
        message: `"timeout": ${hook.timeout} is in seconds (${Math.round(hook.timeout / 60)} minutes), not milliseconds`,
        fix: `write "timeout": ${Math.max(1, Math.round(hook.timeout / 1000))}`,
        ...at(hook),
      });
    } else if (hook.timeout <= 0) {
      findings.push({
        severity: 'warning',
        code: 'timeout-invalid',
        message: `"timeout": ${hook.timeout} is not a positive number of seconds`,
        fix: 'write a positive number of seconds, e.g. "timeout": 10',
        ...at(hook),
      });
    }
  }
  return findings;
}
