import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearMemoryCache, globCached, memo, readCached } from '../../../lib/cache/index.ts';
import { resetHookpackHome } from '../../../lib/home.ts';
import { cacheFiles, trustFreshStamps, useTempHome, useWorker } from './_helpers.ts';

const t = useTempHome();
const worker = useWorker();
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Whether `runuser -u nobody` works here (root, util-linux installed). */
function canRunAsNobody(): boolean {
  return spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;
}

/** Exercises every kind once, twice in one process, and checks the values. */
async function exerciseAll(): Promise<number> {
  const path = join(t.work, 'settings.json');
  writeFileSync(path, '{"n":1}');
  let calls = 0;
  const parse = (text: string): unknown => (calls++, JSON.parse(text));
  for (let round = 0; round < 2; round++) {
    expect(readCached(path, parse, { version: 'v1' })).toEqual({ n: 1 });
    expect(globCached(t.work, '*.json')).toEqual(['settings.json']);
    expect(await memo('k', 60_000, () => 'computed')).toBe('computed');
  }
  return calls;
}

describe('the cache directory', () => {
  it('is created 0700 on first use, not before', async () => {
    expect(existsSync(t.home)).toBe(false);
    readCached(join(t.work, 'absent'), String); // no disk layer asked for: nothing created
    expect(existsSync(t.home)).toBe(false);
    trustFreshStamps(); // a just-changed directory's listing is racy and would not be stored
    await exerciseAll();
    expect(statSync(t.cache).mode & 0o777).toBe(0o700);
    expect(cacheFiles(t.cache).entries).toHaveLength(3);
  });

  it.each([
    ['HOOKPACK_HOME is writable by others (777)', () => (mkdirSync(t.home), chmodSync(t.home, 0o777))],
    [
      'the cache subdirectory is writable by others (777)',
      () => (mkdirSync(t.cache, { recursive: true, mode: 0o700 }), chmodSync(t.cache, 0o777)),
    ],
    [
      'the cache subdirectory is writable by its group (770)',
      () => (mkdirSync(t.cache, { recursive: true, mode: 0o700 }), chmodSync(t.cache, 0o770)),
    ],
  ])('is refused when %s: memory only, nothing written', async (_label, make) => {
    make();
    resetHookpackHome();
    clearMemoryCache();
    expect(await exerciseAll()).toBe(1);
    expect(readdirSync(t.home).filter((name) => name !== 'cache')).toEqual([]);
    expect(existsSync(t.cache) ? readdirSync(t.cache) : []).toEqual([]);
  });

  it('is skipped when HOOKPACK_HOME is under a regular file (ENOTDIR): memory only, no throw', async () => {
    writeFileSync(join(t.root, 'plain'), '');
    process.env.HOOKPACK_HOME = join(t.root, 'plain', 'home');
    resetHookpackHome();
    clearMemoryCache();
    expect(await exerciseAll()).toBe(1);
  });

  it.skipIf(isRoot)(
    'is read from but not written to when read-only (500) [skipped as root: chmod does not stop root writing; see the runuser case]',
    async () => {
      mkdirSync(t.cache, { recursive: true, mode: 0o700 });
      chmodSync(t.cache, 0o500);
      resetHookpackHome();
      clearMemoryCache();
      expect(await exerciseAll()).toBe(1);
      expect(readdirSync(t.cache)).toEqual([]);
    },
  );

  // As root, chmod 500 does not stop writes; run the same check as `nobody` instead when we can.
  it.runIf(isRoot && canRunAsNobody())(
    'is read from but not written to when read-only (500), as an unprivileged user',
    async () => {
      const path = join(t.work, 'settings.json');
      writeFileSync(path, '{"n":1}');
      mkdirSync(t.cache, { recursive: true, mode: 0o700 });
      for (const dir of [t.root, t.work, dirname(worker.path)]) chmodSync(dir, 0o755);
      for (const dir of [t.home, t.cache]) chownSync(dir, NOBODY, NOBODY);
      chmodSync(t.cache, 0o500);
      const asNobody = (command: Record<string, unknown>) => {
        const run = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, worker.path], {
          input: JSON.stringify(command),
          env: { ...process.env, HOOKPACK_HOME: t.home, HOOKPACK_DEBUG: '1' },
          encoding: 'utf8',
          timeout: 30_000,
        });
        expect(run.status).toBe(0);
        return { result: JSON.parse(run.stdout) as Record<string, unknown>, stderr: run.stderr };
      };
      for (let round = 0; round < 2; round++) {
        const { result, stderr } = asNobody({ op: 'read', path, version: 'v1' });
        expect(result).toMatchObject({ value: { n: 1 }, calls: 1, misses: 1 });
        expect(stderr).toMatch(/^hookpack: cache: cannot write \S+\/file-\w+\.json: EACCES\n$/);
      }
      expect(readdirSync(t.cache)).toEqual([]);
    },
  );
});
