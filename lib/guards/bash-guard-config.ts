/**
 * bash-guard's configuration: `bash-guard.json` in the user and project layers (lib/config.ts).
 *
 *   { "deny": [rule…], "allow": ["<rule id>"…], "allowCommands": ["<regex>"…] }
 *
 * `deny` adds rules (lib/guards/bash-rule-types.ts); `allow` switches rules off by id;
 * `allowCommands` exempts whole commands matching a regex; `severity` sets a rule's answer
 * (`{"git-reset-hard": "deny"}`), where a project may only turn `ask` into `deny`. Only the user layer may relax: a
 * project layer comes with the repository, and a cloned repository must not be able to switch
 * the guard off, so its `allow` and `allowCommands` are ignored (and reported via `debug`).
 */
import { loadConfigLayers, userConfigDir, type ConfigLayer } from '../config.ts';
import { configError } from '../config-error.ts';
import type { BashRule, BashSeverity } from './bash-rule-types.ts';
import { compileBashRules, type CompiledBashRule } from './bash-rule-compile.ts';
import { validateBashRule } from './bash-rule-validate.ts';
import { DEFAULT_BASH_RULES } from './bash-rules.default.ts';

/** The rules in force and the commands exempted, after merging the layers over the built-ins. */
export interface BashGuardPolicy {
  rules: CompiledBashRule[];
  allowCommands: RegExp[];
}

export interface PolicyOptions {
  /** Where `~/` in path globs is anchored. */
  home: string;
  /** Receives notes about ignored project relaxations (a hook passes `ctx.debug`). */
  debug?: (message: string) => void;
  /** Where the config files are looked up (lib/config.ts); default process.env. */
  env?: NodeJS.ProcessEnv;
}

const TOP_KEYS = ['deny', 'allow', 'allowCommands', 'severity', '$schema'];
const RELAXING_KEYS = ['allow', 'allowCommands'] as const;

function fail(path: string, problem: string): never {
  throw configError(path, problem);
}

function stringList(path: string, key: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    fail(path, `\`${key}\` must be an array of non-empty strings`);
  }
  return value as string[];
}

function compileCommandPattern(path: string, index: number, source: string): RegExp {
  try {
    return new RegExp(`^(?:${source})$`);
  } catch (error) {
    return fail(path, `\`allowCommands[${index}]\` is not a valid regular expression (${(error as Error).message})`);
  }
}

/** `severity`: an object of rule id → "deny" | "ask". Ids are checked once every rule is known. */
function severityMap(path: string, value: unknown): Record<string, BashSeverity> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, '`severity` must be an object of rule id → "deny" or "ask"');
  for (const [id, severity] of Object.entries(value)) {
    if (severity !== 'deny' && severity !== 'ask')
      fail(path, `\`severity.${id}\` must be "deny" or "ask", got ${JSON.stringify(severity)}`);
  }
  return value as Record<string, BashSeverity>;
}

const compiledDefaults = new Map<string, CompiledBashRule[]>();

/** The built-in rules compiled for `home`, once per process. */
export function defaultBashRules(home: string): CompiledBashRule[] {
  let rules = compiledDefaults.get(home);
  if (rules === undefined) {
    rules = compileBashRules(DEFAULT_BASH_RULES, { home });
    compiledDefaults.set(home, rules);
  }
  return rules;
}

/**
 * Merges config layers (user first, then project, as loadConfigLayers returns them) over the
 * built-in rules. Throws HookError E_CONFIG naming the file and the problem.
 */
export function buildBashGuardPolicy(layers: readonly ConfigLayer[], options: PolicyOptions): BashGuardPolicy {
  const debug = options.debug ?? (() => {});
  const ids = new Set(DEFAULT_BASH_RULES.map((rule) => rule.id));
  const added: BashRule[] = [];
  const disabled: Array<{ id: string; path: string; index: number }> = [];
  const allowCommands: RegExp[] = [];
  const severities: Array<{ id: string; severity: BashSeverity; path: string; project: boolean }> = [];
  for (const { scope, path, data } of layers) {
    for (const key of Object.keys(data)) {
      if (!TOP_KEYS.includes(key))
        fail(path, `unknown key \`${key}\`; bash-guard reads \`deny\`, \`allow\`, \`allowCommands\` and \`severity\``);
    }
    if (data.deny !== undefined) {
      if (!Array.isArray(data.deny)) fail(path, '`deny` must be an array of rules');
      data.deny.forEach((value, index) => {
        const rule = validateBashRule(path, `deny[${index}]`, value);
        // Redefining an id would let a layer weaken a rule under the same name.
        if (ids.has(rule.id))
          fail(
            path,
            `\`deny[${index}].id\` "${rule.id}" is already defined; pick another id (to switch a rule off, list its id in the user config's \`allow\`)`,
          );
        ids.add(rule.id);
        added.push(rule);
      });
    }
    if (data.severity !== undefined) {
      for (const [id, severity] of Object.entries(severityMap(path, data.severity)))
        severities.push({ id, severity, path, project: scope !== 'user' });
    }
    const relaxing = RELAXING_KEYS.filter((key) => data[key] !== undefined);
    if (relaxing.length === 0) continue;
    if (scope !== 'user') {
      debug(
        `${path}: ignored ${relaxing.map((key) => `\`${key}\``).join(' and ')}: only the user config (${userConfigDir(options.env)}/bash-guard.json) may relax bash-guard; a project may only add \`deny\` rules`,
      );
      continue;
    }
    if (data.allow !== undefined)
      stringList(path, 'allow', data.allow).forEach((id, index) => disabled.push({ id, path, index }));
    if (data.allowCommands !== undefined) {
      stringList(path, 'allowCommands', data.allowCommands).forEach((source, index) =>
        allowCommands.push(compileCommandPattern(path, index, source)),
      );
    }
  }
  for (const { id, path, index } of disabled) {
    if (!ids.has(id)) fail(path, `\`allow[${index}]\` "${id}" is not a rule id; known ids: ${[...ids].join(', ')}`);
  }
  const off = new Set(disabled.map((entry) => entry.id));
  const compiled = [...defaultBashRules(options.home), ...compileBashRules(added, { home: options.home })];
  const severityOf = new Map(compiled.map((rule) => [rule.id, rule.severity]));
  for (const { id, severity, path, project } of severities) {
    if (!severityOf.has(id))
      fail(path, `\`severity\` names "${id}", which is not a rule id; known ids: ${[...severityOf.keys()].join(', ')}`);
    // A project may only make a rule stricter: its config comes with the repository.
    if (project && severity === 'ask' && severityOf.get(id) === 'deny') {
      debug(`${path}: ignored \`severity\` "${id}": "ask": a project may only turn ask into deny, never deny into ask`);
      continue;
    }
    severityOf.set(id, severity);
  }
  const rules = compiled
    .filter((rule) => !off.has(rule.id))
    .map((rule) =>
      severityOf.get(rule.id) === rule.severity ? rule : { ...rule, severity: severityOf.get(rule.id) as BashSeverity },
    );
  return { rules, allowCommands };
}

/** Reads `bash-guard.json` from the user and project layers and builds the policy. Missing files are fine. */
export function loadBashGuardPolicy(projectDir: string | undefined, options: PolicyOptions): BashGuardPolicy {
  const layers = loadConfigLayers('bash-guard', projectDir, options.env);
  // Without config files (the usual case) the policy is the built-ins; skipping the merge spares
  // every hook run compiling code it does not need.
  if (layers.length === 0) return { rules: defaultBashRules(options.home).slice(), allowCommands: [] };
  return buildBashGuardPolicy(layers, options);
}
