import { describe, expect, it } from 'vitest';
import { checkFileAccess, compileFileRules } from '../../../lib/guards/file-guard.ts';
import { BUILTIN_FILE_RULES } from '../../../lib/guards/file-guard-rules.ts';

const HOME = '/home/ada';
const CWD = '/home/ada/repo';
const rules = compileFileRules(BUILTIN_FILE_RULES, { home: HOME });
const ruleFor = (tool: string, path: string) => checkFileAccess({ tool, path, cwd: CWD, home: HOME, rules })?.rule;

const SECRETS: [string, string][] = [
  ['.env', 'env-files'],
  ['.env.local', 'env-files'],
  ['config/.env.production', 'env-files'],
  ['/home/ada/.ssh/id_rsa', 'ssh-private-keys'],
  ['deploy/id_ed25519', 'ssh-private-keys'],
  ['keys/id_ecdsa', 'ssh-private-keys'],
  ['certs/server.pem', 'key-files'],
  ['tls/server.key', 'key-files'],
  ['certs/client.p12', 'key-files'],
  ['certs/client.pfx', 'key-files'],
  ['~/.ssh/config', 'ssh-dir'],
  ['/home/ada/.ssh/authorized_keys', 'ssh-dir'],
  ['/home/ada/.aws/credentials', 'cloud-credentials'],
  ['~/.aws/config', 'cloud-credentials'],
  ['/home/ada/.config/gcloud/application_default_credentials.json', 'cloud-credentials'],
  ['/home/ada/.config/gcloud/legacy_credentials/ada@example.com/adc.json', 'cloud-credentials'],
  ['/home/ada/.azure/msal_token_cache.json', 'cloud-credentials'],
  ['/home/ada/.kube/config', 'cloud-credentials'],
  ['/home/ada/.docker/config.json', 'cloud-credentials'],
  ['/root/.aws/credentials', 'cloud-credentials'],
  ['/home/ada/.netrc', 'credential-files'],
  ['.npmrc', 'credential-files'],
  ['/home/ada/.pypirc', 'credential-files'],
  ['credentials.json', 'credential-files'],
  ['keys/service-account-prod.json', 'credential-files'],
];

describe('file-guard keeps secrets out of reach', () => {
  it.each(SECRETS)('denies reading %s (rule %s)', (path, rule) => {
    expect(ruleFor('Read', path)).toBe(rule);
  });

  it.each(SECRETS)('denies writing %s (rule %s)', (path, rule) => {
    expect(ruleFor('Write', path)).toBe(rule);
  });

  it.each(['Edit', 'MultiEdit', 'NotebookEdit'])('denies %s of .env like Write', (tool) => {
    expect(ruleFor(tool, '/home/ada/repo/.env')).toBe('env-files');
  });
});

describe('file-guard lets templates and public halves through', () => {
  it.each([
    '.env.example',
    '.env.sample',
    '.env.template',
    '.env.dist',
    'config/.env.local.example',
    '/home/ada/.ssh/id_rsa.pub',
    '/home/ada/.ssh/id_ed25519.pub',
    '/home/ada/.ssh/known_hosts',
  ])('allows reading and writing %s', (path) => {
    expect(ruleFor('Read', path)).toBeUndefined();
    expect(ruleFor('Write', path)).toBeUndefined();
  });
});
