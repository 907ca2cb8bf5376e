// The code-cache loader every bundle carries (build/code-cache-loader.mjs): V8's code cached in
// HOOKPACK_HOME/code-cache and used after, a corrupt or foreign file replaced, and never a cache a
// repository could plant (a directory others can write to, or one inside the project).
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { build, dir, fixture, GOOD_HOOK, outDir, useBuiltHook, useProjectDir } from './_build.ts';

useProjectDir();
// Every test here runs the same built hook: one build for the file, a copy of it in each test's project.
const placeGreet = useBuiltHook('greet', GOOD_HOOK);

describe('the code-cache loader every bundle carries', () => {
  const runGreet = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [join(outDir(), 'greet.cjs')], {
      input: JSON.stringify({ ...fixture, prompt: 'hey' }),
      encoding: 'utf8',
      env: { ...process.env, HOOKPACK_DEBUG: '1', HOOKPACK_TELEMETRY: '0', ...env },
    });
  const cacheDir = () => join(dir, 'state', 'code-cache');

  beforeEach(placeGreet);

  it("compiles on the first start, stores V8's code in HOOKPACK_HOME/code-cache (0700, 0600), and uses it after", () => {
    const first = runGreet({ HOOKPACK_HOME: join(dir, 'state') });
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/code cache miss, writing .*greet-[0-9a-f]+-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.bin/);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    const [file] = readdirSync(cacheDir());
    expect(statSync(join(cacheDir(), file as string)).mode & 0o777).toBe(0o600);
    const second = runGreet({ HOOKPACK_HOME: join(dir, 'state') });
    expect(second.stderr).toMatch(/code cache hit/);
    expect(second.stdout).toBe(first.stdout);
  });

  it('answers from a working directory that was deleted (no cwd to compare the cache directory with)', () => {
    const gone = join(dir, 'gone');
    mkdirSync(gone);
    const env = {
      ...process.env,
      HOOKPACK_HOME: join(dir, 'state'),
      HOOKPACK_TELEMETRY: '0',
      BUNDLE: join(outDir(), 'greet.cjs'),
    };
    for (let i = 0; i < 2; i++) {
      const run = spawnSync('/bin/sh', ['-c', 'cd "$0" && rmdir "$0" && exec node "$BUNDLE"', gone], {
        input: JSON.stringify({ ...fixture, prompt: 'hey' }),
        encoding: 'utf8',
        env,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        hookSpecificOutput: { additionalContext: 'you said 3 characters' },
      });
      mkdirSync(gone);
    }
  });

  it('keeps one entry per bundle path, so two copies of a bundle never evict each other', () => {
    runGreet({ HOOKPACK_HOME: join(dir, 'state') });
    mkdirSync(join(dir, 'copy'));
    copyFileSync(join(outDir(), 'greet.cjs'), join(dir, 'copy', 'greet.cjs'));
    const copy = spawnSync(process.execPath, [join(dir, 'copy', 'greet.cjs')], {
      input: JSON.stringify({ ...fixture, prompt: 'hey' }),
      encoding: 'utf8',
      env: { ...process.env, HOOKPACK_HOME: join(dir, 'state'), HOOKPACK_TELEMETRY: '0' },
    });
    expect(copy.status).toBe(0);
    expect(readdirSync(cacheDir())).toHaveLength(2);
    expect(runGreet({ HOOKPACK_HOME: join(dir, 'state') }).stderr).toMatch(/code cache hit/);
  });

  it('replaces a corrupt cache file and still answers the same', () => {
    runGreet({ HOOKPACK_HOME: join(dir, 'state') });
    const [file] = readdirSync(cacheDir());
    writeFileSync(join(cacheDir(), file as string), 'not v8 code');
    const run = runGreet({ HOOKPACK_HOME: join(dir, 'state') });
    expect(run.stderr).toMatch(/code cache rejected, rewriting/);
    expect(JSON.parse(run.stdout)).toMatchObject({
      hookSpecificOutput: { additionalContext: 'you said 3 characters' },
    });
    expect(runGreet({ HOOKPACK_HOME: join(dir, 'state') }).stderr).toMatch(/code cache hit/);
  });

  it('never reads or writes a cache in a directory others can write to', () => {
    mkdirSync(join(dir, 'state'), { mode: 0o777 });
    chmodSync(join(dir, 'state'), 0o777);
    const run = runGreet({ HOOKPACK_HOME: join(dir, 'state') });
    expect(run.status).toBe(0);
    expect(existsSync(cacheDir()) && readdirSync(cacheDir()).length > 0).toBe(false);
  });

  it('is off with HOOKPACK_CODE_CACHE=0, and off with --no-code-cache at build time', () => {
    expect(runGreet({ HOOKPACK_HOME: join(dir, 'state'), HOOKPACK_CODE_CACHE: '0' }).stderr).toMatch(/code cache off/);
    expect(build('--no-typecheck', '--no-code-cache').status).toBe(0);
    expect(readFileSync(join(outDir(), 'greet.cjs'), 'utf8')).not.toMatch(/node:vm/);
    expect(runGreet({ HOOKPACK_HOME: join(dir, 'state') }).stderr).not.toMatch(/code cache/);
  });
});

describe("the code-cache loader and a repository's choice of HOOKPACK_HOME", () => {
  const runIn = (cwd: string, env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [join(outDir(), 'greet.cjs')], {
      cwd,
      input: JSON.stringify({ ...fixture, prompt: 'hey' }),
      encoding: 'utf8',
      env: { ...process.env, HOOKPACK_DEBUG: '1', HOOKPACK_TELEMETRY: '0', ...env },
    });

  beforeEach(placeGreet);

  it("is off when the project's settings set HOOKPACK_HOME (their env reaches hooks): a planted cache file is planted code", () => {
    const project = join(dir, 'cloned');
    const state = join(dir, 'repo-chosen-state');
    mkdirSync(join(project, '.claude'), { recursive: true });
    mkdirSync(state, { mode: 0o700 });
    writeFileSync(join(project, '.claude', 'settings.json'), JSON.stringify({ env: { HOOKPACK_HOME: state } }));
    for (let i = 0; i < 2; i++)
      expect(runIn(project, { HOOKPACK_HOME: state, CLAUDE_PROJECT_DIR: project }).stderr).toMatch(/code cache off/);
    expect(existsSync(join(state, 'code-cache'))).toBe(false);
  });

  it('is off when the cache directory lies inside the project, whichever variable led there (XDG_CACHE_HOME)', () => {
    const project = join(dir, 'cloned');
    mkdirSync(join(project, '.cache', 'hookpack', 'code-cache'), { recursive: true, mode: 0o755 });
    const env = { HOOKPACK_HOME: '', XDG_CACHE_HOME: join(project, '.cache'), CLAUDE_PROJECT_DIR: project };
    expect(runIn(project, env).stderr).toMatch(/code cache off/);
    expect(readdirSync(join(project, '.cache', 'hookpack', 'code-cache'))).toEqual([]);
  });

  it("is off when HOOKPACK_HOME lies inside the project, and on for the same project with a HOOKPACK_HOME of the user's", () => {
    const project = join(dir, 'cloned');
    mkdirSync(join(project, 'committed-state'), { recursive: true, mode: 0o700 });
    expect(
      runIn(project, { HOOKPACK_HOME: join(project, 'committed-state'), CLAUDE_PROJECT_DIR: project }).stderr,
    ).toMatch(/code cache off/);
    expect(runIn(project, { HOOKPACK_HOME: join(dir, 'state'), CLAUDE_PROJECT_DIR: project }).stderr).toMatch(
      /code cache miss, writing/,
    );
  });
});

describe('the code-cache loader and files it does not own', () => {
  it('refuses a cache file it did not write itself (group-writable, or a symlink) and rewrites it', () => {
    placeGreet();
    const env = { ...process.env, HOOKPACK_HOME: join(dir, 'state'), HOOKPACK_DEBUG: '1', HOOKPACK_TELEMETRY: '0' };
    const run = () =>
      spawnSync(process.execPath, [join(outDir(), 'greet.cjs')], {
        input: JSON.stringify({ ...fixture, prompt: 'hey' }),
        encoding: 'utf8',
        env,
      });
    run();
    const cacheDir = join(dir, 'state', 'code-cache');
    const [file] = readdirSync(cacheDir);
    const path = join(cacheDir, file as string);
    chmodSync(path, 0o666);
    expect(run().stderr).toMatch(/code cache miss, writing/);
    const real = join(dir, 'elsewhere.bin');
    copyFileSync(path, real);
    rmSync(path);
    symlinkSync(real, path);
    expect(run().stderr).toMatch(/code cache miss, writing/);
    expect(run().stderr).toMatch(/code cache hit/);
  });
});
