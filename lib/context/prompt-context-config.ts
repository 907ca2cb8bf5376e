/**
 * prompt-context's configuration, `prompt-context.json` in the user and project config layers
 * (lib/config.ts; the project one is `<project>/.claude/hookpack/prompt-context.json`), later
 * layers overriding earlier ones key by key:
 *
 *   { "scratchDir": ".claude/scratch", "knowledgeChecks": ".claude/knowledge-checks.json",
 *     "antiPatterns": ".claude/anti-patterns.md", "maxChars": 4000 }
 *
 * Paths are relative to the project directory (or absolute). A project layer comes with the
 * repository, so its paths must stay inside the project: one that leads out is ignored (the
 * layer below, or the default, applies) and said under HOOKPACK_DEBUG.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { configError } from '../config-error.ts';
import type { ConfigLayer } from '../config.ts';

/** Where prompt-context looks, as absolute paths, and its output budget in characters. */
export interface PromptContextConfig {
  scratchDir: string;
  knowledgeChecks: string;
  antiPatterns: string;
  maxChars: number;
}

const PATH_KEYS = ['scratchDir', 'knowledgeChecks', 'antiPatterns'] as const;
const KEYS = [...PATH_KEYS, 'maxChars', '$schema'];

/** The defaults, relative to the project directory. */
export const PROMPT_CONTEXT_DEFAULTS = {
  scratchDir: '.claude/scratch',
  knowledgeChecks: '.claude/knowledge-checks.json',
  antiPatterns: '.claude/anti-patterns.md',
  maxChars: 4000,
} as const;

/** Below Claude Code's 10,000-character cap, so hookpack never has to cut the context. */
const MAX_CHARS_CEILING = 9500;
const MAX_CHARS_FLOOR = 200;

function fail(path: string, problem: string): never {
  throw configError(path, problem);
}

const isInside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Merges the layers (user first, then project) over the defaults. Throws HookError E_CONFIG naming
 * the file for a wrong type or an unknown key; project paths leading out of the project go to `debug`.
 */
export function resolvePromptContextConfig(
  layers: readonly ConfigLayer[],
  projectDir: string,
  debug: (message: string) => void = () => {},
): PromptContextConfig {
  const root = resolve(projectDir);
  const config: PromptContextConfig = {
    scratchDir: resolve(root, PROMPT_CONTEXT_DEFAULTS.scratchDir),
    knowledgeChecks: resolve(root, PROMPT_CONTEXT_DEFAULTS.knowledgeChecks),
    antiPatterns: resolve(root, PROMPT_CONTEXT_DEFAULTS.antiPatterns),
    maxChars: PROMPT_CONTEXT_DEFAULTS.maxChars,
  };
  for (const layer of layers) {
    for (const key of Object.keys(layer.data)) {
      if (!KEYS.includes(key))
        fail(
          layer.path,
          `unknown key \`${key}\`; valid keys: ${KEYS.filter((k) => k !== '$schema')
            .map((k) => `\`${k}\``)
            .join(', ')}`,
        );
    }
    for (const key of PATH_KEYS) {
      const value = layer.data[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || value.trim() === '')
        fail(layer.path, `\`${key}\` must be a non-empty path string, got ${JSON.stringify(value)}`);
      const path = resolve(root, value);
      if (layer.scope === 'project' && !isInside(root, path)) {
        debug(
          `${layer.path}: ignored \`${key}\` ${JSON.stringify(value)}: a project config may only name paths inside the project`,
        );
        continue;
      }
      config[key] = path;
    }
    const maxChars = layer.data.maxChars;
    if (maxChars !== undefined) {
      if (
        typeof maxChars !== 'number' ||
        !Number.isInteger(maxChars) ||
        maxChars < MAX_CHARS_FLOOR ||
        maxChars > MAX_CHARS_CEILING
      ) {
        fail(
          layer.path,
          `\`maxChars\` must be a whole number from ${MAX_CHARS_FLOOR} to ${MAX_CHARS_CEILING}, got ${JSON.stringify(maxChars)}`,
        );
      }
      config.maxChars = maxChars;
    }
  }
  return config;
}
