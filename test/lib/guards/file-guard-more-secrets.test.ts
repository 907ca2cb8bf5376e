import { describe, expect, it } from 'vitest';
import { checkFileAccess, compileFileRules } from '../../../lib/guards/file-guard.ts';
import { BUILTIN_FILE_RULES } from '../../../lib/guards/file-guard-rules.ts';

const HOME = '/home/ada';
const CWD = '/home/ada/repo';
const rules = compileFileRules(BUILTIN_FILE_RULES, { home: HOME });
const ruleFor = (tool: string, path: string, cwd = CWD) =>
  checkFileAccess({ tool, path, cwd, home: HOME, rules })?.rule;

// Issue 10 §1b: families the first rule set missed.
const PROTECTED: [string, string][] = [
  // Coding agents' own logins.
  ['~/.claude/.credentials.json', 'agent-credentials'],
  ['/home/ada/.claude.json', 'agent-credentials'],
  ['~/.codex/auth.json', 'agent-credentials'],
  ['~/.gemini/oauth_creds.json', 'agent-credentials'],
  ['~/.gemini/mcp-oauth-tokens.json', 'agent-credentials'],
  ['~/.gemini/.env', 'env-files'],
  ['~/.qwen/oauth_creds.json', 'agent-credentials'],
  ['~/.config/github-copilot/hosts.json', 'agent-credentials'],
  ['~/.config/github-copilot/apps.json', 'agent-credentials'],
  ['~/.local/share/opencode/auth.json', 'agent-credentials'],
  ['~/.local/share/amp/secrets.json', 'agent-credentials'],
  ['~/.factory/auth.json', 'agent-credentials'],
  ['~/.config/cursor/auth.json', 'agent-credentials'],
  ['~/.aider.conf.yml', 'agent-credentials'],
  ['~/.aider/oauth-keys.env', 'env-files'],
  ['/root/.codex/auth.json', 'agent-credentials'],
  // Tool logins.
  ['~/.config/gh/hosts.yml', 'credential-files'],
  ['~/.git-credentials', 'credential-files'],
  ['~/.pgpass', 'credential-files'],
  ['~/.my.cnf', 'credential-files'],
  ['.envrc', 'env-files'],
  ['config/secrets.yml', 'credential-files'],
  ['secrets.yaml', 'credential-files'],
  ['~/.config/goose/secrets.yaml', 'credential-files'],
  ['~/.cargo/credentials.toml', 'credential-files'],
  ['~/.gem/credentials', 'credential-files'],
  ['~/.vault-token', 'cloud-credentials'],
  ['~/.terraform.d/credentials.tfrc.json', 'cloud-credentials'],
  ['~/.config/rclone/rclone.conf', 'cloud-credentials'],
  // Renamed keys and configs.
  ['~/.ssh/id_rsa.bak', 'ssh-private-keys'],
  ['backup/id_rsa.old', 'ssh-private-keys'],
  ['id_ed25519~', 'ssh-private-keys'],
  ['keys/id_rsa_work', 'ssh-private-keys'],
  ['keys/id_ed25519-github', 'ssh-private-keys'],
  ['deploy/deploy_key_rsa', 'ssh-private-keys'],
  ['ci/github_ed25519', 'ssh-private-keys'],
  ['~/.kube/config.bak', 'cloud-credentials'],
  ['~/.kube/config-prod', 'cloud-credentials'],
  ['~/.aws/credentials.old', 'cloud-credentials'],
  ['~/.aws/sso/cache/abc123.json', 'cloud-credentials'],
  ['~/.docker/config.json.bak', 'cloud-credentials'],
  ['tls/server.key.bak', 'key-files'],
  // Key stores.
  ['android/release.jks', 'key-files'],
  ['android/debug.keystore', 'key-files'],
  ['~/Passwords.kdbx', 'key-files'],
  ['AuthKey_ABC123.p8', 'key-files'],
  ['putty/server.ppk', 'key-files'],
  ['~/.gnupg/private-keys-v1.d/ABCD.key', 'key-files'],
  ['~/.gnupg/pubring.kbx', 'gnupg-dir'],
  ['~/.password-store/github.gpg', 'gnupg-dir'],
  // The protected directories themselves.
  ['~/.ssh', 'ssh-dir'],
  ['/home/ada/.ssh/', 'ssh-dir'],
  ['~/.aws', 'cloud-credentials'],
  ['~/.config/gcloud', 'cloud-credentials'],
  ['~/.azure', 'cloud-credentials'],
  ['~/.kube', 'cloud-credentials'],
  ['~/.gnupg', 'gnupg-dir'],
];

describe('file-guard protects agent logins, tool logins, renamed keys, key stores and secret directories', () => {
  it.each(PROTECTED)('denies reading %s (rule %s)', (path, rule) => {
    expect(ruleFor('Read', path)).toBe(rule);
  });

  it.each(PROTECTED)('denies writing %s (rule %s)', (path, rule) => {
    expect(ruleFor('Write', path)).toBe(rule);
  });
});

describe('file-guard leaves their neighbours alone', () => {
  it.each([
    '~/.claude/settings.json',
    '~/.claude/CLAUDE.md',
    '.claude/settings.json',
    '~/.codex/config.toml',
    '~/.gemini/settings.json',
    '~/.config/gh/config.yml',
    '~/.kube/cache/discovery/x.json',
    '~/.docker/buildx/current',
    '~/.ssh.md',
    'docs/aws.md',
    'src/kube/config.ts',
    '.env.example',
    '.envrc.example',
    'docker/app.env',
  ])('allows %s', (path) => {
    expect(ruleFor('Read', path)).toBeUndefined();
  });
});

describe('file-guard reads a backslash as a separator only in Windows paths', () => {
  it.each(['fix\\.env', 'src\\..\\.env', 'a\\.ssh\\config', 'docs\\.aws'])(
    '%s in a POSIX directory is one file name: allowed',
    (path) => {
      expect(ruleFor('Read', path)).toBeUndefined();
    },
  );

  it.each([
    ['src\\..\\.env', 'C:\\repo'],
    ['fix\\.env', 'C:\\repo'],
    ['C:\\repo\\fix\\.env', '/home/ada/repo'],
    ['\\\\server\\share\\.env', '/home/ada/repo'],
  ])('%s from %s is a Windows path: denied', (path, cwd) => {
    expect(ruleFor('Read', path, cwd)).toBe('env-files');
  });
});
