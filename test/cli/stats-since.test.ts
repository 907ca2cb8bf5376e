// `hookpack stats --since`: durations, dates, and malformed values.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stats } from '../../cli/commands/stats.ts';
import { parseSince } from '../../cli/stats/since.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('stats-since');
afterAll(cleanup);
const env = cleanEnv(dir);
const now = Date.now();
const record = (msAgo: number, hook: string) =>
  JSON.stringify({
    ts: new Date(now - msAgo).toISOString(),
    hook,
    event: 'Stop',
    ms: 5,
    exit: 0,
    decision: 'none',
    cacheHits: 0,
    cacheMisses: 0,
    breakers: [],
  });
writeFile(
  join(env.HOOKPACK_HOME as string, 'telemetry.jsonl'),
  `${[record(10 * 60_000, 'recent'), record(3 * 3_600_000, 'hours'), record(10 * 86_400_000, 'old')].join('\n')}\n`,
);

const runs = async (since: string) => {
  const run = await runCli([stats], ['stats', '--all', '--since', since, '--json'], { cwd: dir, env });
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { hooks: { name: string }[] }).hooks.map((h) => h.name).sort();
};

describe('hookpack stats --since', () => {
  it.each([
    ['30m', ['recent']],
    ['1h', ['recent']],
    ['4h', ['hours', 'recent']],
    ['7d', ['hours', 'recent']],
    ['2w', ['hours', 'old', 'recent']],
  ])('--since %s keeps %j', async (since, expected) => {
    expect(await runs(since)).toEqual(expected);
  });

  it('takes a calendar date as local midnight', async () => {
    const day = new Date(now - 2 * 86_400_000);
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect(await runs(date)).toEqual(['hours', 'recent']);
    expect(parseSince('2026-11-01').getTime()).toBe(new Date(2026, 10, 1).getTime());
    expect(parseSince('2026-11-01T12:00:00Z').toISOString()).toBe('2026-11-01T12:00:00.000Z');
  });

  it.each(['yesterday', '1 h', '10', '1x', '2026-13-01', '2026-02-30'])(
    'rejects %j with exit 2, naming it and the accepted forms',
    async (since) => {
      const run = await runCli([stats], ['stats', '--since', since], { cwd: dir, env });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `hookpack: \`--since\` got \`${since}\`; use a duration like 30m, 1h, 7d (s, m, h, d, w) or a date like 2026-11-01\n`,
      );
    },
  );

  it('says so when nothing ran in the window', async () => {
    const run = await runCli([stats], ['stats', '--all', '--since', '1s'], { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\n  /g, ' ')).toMatch(
      /^hookpack stats: 0 runs of every project since \S+Z from \S+\nno runs since \S+Z\.\n$/,
    );
  });
});
