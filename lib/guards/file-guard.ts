/**
 * file-guard's analysis: does a file tool call touch a protected path? Both the lexical path
 * (`src/../.env` → `<cwd>/.env`) and the real path (every symlink followed) are checked, and
 * either one matching a rule denies, so neither `..` tricks nor symlinks get around a rule.
 *
 * Matching is case-sensitive, as on Linux. On case-insensitive filesystems (macOS, Windows)
 * `.ENV` is the same file as `.env`: for files that exist, the real path comes back from
 * `realpathSync.native` in its on-disk spelling and is caught; a not-yet-existing `.ENV` is not.
 */
import { compileGlobs } from '../glob.ts';
import { normalizePath, realPathOf } from '../paths.ts';
import type { FileAccess, FileRule } from './file-guard-rules.ts';
import { fileOperationOf, type FileOperation } from './file-guard-tools.ts';

/**
 * Linux's PATH_MAX. The kernel refuses a longer path (ENAMETOOLONG), so no tool call needs one;
 * and resolving one costs time and memory in proportion to its length: a 1 MB `file_path` of
 * `x/../` segments ran file-guard out of memory (exit 134, no answer) before this cap.
 */
export const MAX_PATH_CHARS = 4096;
/** The id of the cap on path length; not a rule, so `allow` cannot switch it off. */
export const PATH_TOO_LONG = 'path-too-long';

/** The id of the built-in check that refuses writes through a symlink loop; `allow` can name it too. */
export const SYMLINK_LOOP_RULE = 'symlink-loop';
const SYMLINK_LOOP_REASON =
  'the path runs into a symlink loop; fix or remove the looping link instead of writing through it';

interface CompiledRule {
  readonly id: string;
  readonly access: FileAccess;
  readonly reason: string;
  readonly matches: (path: string) => boolean;
}

/** Rules with their globs compiled once for one home directory, minus what the user's `allow` relaxed. */
export interface FileRuleSet {
  readonly rules: readonly CompiledRule[];
  /** True for paths the user exempted from every rule with an `allow` glob. */
  readonly isAllowed: (path: string) => boolean;
  readonly checksSymlinkLoops: boolean;
}

/**
 * Compiles `rules` for `home` (where `~/` globs are anchored, in both its spellings when it is a
 * symlink). `allow` entries that name a rule id switch that rule off; the others are globs.
 */
export function compileFileRules(
  rules: readonly FileRule[],
  options: { home: string; allow?: readonly string[] },
): FileRuleSet {
  const lexicalHome = normalizePath(options.home, '/');
  const realHome = realPathOf(options.home, '/');
  const homes =
    realHome.kind === 'resolved' && realHome.path !== lexicalHome ? [lexicalHome, realHome.path] : [lexicalHome];
  const allow = options.allow ?? [];
  const ids = new Set([...rules.map((rule) => rule.id), SYMLINK_LOOP_RULE]);
  const relaxed = new Set(allow.filter((entry) => ids.has(entry)));
  const allowGlobs = allow.filter((entry) => !ids.has(entry));
  return {
    rules: rules
      .filter((rule) => !relaxed.has(rule.id))
      .map((rule) => {
        const included = compileGlobs(rule.globs, { homes });
        const excluded = compileGlobs(rule.except ?? [], { homes });
        return {
          id: rule.id,
          access: rule.access,
          reason: rule.reason,
          matches: (path: string) => included(path) && !excluded(path),
        };
      }),
    isAllowed: compileGlobs(allowGlobs, { homes }),
    checksSymlinkLoops: !relaxed.has(SYMLINK_LOOP_RULE),
  };
}

/** One file tool call to judge. `path` is the tool's own path argument, as Claude sent it. */
export interface FileAccessRequest {
  tool: string;
  path: string;
  cwd: string;
  home: string;
  rules: FileRuleSet;
}

/** Why a call was refused. `path` is normalised; `resolved` is the real path when a symlink led to the match. */
export interface FileAccessDenial {
  rule: string;
  reason: string;
  operation: FileOperation;
  path: string;
  resolved?: string;
}

function firstMatch(rules: FileRuleSet, operation: FileOperation, path: string): CompiledRule | undefined {
  if (rules.isAllowed(path)) return undefined;
  return rules.rules.find((rule) => (rule.access === 'readwrite' || operation === 'write') && rule.matches(path));
}

/** Judges one file tool call: a denial when it touches a protected path, undefined for no opinion. */
export function checkFileAccess({ tool, path, cwd, home, rules }: FileAccessRequest): FileAccessDenial | undefined {
  const operation = fileOperationOf(tool);
  if (operation === undefined || typeof path !== 'string' || path === '') return undefined;
  const tooLong = path.length > MAX_PATH_CHARS ? 'path' : cwd.length > MAX_PATH_CHARS ? 'working directory' : undefined;
  if (tooLong !== undefined) {
    const reason = `the ${tooLong} is longer than ${MAX_PATH_CHARS} characters (PATH_MAX), more than a file system accepts, so it was not checked; use the real, shorter path`;
    return { rule: PATH_TOO_LONG, reason, operation, path: `${path.slice(0, 40)}…` };
  }
  const lexical = normalizePath(path, cwd, home);
  const lexicalRule = firstMatch(rules, operation, lexical);
  if (lexicalRule) return { rule: lexicalRule.id, reason: lexicalRule.reason, operation, path: lexical };

  const real = realPathOf(path, cwd, home);
  if (real.kind === 'resolved' && real.path !== lexical) {
    const realRule = firstMatch(rules, operation, real.path);
    if (realRule) return { rule: realRule.id, reason: realRule.reason, operation, path: lexical, resolved: real.path };
  }
  // Reading through a loop just fails; writing through one is odd enough to stop and ask.
  if (real.kind === 'loop' && operation === 'write' && rules.checksSymlinkLoops && !rules.isAllowed(lexical)) {
    return { rule: SYMLINK_LOOP_RULE, reason: SYMLINK_LOOP_REASON, operation, path: lexical };
  }
  return undefined;
}
