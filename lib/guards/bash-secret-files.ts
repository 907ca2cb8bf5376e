/**
 * file-guard's protected files, as bash-guard's `readsSecret` condition sees them: one list for
 * the file tools and the shell (lib/guards/file-guard-rules.ts plus the user's and project's
 * `file-guard.json`). Only `readwrite` rules count: reading a lock file is fine.
 */
import { loadConfigLayers } from '../config.ts';
import { globToRegExp } from '../glob.ts';
import { compileFileRules } from './file-guard.ts';
import { mergeFileGuardConfig } from './file-guard-config.ts';
import { BUILTIN_FILE_RULES, type FileRule } from './file-guard-rules.ts';

/** The id of the file-guard rule protecting a normalised path, or undefined. */
export type SecretFileTest = (path: string) => string | undefined;

/**
 * One RegExp matching every path any secret rule could match: most paths a command reads match
 * none, and one test is cheaper than one per glob. `~/x` globs become `x` (a suffix match, so a
 * superset of the home-anchored one): the exact rules decide after the prefilter.
 */
function prefilter(rules: readonly FileRule[]): RegExp {
  const sources = rules.flatMap((rule) =>
    rule.globs.map((glob) => globToRegExp(glob.startsWith('~/') ? glob.slice(2) : glob).source),
  );
  return new RegExp(sources.length === 0 ? '(?!)' : sources.join('|'));
}

/** The test for file rules (built-ins merged with config) with the user's `allow` applied. */
export function secretFileTest(
  rules: readonly FileRule[],
  options: { home: string; allow?: readonly string[] },
): SecretFileTest {
  const secret = rules.filter((rule) => rule.access === 'readwrite');
  const maybe = prefilter(secret);
  let compiled: ReturnType<typeof compileFileRules> | undefined;
  return (path) => {
    if (!maybe.test(path)) return undefined;
    compiled ??= compileFileRules(secret, options);
    const set = compiled;
    return set.isAllowed(path) ? undefined : set.rules.find((rule) => rule.matches(path))?.id;
  };
}

const builtIn = new Map<string, SecretFileTest>();

/** The built-in rules for `home`, compiled on first use (most commands read no file at all). */
export function builtInSecretFileTest(home: string): SecretFileTest {
  let test = builtIn.get(home);
  if (test === undefined) {
    test = secretFileTest(BUILTIN_FILE_RULES, { home });
    builtIn.set(home, test);
  }
  return test;
}

/**
 * The test for a hook run: file-guard's built-ins merged with its `file-guard.json` layers (so a
 * file the user protects or exempts for the file tools is treated the same in the shell), read
 * only when a command reads some file.
 */
export function configuredSecretFileTest(
  cwd: string,
  home: string,
  debug?: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): () => SecretFileTest {
  let test: SecretFileTest | undefined;
  return () => {
    if (test === undefined) {
      const layers = loadConfigLayers('file-guard', cwd, env);
      if (layers.length === 0) test = builtInSecretFileTest(home);
      else {
        const { rules, allow } = mergeFileGuardConfig(BUILTIN_FILE_RULES, layers, debug);
        test = secretFileTest(rules, { home, allow });
      }
    }
    return test;
  };
}
