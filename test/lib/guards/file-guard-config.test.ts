import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigLayers, type ConfigLayer } from '../../../lib/config.ts';
import { checkFileAccess, compileFileRules } from '../../../lib/guards/file-guard.ts';
import { mergeFileGuardConfig } from '../../../lib/guards/file-guard-config.ts';
import { BUILTIN_FILE_RULES } from '../../../lib/guards/file-guard-rules.ts';
import { HookError } from '../../../lib/runtime/errors.ts';

const HOME = '/home/ada';
const CWD = '/home/ada/repo';
const USER = '/home/ada/.config/hookpack/file-guard.json';
const PROJECT = '/home/ada/repo/.claude/hookpack/file-guard.json';
const user = (data: Record<string, unknown>): ConfigLayer => ({ scope: 'user', path: USER, data });
const project = (data: Record<string, unknown>): ConfigLayer => ({ scope: 'project', path: PROJECT, data });

const TFSTATE = {
  id: 'terraform-state',
  globs: ['*.tfstate', '*.tfstate.backup'],
  access: 'readwrite',
  reason: 'use `terraform state show` instead',
};

function ruleFor(
  layers: ConfigLayer[],
  tool: string,
  path: string,
  debug?: (message: string) => void,
): string | undefined {
  const { rules, allow } = mergeFileGuardConfig(BUILTIN_FILE_RULES, layers, debug);
  return checkFileAccess({ tool, path, cwd: CWD, home: HOME, rules: compileFileRules(rules, { home: HOME, allow }) })
    ?.rule;
}

function configError(layers: ConfigLayer[]): HookError {
  try {
    mergeFileGuardConfig(BUILTIN_FILE_RULES, layers);
  } catch (error) {
    return error as HookError;
  }
  throw new Error('expected mergeFileGuardConfig to throw');
}

describe('file-guard config: the user layer', () => {
  it('adds a protection', () => {
    expect(ruleFor([user({ protect: [TFSTATE] })], 'Read', 'infra/prod.tfstate')).toBe('terraform-state');
  });

  it('adds a home-anchored glob', () => {
    const notes = { id: 'private-notes', globs: ['~/notes/**'], access: 'readwrite', reason: 'ask the user' };
    expect(ruleFor([user({ protect: [notes] })], 'Read', '/home/ada/notes/diary.md')).toBe('private-notes');
    expect(ruleFor([user({ protect: [notes] })], 'Read', '/home/ada/repo/notes/todo.md')).toBeUndefined();
  });

  it('honours `except` in an added rule', () => {
    const rule = { ...TFSTATE, except: ['fixtures/**'] };
    expect(ruleFor([user({ protect: [rule] })], 'Read', 'fixtures/sample.tfstate')).toBeUndefined();
  });

  it('relaxes a built-in rule by id', () => {
    expect(ruleFor([], 'Read', '.npmrc')).toBe('credential-files');
    expect(ruleFor([user({ allow: ['credential-files'] })], 'Read', '.npmrc')).toBeUndefined();
    expect(ruleFor([user({ allow: ['credential-files'] })], 'Read', '.env')).toBe('env-files');
  });

  it('relaxes paths by glob, across every rule', () => {
    const layers = [user({ allow: ['~/repo/test/fixtures/**'] })];
    expect(ruleFor(layers, 'Read', 'test/fixtures/server.pem')).toBeUndefined();
    expect(ruleFor(layers, 'Write', 'test/fixtures/.env')).toBeUndefined();
    expect(ruleFor(layers, 'Read', 'certs/server.pem')).toBe('key-files');
  });

  it('may relax a rule that the project added', () => {
    expect(
      ruleFor([user({ allow: ['terraform-state'] }), project({ protect: [TFSTATE] })], 'Read', 'prod.tfstate'),
    ).toBeUndefined();
  });
});

describe('file-guard config: the project layer', () => {
  it('adds a protection', () => {
    expect(ruleFor([project({ protect: [TFSTATE] })], 'Write', 'prod.tfstate')).toBe('terraform-state');
  });

  it('cannot relax a rule by id: the allow is ignored and reported to debug', () => {
    const messages: string[] = [];
    expect(ruleFor([project({ allow: ['env-files'] })], 'Read', '.env', (m) => messages.push(m))).toBe('env-files');
    expect(messages).toEqual([
      `${PROJECT}: ignored \`allow\` ("env-files"): only the user config may relax file-guard; a project may only add protections`,
    ]);
  });

  it('cannot relax paths by glob', () => {
    expect(ruleFor([project({ allow: ['**'] })], 'Write', '.git/config')).toBe('git-internals');
  });

  it('cannot redefine a built-in rule under its id to weaken it', () => {
    const weak = { id: 'env-files', globs: ['nothing-matches-this'], access: 'write', reason: 'x' };
    const error = configError([project({ protect: [weak] })]);
    expect(error).toBeInstanceOf(HookError);
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toContain(`${PROJECT}: \`protect[0].id\` "env-files" is already defined`);
  });
});

describe('file-guard config: malformed files fail closed with E_CONFIG', () => {
  it.each([
    [{ protects: [] }, 'unknown key `protects`'],
    [{ protect: {} }, '`protect` must be an array of rules, got object'],
    [{ protect: ['*.tfstate'] }, '`protect[0]` must be a rule object, got "*.tfstate"'],
    [{ protect: [{ ...TFSTATE, access: 'read' }] }, '`protect[0].access` must be "write" or "readwrite", got "read"'],
    [{ protect: [{ ...TFSTATE, globs: [] }] }, '`protect[0].globs` must be a non-empty array of glob strings'],
    [{ protect: [{ ...TFSTATE, globs: ['{a,b'] }] }, '`protect[0].globs[0]`: glob "{a,b" has an unclosed `{`'],
    [{ protect: [{ ...TFSTATE, reason: '' }] }, '`protect[0].reason` must say what to do instead'],
    [{ protect: [{ ...TFSTATE, id: 'has space' }] }, '`protect[0].id` must be a name like "terraform-state"'],
    [{ protect: [{ ...TFSTATE, severity: 'high' }] }, '`protect[0]` has unknown key `severity`'],
    [{ protect: [TFSTATE, TFSTATE] }, '`protect[1].id` "terraform-state" is already defined'],
    [{ allow: 'env-files' }, '`allow` must be an array of rule ids or globs, got "env-files"'],
    [{ allow: [42] }, '`allow[0]` must be a non-empty glob string, got number'],
  ])('%j: %s', (data, problem) => {
    const error = configError([user(data)]);
    expect(error).toBeInstanceOf(HookError);
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toContain(`${USER}: ${problem}`);
  });

  it('rejects a malformed project file too, even one that only adds', () => {
    expect(configError([project({ protect: [{ ...TFSTATE, access: 'all' }] })]).message).toContain(PROJECT);
  });
});

describe('file-guard config: files on disk', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookpack-file-guard-config-'));
    mkdirSync(join(dir, 'user'));
    mkdirSync(join(dir, 'project/.claude/hookpack'), { recursive: true });
    env = { HOOKPACK_CONFIG_DIR: join(dir, 'user'), CLAUDE_PROJECT_DIR: join(dir, 'project') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the user relaxation and the project addition from their files', () => {
    writeFileSync(join(dir, 'user/file-guard.json'), JSON.stringify({ allow: ['npm-lock'] }));
    writeFileSync(
      join(dir, 'project/.claude/hookpack/file-guard.json'),
      JSON.stringify({ protect: [TFSTATE], allow: ['env-files'] }),
    );
    const layers = loadConfigLayers('file-guard', join(dir, 'project'), env);
    expect(ruleFor(layers, 'Write', 'package-lock.json')).toBeUndefined();
    expect(ruleFor(layers, 'Write', 'prod.tfstate')).toBe('terraform-state');
    expect(ruleFor(layers, 'Write', '.env')).toBe('env-files');
  });

  it('throws E_CONFIG naming the file when it is not valid JSON', () => {
    const file = join(dir, 'project/.claude/hookpack/file-guard.json');
    writeFileSync(file, '{ "protect": [ }');
    expect(() => loadConfigLayers('file-guard', join(dir, 'project'), env)).toThrow(
      expect.objectContaining({ code: 'E_CONFIG', message: expect.stringContaining(`${file} is not valid JSON`) }),
    );
  });
});
