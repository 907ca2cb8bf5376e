import { readdirSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sweepCache } from '../../../lib/cache/index.ts';
import { cacheFiles, useTempHome } from './_helpers.ts';

// Another sweeper deleting files under this one's feet is a race; the mock makes it happen on cue.
const race = vi.hoisted(() => ({
  onLstat: undefined as (() => void) | undefined,
  onRm: undefined as ((path: string) => void) | undefined,
}));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    lstatSync: ((...args: Parameters<typeof real.lstatSync>) => {
      const hook = race.onLstat;
      race.onLstat = undefined;
      hook?.();
      return real.lstatSync(...args);
    }) as typeof real.lstatSync,
    rmSync: ((path: string, options?: fs.RmOptions) => {
      race.onRm?.(path);
      return real.rmSync(path, options);
    }) as typeof real.rmSync,
  };
});

const t = useTempHome();

function plant(count: number): string[] {
  fs.mkdirSync(t.cache, { recursive: true, mode: 0o700 });
  const names = Array.from({ length: count }, (_, i) => `memo-${i}.json`);
  for (const name of names) writeFileSync(join(t.cache, name), '{}');
  return names;
}

describe('sweepCache racing another sweeper', () => {
  it('skips entries that vanish between listing and stat', () => {
    const names = plant(10);
    race.onLstat = () => {
      for (const name of names.slice(0, 7)) fs.unlinkSync(join(t.cache, name));
    };
    expect(() => sweepCache({ maxEntries: 1 })).not.toThrow();
    expect(cacheFiles(t.cache).entries).toHaveLength(1);
  });

  it('counts an entry deleted by someone else just before its removal as gone, without throwing', () => {
    plant(10);
    race.onRm = (path) => fs.unlinkSync(path);
    const result = sweepCache({ maxEntries: 4 });
    race.onRm = undefined;
    expect(result).toMatchObject({ removed: 6, kept: 4 });
    expect(readdirSync(t.cache).filter((name) => name.endsWith('.json'))).toHaveLength(4);
  });
});
