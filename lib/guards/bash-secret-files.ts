/**
 * file-guard's protected files, as bash-guard's `readsSecret` condition sees them: one list for
 * the file tools and the shell (lib/guards/file-guard-rules.ts plus the user's and project's
 * `file-guard.json`). Only `readwrite` rules count: reading a lock file is fine.
 */
import { loadConfigLayers } from '../config.ts';
import { compileFileRules, type FileRuleSet } from './file-guard.ts';
import { mergeFileGuardConfig } from './file-guard-config.ts';
import { BUILTIN_FILE_RULES } from './file-guard-rules.ts';

/** The id of the file-guard rule protecting a normalised path, or undefined. */
export type SecretFileTest = (path: string) => string | undefined;

/** The test for a compiled file-guard rule set (built-ins merged with config, `allow` applied). */
export function secretFileTest(rules: FileRuleSet): SecretFileTest {
  return (path) => (rules.isAllowed(path) ? undefined : rules.rules.find((rule) => rule.access === 'readwrite' && rule.matches(path))?.id);
}

const builtIn = new Map<string, SecretFileTest>();

/** The built-in rules for `home`, compiled on first use (most commands read no file at all). */
export function builtInSecretFileTest(home: string): SecretFileTest {
  let test = builtIn.get(home);
  if (test === undefined) {
    test = secretFileTest(compileFileRules(BUILTIN_FILE_RULES, { home }));
    builtIn.set(home, test);
  }
  return test;
}

/**
 * The test for a hook run: file-guard's built-ins merged with its `file-guard.json` layers (so a
 * file the user protects or exempts for the file tools is treated the same in the shell), read
 * only when a command reads some file.
 */
export function configuredSecretFileTest(cwd: string, home: string, debug?: (message: string) => void): () => SecretFileTest {
  let test: SecretFileTest | undefined;
  return () => {
    if (test === undefined) {
      const layers = loadConfigLayers('file-guard', cwd);
      if (layers.length === 0) test = builtInSecretFileTest(home);
      else {
        const { rules, allow } = mergeFileGuardConfig(BUILTIN_FILE_RULES, layers, debug);
        test = secretFileTest(compileFileRules(rules, { home, allow }));
      }
    }
    return test;
  };
}
