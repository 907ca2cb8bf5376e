import { isKnownEvent, MATCHER_FIELD } from '../../lib/events.ts';
import { compileMatcher } from '../../lib/runtime/matcher.ts';
import type { ConfiguredHook } from '../layers.ts';
import type { DoctorContext, Finding } from './finding.ts';
import { BUILTIN_TOOLS, exactNames, MATCHER_VALUES, TOOL_EVENTS } from './matcher-values.ts';

function groupOf(hook: ConfiguredHook): Pick<Finding, 'layer' | 'path' | 'where'> {
  return { layer: hook.layer, path: hook.path, where: hook.where.replace(/\.hooks\[\d+\]$/, '') };
}

/** Why one exact tool name can never match, or undefined when it can. */
function toolNameProblem(name: string): { code: string; message: string; fix: string; severity: 'error' } | undefined {
  if (name.startsWith('mcp__')) {
    if (name.slice(5).includes('__')) return undefined;
    return {
      severity: 'error',
      code: 'matcher-mcp-prefix',
      message: `"${name}" is an exact name, and no tool is called that: MCP tools are named mcp__<server>__<tool>`,
      fix: `use "${name}__.*" to match every tool of that server`,
    };
  }
  if (/^[a-z]/.test(name)) {
    const known = BUILTIN_TOOLS.find((t) => t.toLowerCase() === name.toLowerCase());
    return {
      severity: 'error',
      code: 'matcher-case',
      message: `"${name}" never matches: tool names are case-sensitive and built-in tools start with a capital letter`,
      fix:
        known !== undefined
          ? `write "${known}"`
          : 'write the tool name as Claude Code spells it (Bash, Edit, mcp__server__tool …)',
    };
  }
  return undefined;
}

/** Matchers that can never match, and matchers Claude Code ignores (one finding per matcher group). */
export function checkMatchers(context: DoctorContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { hook } of context.hooks) {
    const matcher = hook.matcher;
    const group = groupOf(hook);
    const key = `${group.path}\0${group.where}`;
    if (matcher === undefined || matcher === '' || matcher === '*' || seen.has(key) || !isKnownEvent(hook.event))
      continue;
    seen.add(key);
    if ((MATCHER_FIELD as Record<string, string | undefined>)[hook.event] === undefined) {
      findings.push({
        severity: 'info',
        code: 'matcher-ignored',
        message: `${hook.event} has no matcher support: "${matcher}" is ignored and the hooks run every time`,
        fix: 'remove the matcher, or filter inside the hook',
        ...group,
      });
      continue;
    }
    try {
      compileMatcher(matcher);
    } catch (error) {
      findings.push({
        severity: 'error',
        code: 'matcher-invalid',
        message: `"${matcher}" is not a valid regular expression (${(error as Error).message}), so it never matches`,
        fix: 'fix the pattern; anything but letters, digits, _ - , | and spaces makes a matcher a regex',
        ...group,
      });
      continue;
    }
    const names = exactNames(matcher);
    if (names === undefined) continue;
    if (TOOL_EVENTS.includes(hook.event)) {
      for (const name of names) {
        const problem = toolNameProblem(name);
        if (problem !== undefined) findings.push({ ...problem, ...group });
      }
      continue;
    }
    const values = MATCHER_VALUES[hook.event];
    const unknown = values === undefined ? [] : names.filter((n) => !values.includes(n));
    if (values !== undefined && unknown.length > 0) {
      findings.push({
        severity: 'warning',
        code: 'matcher-value',
        message: `${hook.event} never sends ${unknown.map((n) => `"${n}"`).join(', ')} (the matcher filters on ${MATCHER_FIELD[hook.event]})`,
        fix: `use one of: ${values.join(', ')}`,
        ...group,
      });
    }
  }
  return findings;
}
