import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFileAccess, compileFileRules, type FileRuleSet } from '../../../lib/guards/file-guard.ts';
import { BUILTIN_FILE_RULES, type FileRule } from '../../../lib/guards/file-guard-rules.ts';

describe.skipIf(process.platform === 'win32')('file-guard follows symlinks', () => {
  let dir: string;
  let home: string;
  let repo: string;
  let rules: FileRuleSet;
  const check = (tool: string, path: string, allow: string[] = []) =>
    checkFileAccess({
      tool,
      path,
      cwd: repo,
      home,
      rules: allow.length ? compileFileRules(BUILTIN_FILE_RULES, { home, allow }) : rules,
    });

  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-file-guard-')));
    home = join(dir, 'home');
    repo = join(dir, 'repo');
    mkdirSync(join(home, '.aws'), { recursive: true });
    writeFileSync(join(home, '.aws/credentials'), '[default]\n');
    mkdirSync(join(repo, '.git/refs'), { recursive: true });
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, '.env'), 'SECRET=1\n');
    symlinkSync('../.env', join(repo, 'src/settings.txt'));
    symlinkSync(join(repo, '.git'), join(repo, 'src/gitdir'));
    symlinkSync(join(repo, '.git/refs'), join(repo, 'src/refs'));
    symlinkSync(join(home, '.aws/credentials'), join(repo, 'aws.txt'));
    symlinkSync(join(repo, '.env.production'), join(repo, 'dangling.txt'));
    symlinkSync('loop-b', join(repo, 'loop-a'));
    symlinkSync('loop-a', join(repo, 'loop-b'));
    rules = compileFileRules(BUILTIN_FILE_RULES, { home });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('denies reading an innocent name that links to .env', () => {
    expect(check('Read', 'src/settings.txt')).toEqual({
      rule: 'env-files',
      reason: expect.any(String),
      operation: 'read',
      path: `${repo}/src/settings.txt`,
      resolved: `${repo}/.env`,
    });
  });

  it('denies writing into .git through a symlinked directory', () => {
    expect(check('Write', `${repo}/src/gitdir/config`)?.rule).toBe('git-internals');
  });

  it('denies creating a file under a symlinked .git directory', () => {
    expect(check('Write', `${repo}/src/gitdir/hooks/post-checkout`)?.rule).toBe('git-internals');
  });

  it('denies a `..` that the kernel applies after the symlink', () => {
    expect(check('Write', 'src/refs/../HEAD')).toMatchObject({ rule: 'git-internals', resolved: `${repo}/.git/HEAD` });
  });

  it('still allows reading through a symlink into .git', () => {
    expect(check('Read', `${repo}/src/gitdir/config`)).toBeUndefined();
  });

  it('denies reading a link to the cloud credentials in home', () => {
    expect(check('Read', 'aws.txt')?.rule).toBe('cloud-credentials');
  });

  it('denies writing through a dangling link whose target would be a dotenv file', () => {
    expect(check('Write', 'dangling.txt')).toMatchObject({ rule: 'env-files', resolved: `${repo}/.env.production` });
  });

  it('denies writing through a symlink loop as suspicious', () => {
    expect(check('Write', 'loop-a')).toMatchObject({ rule: 'symlink-loop', operation: 'write' });
    expect(check('Edit', 'loop-a/inner.txt')?.rule).toBe('symlink-loop');
  });

  it('has no opinion on reading through a symlink loop: the read fails anyway', () => {
    expect(check('Read', 'loop-a')).toBeUndefined();
  });

  it('lets the user switch the loop check off by id', () => {
    expect(check('Write', 'loop-a', ['symlink-loop'])).toBeUndefined();
  });

  it('anchors `~/` globs at the real home too when home itself is a symlink', () => {
    const linkedHome = join(dir, 'home-link');
    symlinkSync(home, linkedHome);
    const awsRule: FileRule = { id: 'aws-dir', globs: ['~/.aws/**'], access: 'readwrite', reason: 'ask the user' };
    const linked = compileFileRules([awsRule], { home: linkedHome });
    // aws.txt resolves to <home>/.aws/credentials, which is under the real home, not the link.
    expect(checkFileAccess({ tool: 'Read', path: 'aws.txt', cwd: repo, home: linkedHome, rules: linked })?.rule).toBe(
      'aws-dir',
    );
  });

  it('still denies the real target when only the link name is allowed', () => {
    expect(check('Read', 'src/settings.txt', ['src/settings.txt'])?.rule).toBe('env-files');
  });
});
