/**
 * The one-line reasons bash-guard gives Claude: what was refused (a short snippet, never the
 * whole command), which rule refused it, and what to do instead.
 */
import type { ShellParseError } from '../shell/errors.ts';
import type { RuleHit } from './bash-rule-match.ts';
import type { BashSeverity } from './bash-rule-types.ts';

/** Why a command was denied. */
export interface BashVerdict {
  /** The rule id (or `unparseable-command`, `nesting-too-deep`, `command-too-large`). */
  rule: string;
  /** The full one-line reason for Claude. */
  reason: string;
  /** The short excerpt the reason quotes. */
  snippet: string;
  /** `deny` blocks; `ask` leaves the decision to the user (PreToolUse `ask`). */
  severity: BashSeverity;
}

const NEWLINES = /\s*[\r\n]+\s*/g;

/** The verdict for a rule that matched. */
export function ruleVerdict(rule: { id: string; reason: string; severity: BashSeverity }, hit: RuleHit): BashVerdict {
  const verb = rule.severity === 'ask' ? 'asks before running' : 'blocked';
  let reason = `bash-guard ${verb} \`${hit.snippet}\` (rule "${rule.id}"): ${rule.reason.replace(NEWLINES, ' ')}`;
  if (hit.worstCase)
    reason += '. It does so if a variable in it is empty or unset: write ${VAR:?} so the shell stops instead';
  if (hit.opaque)
    reason +=
      '. The command name is a variable or substitution, so what runs cannot be checked: write the program name literally';
  return { rule: rule.id, reason, snippet: hit.snippet, severity: rule.severity };
}

/** The verdict for a command lib/shell could not read to the end: blocked, because it could not be checked. */
export function parseFailureVerdict(error: ShellParseError): BashVerdict {
  switch (error.code) {
    case 'E_SHELL_TOO_DEEP':
      return {
        rule: 'nesting-too-deep',
        snippet: '',
        severity: 'deny',
        reason: `bash-guard blocked a command it cannot check to the end (rule "nesting-too-deep"): ${error.message}; run the inner command directly instead`,
      };
    case 'E_SHELL_TOO_LARGE':
      return {
        rule: 'command-too-large',
        snippet: '',
        severity: 'deny',
        reason: `bash-guard blocked a command it cannot check to the end (rule "command-too-large"): ${error.message}; split it into smaller commands, or write long content with the Write tool`,
      };
    default:
      return {
        rule: 'unparseable-command',
        snippet: '',
        severity: 'deny',
        reason: `bash-guard could not parse this command, so it was blocked unchecked (rule "unparseable-command"): ${error.message}; fix the quoting, or run the parts as separate, simpler commands`,
      };
  }
}
