// The marketplace serves what the repository holds: plugins/hookpack-guards and
// .claude-plugin/marketplace.json must be exactly what the build makes from today's sources
// (npm test builds first), and committed (staged is enough before the commit that carries them).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGuardsPlugin } from '../../build/guards-plugin.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PLUGIN_PATHS = ['plugins', '.claude-plugin'];
const scratch = mkdtempSync(join(tmpdir(), 'hookpack-plugin-fresh-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => statSync(join(dir, rel)).isFile())
    .sort();
}

const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
const inGitCheckout = git('rev-parse', '--is-inside-work-tree').stdout.trim() === 'true';

describe('the committed guards plugin', () => {
  it('is what the build makes from the bundles in dist/ (run npm run build)', () => {
    writeGuardsPlugin({ distDir: join(ROOT, 'dist'), root: scratch });
    const fresh = PLUGIN_PATHS.flatMap((p) => filesUnder(join(scratch, p)).map((rel) => join(p, rel)));
    const onDisk = PLUGIN_PATHS.flatMap((p) => filesUnder(join(ROOT, p)).map((rel) => join(p, rel)));
    expect(onDisk).toEqual(fresh);
    const stale = fresh.filter((rel) => !readFileSync(join(scratch, rel)).equals(readFileSync(join(ROOT, rel))));
    expect(stale, `stale: ${stale.join(', ')}; run npm run build`).toEqual([]);
  });

  it('keeps its bundle executable', () => {
    expect(statSync(join(ROOT, 'plugins', 'hookpack-guards', 'dist', 'on-PreToolUse.cjs')).mode & 0o111).not.toBe(0);
  });

  it.skipIf(!inGitCheckout)(
    'is committed as built (git add plugins .claude-plugin, and commit them with the change)',
    () => {
      // Tracked at all (a dist/ line in .gitignore once kept the bundle out without a word), and
      // not changed by this build since it was staged.
      const expected = PLUGIN_PATHS.flatMap((p) => filesUnder(join(ROOT, p)).map((rel) => join(p, rel))).sort();
      const tracked = git('ls-files', '--', ...PLUGIN_PATHS)
        .stdout.split('\n')
        .filter(Boolean)
        .sort();
      expect(tracked, 'plugin files git does not track: git add them (check .gitignore)').toEqual(expected);
      const changed = git('diff', '--name-only', '--', ...PLUGIN_PATHS)
        .stdout.split('\n')
        .filter(Boolean);
      expect(changed, 'the build changed these plugin files: commit them, or the marketplace serves old code').toEqual(
        [],
      );
    },
  );
});
