/**
 * file-guard's configuration, `file-guard.json` in the user and project config layers
 * (lib/config.ts):
 *
 *   { "protect": [{ "id", "globs", "except"?, "access": "write" | "readwrite", "reason" }],
 *     "allow": ["<rule id>" | "<glob>"] }
 *
 * `protect` adds rules; `allow` switches a rule off by id, or exempts paths matching a glob from
 * every rule. Only the user layer may relax: a project layer comes with the repository, and a
 * cloned repository must not be able to switch the guard off, so its `allow` is ignored.
 */
import type { ConfigLayer } from '../config.ts';
import { configError } from '../config-error.ts';
import { globToRegExp, GlobError } from '../glob.ts';
import type { FileRule } from './file-guard-rules.ts';

/** The rules in force and the user's relaxations, after merging the config layers over the built-ins. */
export interface FileGuardConfig {
  rules: FileRule[];
  allow: string[];
}

const TOP_KEYS = ['protect', 'allow', '$schema'];
const RULE_KEYS = ['id', 'globs', 'except', 'access', 'reason'];
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function fail(path: string, problem: string): never {
  throw configError(path, problem);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

function checkGlob(path: string, where: string, glob: unknown): string {
  if (typeof glob !== 'string' || glob.trim() === '')
    fail(path, `\`${where}\` must be a non-empty glob string, got ${typeName(glob)}`);
  try {
    globToRegExp(glob, { homes: ['/'] }); // syntax only: the real compile happens once, with the real home
  } catch (error) {
    if (error instanceof GlobError) fail(path, `\`${where}\`: ${error.message}`);
    throw error;
  }
  return glob;
}

function globList(path: string, where: string, value: unknown, required: boolean): string[] {
  if (!Array.isArray(value) || (required && value.length === 0)) {
    fail(path, `\`${where}\` must be ${required ? 'a non-empty' : 'an'} array of glob strings, got ${typeName(value)}`);
  }
  return value.map((glob, index) => checkGlob(path, `${where}[${index}]`, glob));
}

function readRule(path: string, where: string, value: unknown): FileRule {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, `\`${where}\` must be a rule object, got ${typeName(value)}`);
  const rule = value as Record<string, unknown>;
  for (const key of Object.keys(rule)) {
    if (!RULE_KEYS.includes(key))
      fail(path, `\`${where}\` has unknown key \`${key}\`; a rule has ${RULE_KEYS.map((k) => `\`${k}\``).join(', ')}`);
  }
  const { id, access, reason } = rule;
  if (typeof id !== 'string' || !RULE_ID.test(id))
    fail(path, `\`${where}.id\` must be a name like "terraform-state" (letters, digits, . _ -), got ${typeName(id)}`);
  if (access !== 'write' && access !== 'readwrite')
    fail(path, `\`${where}.access\` must be "write" or "readwrite", got ${typeName(access)}`);
  if (typeof reason !== 'string' || reason.trim() === '')
    fail(path, `\`${where}.reason\` must say what to do instead, got ${typeName(reason)}`);
  const globs = globList(path, `${where}.globs`, rule.globs, true);
  const except = rule.except === undefined ? undefined : globList(path, `${where}.except`, rule.except, false);
  return except === undefined ? { id, globs, access, reason } : { id, globs, except, access, reason };
}

/**
 * Merges config layers (user first, then project, as loadConfigLayers returns them) over the
 * `builtin` rules. Throws HookError E_CONFIG naming the file and the problem; ignored project
 * relaxations go to `debug`.
 */
export function mergeFileGuardConfig(
  builtin: readonly FileRule[],
  layers: readonly ConfigLayer[],
  debug: (message: string) => void = () => {},
): FileGuardConfig {
  const rules = [...builtin];
  const ids = new Set(builtin.map((rule) => rule.id));
  const allow: string[] = [];
  for (const { scope, path, data } of layers) {
    for (const key of Object.keys(data)) {
      if (!TOP_KEYS.includes(key)) fail(path, `unknown key \`${key}\`; file-guard reads \`protect\` and \`allow\``);
    }
    if (data.protect !== undefined) {
      if (!Array.isArray(data.protect))
        fail(path, `\`protect\` must be an array of rules, got ${typeName(data.protect)}`);
      data.protect.forEach((value, index) => {
        const rule = readRule(path, `protect[${index}]`, value);
        // Redefining an id would let a layer weaken a rule under the same name.
        if (ids.has(rule.id))
          fail(
            path,
            `\`protect[${index}].id\` "${rule.id}" is already defined; pick another id (to switch a rule off, list its id in the user config's \`allow\`)`,
          );
        ids.add(rule.id);
        rules.push(rule);
      });
    }
    if (data.allow === undefined) continue;
    if (!Array.isArray(data.allow))
      fail(path, `\`allow\` must be an array of rule ids or globs, got ${typeName(data.allow)}`);
    const entries = data.allow.map((entry, index) => checkGlob(path, `allow[${index}]`, entry));
    if (scope !== 'user') {
      debug(
        `${path}: ignored \`allow\` (${entries.map((entry) => JSON.stringify(entry)).join(', ')}): only the user config may relax file-guard; a project may only add protections`,
      );
      continue;
    }
    allow.push(...entries);
  }
  return { rules, allow };
}
