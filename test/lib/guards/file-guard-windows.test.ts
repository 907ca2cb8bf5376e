import { describe, expect, it } from 'vitest';
import { checkFileAccess, compileFileRules } from '../../../lib/guards/file-guard.ts';
import { BUILTIN_FILE_RULES } from '../../../lib/guards/file-guard-rules.ts';

// Claude Code on Windows sends native paths with backslashes (hooks-protocol §1, §6).
const HOME = 'C:\\Users\\ada';
const CWD = 'C:\\repo';
const rules = compileFileRules(BUILTIN_FILE_RULES, { home: HOME });
const ruleFor = (tool: string, path: string) => checkFileAccess({ tool, path, cwd: CWD, home: HOME, rules })?.rule;

describe('file-guard reads Windows paths', () => {
  it.each([
    ['Write', 'C:\\repo\\.env', 'env-files'],
    ['Read', 'c:\\repo\\.env.local', 'env-files'],
    ['Write', 'src\\..\\.env', 'env-files'],
    ['Write', 'src\\\\..\\\\.env', 'env-files'],
    ['Edit', 'C:\\repo\\.git\\config', 'git-internals'],
    ['Write', 'C:/repo/package-lock.json', 'npm-lock'],
    ['Read', 'C:\\Users\\ada\\.aws\\credentials', 'cloud-credentials'],
    ['Read', 'C:\\Users\\ada\\AppData\\Roaming\\gcloud\\credentials.db', 'cloud-credentials'],
    ['Read', 'C:\\Users\\ada\\.ssh\\id_ed25519', 'ssh-private-keys'],
    ['Read', 'C:\\Users\\ada\\_netrc', 'credential-files'],
    ['Read', '\\\\fileserver\\share\\deploy\\server.key', 'key-files'],
  ])('%s of %s is denied by %s', (tool, path, rule) => {
    expect(ruleFor(tool, path)).toBe(rule);
  });

  it.each([
    ['Write', 'C:\\repo\\src\\app.ts'],
    ['Read', 'C:\\repo\\.git\\HEAD'],
    ['Read', 'C:\\Users\\ada\\.ssh\\id_ed25519.pub'],
  ])('%s of %s is fine', (tool, path) => {
    expect(ruleFor(tool, path)).toBeUndefined();
  });
});
