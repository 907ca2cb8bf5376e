// The disk cache stays bounded without a hook waiting: a hook that writes an entry starts its own
// bundle again, detached, as the sweeper, at most once an hour.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = JSON.parse(readFileSync(join(ROOT, 'cli', 'payloads', 'UserPromptSubmit.json'), 'utf8')) as Record<
  string,
  unknown
>;
let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookpack-autosweep-'));
  mkdirSync(join(dir, 'hooks'));
  writeFileSync(
    join(dir, 'hooks', 'memoizer.ts'),
    `import { addContext, defineHook } from 'hookpack';\nimport { memo } from 'hookpack/cache';\nexport default defineHook({ event: 'UserPromptSubmit', async run({ prompt }) { return addContext(await memo('k:' + prompt, 60_000, () => 'computed ' + prompt)); } });\n`,
  );
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'build.mjs'), '--no-typecheck', '--hooks-dir', join(dir, 'hooks'), '--out-dir', join(dir, 'dist')],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(built.stderr);
  bundle = join(dir, 'dist', 'memoizer.cjs');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fillCache(home: string, entries: number, markerAgeMs: number | undefined): string {
  const cache = join(home, 'cache');
  mkdirSync(cache, { recursive: true, mode: 0o700 });
  for (let i = 0; i < entries; i++) writeFileSync(join(cache, `memo-${i}.json`), '{}', { mode: 0o600 });
  if (markerAgeMs !== undefined) {
    writeFileSync(join(cache, '.swept'), '');
    const then = new Date(Date.now() - markerAgeMs);
    utimesSync(join(cache, '.swept'), then, then);
  }
  return cache;
}
const entries = (cache: string) => readdirSync(cache).filter((f) => f.endsWith('.json')).length;
const waitFor = async (check: () => boolean, ms = 15_000) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe('automatic cache sweeping', () => {
  it('sweeps in a detached process after a write when the last sweep is over an hour old, without delaying the answer', async () => {
    const home = join(dir, 'home-old');
    const cache = fillCache(home, 2100, 2 * 60 * 60 * 1000);
    const run = spawnSync(process.execPath, [bundle], {
      input: JSON.stringify({ ...fixture, prompt: 'a' }),
      encoding: 'utf8',
      env: { ...process.env, HOOKPACK_HOME: home, HOOKPACK_TELEMETRY: '0' },
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ hookSpecificOutput: { additionalContext: 'computed a' } });
    expect(await waitFor(() => entries(cache) <= 2000)).toBe(true);
    expect(Date.now() - statSync(join(cache, '.swept')).mtimeMs).toBeLessThan(60_000);
  });

  it('does not sweep again within the hour', async () => {
    const home = join(dir, 'home-recent');
    const cache = fillCache(home, 2100, 10 * 60 * 1000);
    const run = spawnSync(process.execPath, [bundle], {
      input: JSON.stringify({ ...fixture, prompt: 'b' }),
      encoding: 'utf8',
      env: { ...process.env, HOOKPACK_HOME: home, HOOKPACK_TELEMETRY: '0' },
    });
    expect(run.status).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(entries(cache)).toBe(2101);
  });

  it('makes a bundle started with --hookpack-sweep-cache sweep and exit without reading stdin', () => {
    const home = join(dir, 'home-direct');
    const cache = fillCache(home, 2050, undefined);
    const run = spawnSync(process.execPath, [bundle, '--hookpack-sweep-cache'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, HOOKPACK_HOME: home },
      timeout: 15_000,
    });
    expect([run.status, run.stdout]).toEqual([0, '']);
    expect(entries(cache)).toBeLessThanOrEqual(2000);
  });
});
