/**
 * Checks rules read from a `bash-guard.json` before they are compiled. A malformed rule is an
 * error, never skipped: a typo must not silently leave a command unguarded. Messages name the
 * file, the rule's place in it, the key, and the keys that are valid.
 */
import { GlobError, globToRegExp } from '../glob.ts';
import { configError } from '../config-error.ts';
import type { BashRule } from './bash-rule-types.ts';
import { compileTextGlobs, TextGlobError } from './bash-text-glob.ts';

type ListKind = 'text' | 'path' | 'flag' | 'above' | 'target';

const LIST_KEYS: Readonly<Record<string, ListKind>> = {
  command: 'text',
  subcommand: 'text',
  anyArg: 'text',
  lastArg: 'text',
  pipeFrom: 'text',
  pipeTo: 'text',
  valueOptions: 'flag',
  anyFlag: 'flag',
  anyPath: 'path',
  lastPath: 'path',
  redirectTo: 'path',
  anyPathAbove: 'above',
  noFlag: 'flag',
  anyWord: 'text',
  anyAssignment: 'text',
  anyTarget: 'target',
  lastTarget: 'target',
  redirectTarget: 'target',
};
const TARGETS = ['project-root', 'outside', 'unknown'];
const SEVERITIES = ['deny', 'ask'];
const MATCHER_KEYS = [
  ...Object.keys(LIST_KEYS),
  'maxOperands',
  'forkBomb',
  'readsSecret',
  'codeSetting',
  'hiddenCode',
  'runsDownload',
  'anyOf',
];
const RULE_KEYS = ['id', 'reason', 'severity', ...MATCHER_KEYS];
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** An option name with or without its dashes: `r`, `-r`, `recursive`, `--recursive`. */
const FLAG = /^(?:-?[A-Za-z0-9]|(?:--)?[A-Za-z0-9][A-Za-z0-9._-]+)$/;
/** `~`, `.`, `..` or an absolute path, optionally followed by more segments; no globs. */
const ABOVE = /^(?:\/|(?:~|\.\.?)(?:$|\/))/;
const GLOB_CHARS = /[*?[\]{}]/;

function fail(source: string, problem: string): never {
  throw configError(source, problem);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

function checkList(source: string, where: string, kind: ListKind, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== 'string' || item === '')) {
    fail(source, `\`${where}\` must be a non-empty array of non-empty strings, got ${typeName(value)}`);
  }
  const list = value as string[];
  list.forEach((item, index) => {
    const at = `\`${where}[${index}]\``;
    try {
      if (kind === 'text') compileTextGlobs([item]);
      else if (kind === 'path')
        globToRegExp(item, { homes: ['/'] }); // syntax only; compiled later with the real home
      else if (kind === 'flag' && !FLAG.test(item))
        fail(source, `${at} must be one option name such as "r" or "recursive", got ${JSON.stringify(item)}`);
      else if (kind === 'target' && !TARGETS.includes(item))
        fail(source, `${at} must be one of ${TARGETS.map((t) => `"${t}"`).join(', ')}, got ${JSON.stringify(item)}`);
      else if (kind === 'above' && (!ABOVE.test(item) || GLOB_CHARS.test(item)))
        fail(source, `${at} must be a directory such as "~", "..", "/srv" (no globs), got ${JSON.stringify(item)}`);
    } catch (error) {
      if (error instanceof GlobError || error instanceof TextGlobError) fail(source, `${at}: ${error.message}`);
      throw error;
    }
  });
  return list;
}

function checkMatcher(source: string, where: string, value: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!keys.includes(key))
      fail(source, `\`${where}\` has unknown key \`${key}\`; valid keys are ${keys.map((k) => `\`${k}\``).join(', ')}`);
  }
  for (const [key, kind] of Object.entries(LIST_KEYS)) {
    if (value[key] !== undefined) checkList(source, `${where}.${key}`, kind, value[key]);
  }
  const { maxOperands, forkBomb, anyOf } = value;
  if (
    maxOperands !== undefined &&
    (typeof maxOperands !== 'number' || !Number.isInteger(maxOperands) || maxOperands < 0)
  ) {
    fail(source, `\`${where}.maxOperands\` must be a whole number >= 0, got ${typeName(maxOperands)}`);
  }
  if (forkBomb !== undefined && forkBomb !== true)
    fail(source, `\`${where}.forkBomb\` can only be true, got ${typeName(forkBomb)}`);
  for (const key of ['codeSetting', 'hiddenCode', 'runsDownload']) {
    if (value[key] !== undefined && value[key] !== true)
      fail(source, `\`${where}.${key}\` can only be true, got ${typeName(value[key])}`);
  }
  if (value.readsSecret !== undefined && value.readsSecret !== true)
    fail(source, `\`${where}.readsSecret\` can only be true, got ${typeName(value.readsSecret)}`);
  if ((value.pipeFrom === undefined) !== (value.pipeTo === undefined)) {
    fail(source, `\`${where}\` needs both \`pipeFrom\` and \`pipeTo\` (what produces the code and what runs it)`);
  }
  if (anyOf !== undefined) {
    if (!Array.isArray(anyOf) || anyOf.length === 0)
      fail(source, `\`${where}.anyOf\` must be a non-empty array of matchers, got ${typeName(anyOf)}`);
    anyOf.forEach((item, index) => {
      const at = `${where}.anyOf[${index}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item))
        fail(source, `\`${at}\` must be a matcher object, got ${typeName(item)}`);
      checkMatcher(source, at, item as Record<string, unknown>, MATCHER_KEYS);
    });
  }
  if (!Object.keys(value).some((key) => MATCHER_KEYS.includes(key) && key !== 'valueOptions')) {
    fail(
      source,
      `\`${where}\` has no condition; give at least one of ${MATCHER_KEYS.filter((k) => k !== 'valueOptions')
        .map((k) => `\`${k}\``)
        .join(', ')}`,
    );
  }
}

/** Validates one rule read from `source` (a file path) at `where` (e.g. `deny[2]`). Throws HookError E_CONFIG. */
export function validateBashRule(source: string, where: string, value: unknown): BashRule {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(source, `\`${where}\` must be a rule object, got ${typeName(value)}`);
  const rule = value as Record<string, unknown>;
  const { id, reason } = rule;
  if (typeof id !== 'string' || !RULE_ID.test(id))
    fail(
      source,
      `\`${where}.id\` must be a name like "no-terraform-destroy" (letters, digits, . _ -), got ${typeName(id)}`,
    );
  if (typeof reason !== 'string' || reason.trim() === '')
    fail(source, `\`${where}.reason\` must say what to do instead, got ${typeName(reason)}`);
  if (rule.severity !== undefined && !SEVERITIES.includes(rule.severity as string))
    fail(source, `\`${where}.severity\` must be "deny" or "ask", got ${typeName(rule.severity)}`);
  checkMatcher(source, where, rule, RULE_KEYS);
  return rule as unknown as BashRule;
}
