import { describe, expect, it } from 'vitest';
import { checkFileAccess, compileFileRules } from '../../../lib/guards/file-guard.ts';
import { BUILTIN_FILE_RULES } from '../../../lib/guards/file-guard-rules.ts';

const HOME = '/home/ada';
const CWD = '/home/ada/repo';
const rules = compileFileRules(BUILTIN_FILE_RULES, { home: HOME });
const check = (tool: string, path: string) => checkFileAccess({ tool, path, cwd: CWD, home: HOME, rules });

const GENERATED: [string, string][] = [
  ['.git/config', 'git-internals'],
  ['.git/HEAD', 'git-internals'],
  ['.git/hooks/pre-commit', 'git-internals'],
  ['.git/objects/ab/cdef0123', 'git-internals'],
  ['vendor/lib/.git/config', 'git-internals'],
  ['worktree/.git', 'git-internals'],
  ['package-lock.json', 'npm-lock'],
  ['npm-shrinkwrap.json', 'npm-lock'],
  ['web/yarn.lock', 'yarn-lock'],
  ['pnpm-lock.yaml', 'pnpm-lock'],
  ['bun.lockb', 'bun-lock'],
  ['bun.lock', 'bun-lock'],
  ['Cargo.lock', 'cargo-lock'],
  ['poetry.lock', 'poetry-lock'],
  ['Pipfile.lock', 'pipenv-lock'],
  ['composer.lock', 'composer-lock'],
  ['Gemfile.lock', 'gemfile-lock'],
  ['go.sum', 'go-sum'],
  ['uv.lock', 'uv-lock'],
  ['flake.lock', 'flake-lock'],
];

describe('file-guard keeps hands off generated files', () => {
  it.each(GENERATED)('denies writing %s (rule %s)', (path, rule) => {
    expect(check('Write', path)?.rule).toBe(rule);
  });

  it.each(GENERATED)('allows reading %s', (path) => {
    expect(check('Read', path)).toBeUndefined();
  });

  it.each(['Edit', 'MultiEdit', 'NotebookEdit'])('denies %s of .git/config like Write', (tool) => {
    expect(check(tool, '/home/ada/repo/.git/config')?.rule).toBe('git-internals');
  });

  it('tells Claude which command regenerates a lock file', () => {
    expect(check('Edit', 'package-lock.json')?.reason).toBe(
      'lock files are generated; change package.json and run `npm install` instead of editing the lock file',
    );
    expect(check('Edit', 'Cargo.lock')?.reason).toContain('change Cargo.toml and run `cargo update`');
  });
});
