// What `hookpack install` will not edit: it says where the file breaks, exits 3, and leaves the
// file exactly as it was.
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

describe('hookpack install refuses', () => {
  it.each([
    ['a syntax error', '{\n  "model": "opus"\n  "hooks": {}\n}\n', 'line 3, column 3: comma expected'],
    ['a truncated file', '{\n  "hooks": {\n', 'line 3, column 1: close brace expected'],
    [
      'a top level that is not an object',
      '[1, 2]\n',
      'line 1, column 1: the top level must be a JSON object, found an array',
    ],
    [
      'a `hooks` that is not an object',
      '{\n  "hooks": [\n  ]\n}\n',
      'line 2, column 12: `hooks` must be an object of event names, found an array',
    ],
    [
      'an event we must add to that is not an array',
      '{ "hooks": { "PreToolUse": { "matcher": "Bash" } } }\n',
      'line 1, column 28: `hooks.PreToolUse` must be an array of matcher groups, found object',
    ],
    ['a byte-order mark', '\uFEFF{}\n', 'line 1, column 1: the file starts with a byte-order mark'],
  ])('%s, naming the line and column, with the file unchanged', async (_name, content, where) => {
    project = makeProject('install-refuses');
    project.write(content);
    const run = await project.run('install');
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`hookpack: cannot use .claude/settings.json: ${where}`);
    expect(run.stderr).toMatch(/it was not changed\n$/);
    expect(project.read()).toBe(content);
    expect(readdirSync(join(project.dir, '.claude'))).toEqual(['settings.json']);
  });

  it('a settings path it cannot write (a parent is a file), naming the path and the fix', async () => {
    project = makeProject('install-enotdir');
    writeFileSync(join(project.dir, 'not-a-dir'), 'x');
    const run = await project.run('install', '--settings', 'not-a-dir/settings.json');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^hookpack: cannot create the directory of not-a-dir\/settings\.json: (ENOTDIR|EEXIST), a parent of it is a file, not a directory: fix the path, or choose another --scope or --settings; nothing was changed\n$/,
    );
  });

  it.skipIf(process.getuid?.() === 0)(
    'a read-only directory (skipped as root, where chmod does not stop writes)',
    async () => {
      project = makeProject('install-readonly');
      const original = '{ "model": "opus" }\n';
      project.write(original);
      chmodSync(join(project.dir, '.claude'), 0o500);
      try {
        const run = await project.run('install');
        expect(run.code).toBe(3);
        expect(run.stderr).toContain(
          'hookpack: cannot write .claude/settings.json: EACCES, permission denied: make the file and its directory writable (chmod u+w), or choose another --scope or --settings; nothing was changed',
        );
        expect(project.read()).toBe(original);
      } finally {
        chmodSync(join(project.dir, '.claude'), 0o700);
      }
    },
  );

  it.skipIf(process.getuid?.() === 0)(
    'a read-only file, though rename() could replace it (skipped as root)',
    async () => {
      project = makeProject('install-readonly-file');
      const original = '{ "model": "opus" }\n';
      project.write(original);
      chmodSync(project.settings, 0o444);
      const run = await project.run('install');
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('hookpack: cannot write .claude/settings.json: EACCES, permission denied');
      expect(project.read()).toBe(original);
      expect(existsSync(`${project.settings}.bak`)).toBe(false);
    },
  );

  it('a settings path that is a directory', async () => {
    project = makeProject('install-eisdir');
    mkdirSync(project.settings, { recursive: true });
    const run = await project.run('install');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'hookpack: cannot use .claude/settings.json: it is a directory; settings must be a regular file (writing would replace this one): pass --settings with the path of a settings file and run again; nothing was changed\n',
    );
  });

  it('to run without a build, and says how to make one', async () => {
    project = makeProject('install-no-build');
    rmSync(join(project.dir, 'dist'), { recursive: true });
    const run = await project.run('install');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `hookpack: no build found (${join(project.dir, '.claude', 'hooks', 'dist', 'manifest.json')} is missing): run \`hookpack build\` first (it bundles .claude/hooks/*.ts into .claude/hooks/dist), or pass --dist DIR\n`,
    );
    expect(existsSync(project.settings)).toBe(false);
  });

  it('a manifest whose bundles are missing', async () => {
    project = makeProject('install-stale-build');
    rmSync(join(project.dir, 'dist', 'on-PreToolUse.cjs'));
    const run = await project.run('install');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('names bundles that are missing (on-PreToolUse.cjs): run hookpack build again');
  });

  it('an unknown --scope, listing the valid ones', async () => {
    project = makeProject('install-scope');
    const run = await project.run('install', '--scope', 'global');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'hookpack: unknown --scope `global`; valid scopes: project (.claude/settings.json), local (.claude/settings.local.json), user (~/.claude/settings.json)\n',
    );
  });
});
