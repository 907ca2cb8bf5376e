// file-guard on Grep, Glob and LS: the path they search or list, a Grep over a directory above a
// secret location in the home directory, and a Grep glob that takes in protected files.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFileRules } from '../../../lib/guards/file-guard.ts';
import { denialMessage } from '../../../lib/guards/file-guard-message.ts';
import { BUILTIN_FILE_RULES } from '../../../lib/guards/file-guard-rules.ts';
import { checkSearchAccess } from '../../../lib/guards/file-guard-search.ts';
import { searchInputOf } from '../../../lib/guards/file-guard-tools.ts';

// A real home: a Grep above ~/.ssh is judged by what is there.
const HOME = mkdtempSync(join(tmpdir(), 'hookpack-search-home-'));
const CWD = join(HOME, 'work', 'repo');
mkdirSync(CWD, { recursive: true });
mkdirSync(join(HOME, '.ssh'));
writeFileSync(join(HOME, '.ssh', 'id_ed25519'), 'KEY');
mkdirSync(join(HOME, '.config', 'gh'), { recursive: true });
writeFileSync(join(HOME, '.config', 'gh', 'hosts.yml'), 'token');
symlinkSync(join(HOME, '.ssh', 'id_ed25519'), join(CWD, 'innocent.txt'));
afterAll(() => rmSync(HOME, { recursive: true, force: true }));

const rules = compileFileRules(BUILTIN_FILE_RULES, { home: HOME });
const judge = (tool: string, input: Record<string, unknown>, options: { allow?: string[] } = {}) =>
  checkSearchAccess({
    tool,
    input,
    cwd: CWD,
    home: HOME,
    rules: options.allow ? compileFileRules(BUILTIN_FILE_RULES, { home: HOME, allow: options.allow }) : rules,
    sources: BUILTIN_FILE_RULES,
  });
const ruleOf = (tool: string, input: Record<string, unknown>) => judge(tool, input)?.rule;

describe('Grep', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a protected file as its path', { pattern: 'TOKEN', path: '.env' }, 'env-files'],
    [
      'a protected file in count mode',
      { pattern: 'TOKEN=a', path: '.env.production', output_mode: 'count' },
      'env-files',
    ],
    ['~/.ssh', { pattern: 'BEGIN', path: '~/.ssh' }, 'ssh-dir'],
    ['a file inside ~/.aws', { pattern: 'aws_secret', path: `${HOME}/.aws/credentials` }, 'cloud-credentials'],
    ['a symlink to a private key', { pattern: 'KEY', path: 'innocent.txt' }, 'ssh-private-keys'],
    ['the home directory (ripgrep would descend into ~/.ssh)', { pattern: 'x', path: HOME }, 'ssh-dir'],
    ['~/.config (holds gh/hosts.yml)', { pattern: 'oauth', path: '~/.config' }, 'credential-files'],
    ['the filesystem root', { pattern: 'x', path: '/' }, 'ssh-dir'],
    ['a glob naming .env files (it overrides .gitignore)', { pattern: 'x', glob: '.env*' }, 'env-files'],
    ['glob "*" (it overrides .gitignore too)', { pattern: 'x', glob: '*' }, 'env-files'],
    ['glob "**"', { pattern: 'x', glob: '**' }, 'env-files'],
    ['a brace glob that takes in .env.local', { pattern: 'x', glob: '*.{js,local}' }, 'env-files'],
    ['two globs in one field, one of them protected', { pattern: 'x', glob: '*.js .env' }, 'env-files'],
    ['a glob for key files', { pattern: 'PRIVATE', glob: '*.pem' }, 'key-files'],
    ['a glob for private keys under any name', { pattern: 'x', glob: 'id_*' }, 'ssh-private-keys'],
    ['a glob with a directory', { pattern: 'x', glob: 'config/.env.*' }, 'env-files'],
  ])('is denied for %s', (_, input, rule) => {
    expect(ruleOf('Grep', input)).toBe(rule);
  });

  it.each<[string, Record<string, unknown>]>([
    ['the project, no glob (ripgrep skips a gitignored .env)', { pattern: 'TODO' }],
    ['a source directory', { pattern: 'TODO', path: 'src' }],
    ['a narrow glob', { pattern: 'TODO', glob: '*.ts' }],
    ['brace globs of code', { pattern: 'TODO', glob: '*.{ts,tsx,js}' }],
    ['an excluding glob', { pattern: 'TODO', glob: '!.env' }],
    ['the .env template', { pattern: 'KEY', path: '.env.example' }],
    ['a public key', { pattern: 'ssh-ed25519', path: '~/.ssh/id_ed25519.pub' }],
    ['a directory of the home that holds no secret', { pattern: 'x', path: '~/work' }],
    ['a glob ripgrep could not parse', { pattern: 'x', glob: '[' }],
  ])('passes %s', (_, input) => {
    expect(judge('Grep', input)).toBeUndefined();
  });

  it("respects the user's allow: an exempted glob or rule is searchable", () => {
    expect(judge('Grep', { pattern: 'x', glob: '.env*' }, { allow: ['env-files'] })).toBeUndefined();
    expect(judge('Grep', { pattern: 'x', path: '.env' }, { allow: ['**/.env'] })).toBeUndefined();
  });

  it('says what the glob takes in and what to do instead', () => {
    const denial = judge('Grep', { pattern: 'x', glob: '*.{js,local}' });
    expect(denial && denialMessage(denial, { cwd: CWD, home: HOME })).toMatch(
      /^file-guard blocked searching with the glob "\*\.\{js,local\}", which takes in protected files such as \.env\.local \(rule "env-files"\): dotenv files hold secrets; .*; search with a narrower glob \(e\.g\. "\*\.ts"\)$/,
    );
  });

  it('names the secret location for a search above it', () => {
    const denial = judge('Grep', { pattern: 'x', path: HOME });
    expect(denial && denialMessage(denial, { cwd: CWD, home: HOME })).toMatch(
      new RegExp(
        `^file-guard blocked searching ${HOME}, which holds ~/\\.ssh \\(rule "ssh-dir"\\): .*; search a narrower directory$`,
      ),
    );
  });
});

describe('Glob and LS list names', () => {
  it.each<[string, Record<string, unknown>, string | undefined]>([
    ['Glob in ~/.ssh by path', { pattern: '*', path: '~/.ssh' }, 'ssh-dir'],
    ['Glob in ~/.ssh by pattern', { pattern: `${HOME}/.ssh/*` }, 'ssh-dir'],
    ['Glob in ~/.aws by a relative pattern from home', { pattern: '.aws/**', path: HOME }, 'cloud-credentials'],
    ['LS of ~/.gnupg', { path: '~/.gnupg' }, 'gnupg-dir'],
    ['Glob naming .env files in the project: a name is all it shows', { pattern: '**/.env*' }, undefined],
    ['Glob of everything under home: names only', { pattern: '**/*', path: HOME }, undefined],
    ['Glob of the project sources', { pattern: 'src/**/*.ts' }, undefined],
  ])('%s: %s', (_, input, rule) => {
    const tool = 'pattern' in input ? 'Glob' : 'LS';
    expect(ruleOf(tool, input)).toBe(rule);
  });

  it('a Glob denial says listing', () => {
    const denial = judge('Glob', { pattern: '*', path: '~/.ssh' });
    expect(denial && denialMessage(denial, { cwd: CWD, home: HOME })).toMatch(
      /^file-guard blocked listing ~\/\.ssh \(rule "ssh-dir"\)/,
    );
  });
});

describe('searchInputOf', () => {
  it.each([
    ['Grep', { pattern: 'x', path: 'src', glob: '*.ts' }, { path: 'src', glob: '*.ts', pattern: 'x' }],
    ['Glob', { pattern: '**/*.md' }, { path: undefined, glob: undefined, pattern: '**/*.md' }],
    ['LS', { path: '/r' }, { path: '/r', glob: undefined, pattern: undefined }],
    ['Grep', { pattern: 'x', path: '' }, { path: undefined, glob: undefined, pattern: 'x' }],
    ['Read', { file_path: '/r/.env' }, undefined],
    ['Grep', null, undefined],
  ])('%s with %j', (tool, input, expected) => {
    expect(searchInputOf(tool, input)).toEqual(expected);
  });
});
