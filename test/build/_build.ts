// Shared by the build tests: a fresh project directory per test (hooks/ to write hook files into,
// dist/ to build into), build.mjs run on it, and a hook that adds context. \`dir\` is a live binding:
// it names the current test's directory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';

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
