import { fstatSync, statSync } from 'node:fs';

/**
 * The reason a blocking answer gives, or undefined when the JSON does not block: PreToolUse
 * deny/ask, PermissionRequest deny, `decision: "block"`, `continue: false`. These are the
 * answers that must not vanish: an answer nobody reads is exit 0, and exit 0 lets the call run.
 */
export function blockingReason(json: Record<string, unknown>): string | undefined {
  const specific = json.hookSpecificOutput as Record<string, unknown> | undefined;
  const permission = specific?.permissionDecision;
  if (permission === 'deny' || permission === 'ask')
    return String(specific?.permissionDecisionReason ?? `the hook answered ${permission}`);
  const decision = specific?.decision as Record<string, unknown> | undefined;
  if (decision?.behavior === 'deny') return String(decision.message ?? 'the hook denied the permission request');
  if (json.decision === 'block') return String(json.reason ?? 'the hook blocked');
  if (json.continue === false) return String(json.stopReason ?? 'the hook stopped Claude');
  return undefined;
}

/**
 * Whether fd 1 is /dev/null. Node reopens a closed stdout (`hook >&-`) on /dev/null at startup,
 * so such writes "succeed" and the answer is lost without an error; a hook's stdout that leads
 * nowhere is the same as a closed one. Never true on Windows (no /dev/null to compare with).
 */
export function stdoutIsNull(): boolean {
  if (process.platform === 'win32') return false;
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice()) return false;
    const nul = statSync('/dev/null');
    return out.rdev === nul.rdev && out.ino === nul.ino;
  } catch {
    return true; // fstat failed: fd 1 is not usable
  }
}
