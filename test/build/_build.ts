// Shared by the build tests: a fresh project directory per test (hooks/ to write hook files into,
// dist/ to build into), build.mjs run on it, a hook that adds context, and a hook built once per
// file for the tests that run its bundle rather than test the build. \`dir\` is a live binding:
// it names the current test's directory.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = JSON.parse(
  readFileSync(join(ROOT, 'cli', 'payloads', 'UserPromptSubmit.json'), 'utf8'),
) as Record<string, unknown>;

export const GOOD_HOOK = `import { addContext, defineHook } from 'hookpack';
export default defineHook({
  event: 'UserPromptSubmit',
  timeout: 3,
  run: ({ prompt }) => addContext('you said ' + prompt.length + ' characters'),
});
`;

export let dir: string;
export const hooksDir = () => join(dir, 'hooks');
export const outDir = () => join(dir, 'dist');
export const writeHook = (name: string, source: string) => writeFileSync(join(hooksDir(), `${name}.ts`), source);
export const build = (...extra: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'build.mjs'), '--hooks-dir', hooksDir(), '--out-dir', outDir(), ...extra], {
    encoding: 'utf8',
    cwd: dir,
  });

/** Gives every test of the calling file its own project directory, removed afterwards. */
export function useProjectDir(): void {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookpack-build-'));
    mkdirSync(hooksDir());
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
}

/**
 * Builds hooks/<name>.ts from `source` once for the calling file (build.mjs --no-typecheck, in a
 * project directory of its own), and returns what puts that hook and a copy of its dist/ into the
 * current test's project: the bundles and manifest.json a build there writes, byte for byte (only
 * inputs.json differs: it names the sources relative to the directory built in). A build costs
 * ~0.3 s of CPU and ~0.4 s of waiting; tests that run the bundle need not pay it each.
 */
export function useBuiltHook(name: string, source: string): () => void {
  let template = '';
  beforeAll(() => {
    template = mkdtempSync(join(tmpdir(), 'hookpack-build-template-'));
    mkdirSync(join(template, 'hooks'));
    writeFileSync(join(template, 'hooks', `${name}.ts`), source);
    const built = spawnSync(
      process.execPath,
      [
        join(ROOT, 'build.mjs'),
        '--no-typecheck',
        '--hooks-dir',
        join(template, 'hooks'),
        '--out-dir',
        join(template, 'dist'),
      ],
      { encoding: 'utf8', cwd: template },
    );
    if (built.status !== 0) throw new Error(`building ${name} failed:\n${built.stderr}`);
  });
  afterAll(() => rmSync(template, { recursive: true, force: true }));
  return () => {
    writeHook(name, source);
    cpSync(join(template, 'dist'), outDir(), { recursive: true });
  };
}
