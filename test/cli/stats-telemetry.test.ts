// `hookpack stats` over a synthetic telemetry file (and its rotated .1), torn lines included.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stats } from '../../cli/commands/stats.ts';
import type { StatsRow } from '../../cli/stats/aggregate.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('stats');
afterAll(cleanup);
const env = cleanEnv(dir);
const home = env.HOOKPACK_HOME as string;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms).toISOString();
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    ts: ago(5 * 60_000),
    hook: 'bash-guard',
    event: 'PreToolUse',
    ms: 1,
    exit: 0,
    decision: 'none',
    cacheHits: 0,
    cacheMisses: 0,
    breakers: [],
    ...fields,
  });

writeFile(
  join(home, 'telemetry.jsonl.1'),
  [line({ ts: ago(10 * 86_400_000), ms: 40 }), line({ ts: ago(10 * 86_400_000), ms: 50 }), ''].join('\n'),
);
writeFile(
  join(home, 'telemetry.jsonl'),
  [
    line({ ms: 1, cacheHits: 1 }),
    line({ ms: 2, cacheMisses: 1 }),
    line({ ms: 3, decision: 'deny', cacheHits: 2 }),
    line({ ms: 10, exit: 2, decision: 'fail-closed', error: 'E_HANDLER_THREW', breakers: ['eslint:open'] }),
    line({ hook: 'file-guard', ms: 4, decision: 'deny' }),
    line({ hook: 'file-guard', ms: 6, breakers: ['fs:closed'] }),
    line({ hook: 'context-bundle', event: 'PostToolUse', ms: 7, decision: 'context' }),
    '{"ts":"2026-11-20T10:00:00.000Z","hook":"bash-gu', // torn by a crash mid-write
    'not json at all',
    '[1,2,3]',
    JSON.stringify({ ts: ago(60_000), hook: 'x', event: 'Stop', exit: 0, decision: 'none' }), // no ms
    '',
  ].join('\n'),
);

describe('hookpack stats', () => {
  it('summarises runs per hook and per event, skipping and counting malformed lines', async () => {
    const run = await runCli([stats], ['stats', '--all', '--json'], { cwd: dir, env });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      runs: number;
      skipped: number;
      files: string[];
      hooks: StatsRow[];
      events: StatsRow[];
    };
    expect(report).toMatchObject({
      runs: 9,
      skipped: 4,
      files: [join(home, 'telemetry.jsonl.1'), join(home, 'telemetry.jsonl')],
    });
    expect(report.hooks[0]).toEqual({
      name: 'bash-guard',
      runs: 6,
      p50Ms: 3,
      p95Ms: 50,
      maxMs: 50,
      errors: 1,
      errorRate: 0.1667,
      decisions: { none: 4, deny: 1, 'fail-closed': 1 },
      cacheHits: 3,
      cacheMisses: 1,
      cacheHitRate: 0.75,
      breakerOpens: 1,
    });
    expect(report.hooks.map((h) => [h.name, h.runs, h.cacheHitRate, h.breakerOpens])).toEqual([
      ['bash-guard', 6, 0.75, 1],
      ['file-guard', 2, null, 0],
      ['context-bundle', 1, null, 0],
    ]);
    expect(report.events.map((e) => [e.name, e.runs, e.decisions])).toEqual([
      ['PreToolUse', 8, { none: 5, deny: 2, 'fail-closed': 1 }],
      ['PostToolUse', 1, { context: 1 }],
    ]);
  });

  it('prints tables per hook and per event within 80 columns', async () => {
    const run = await runCli([stats], ['stats', '--all'], { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\n  /g, ' ')).toContain(
      `hookpack stats: 9 runs of every project from ${join(home, 'telemetry.jsonl.1')} + ${join(home, 'telemetry.jsonl')}; skipped 4 malformed lines\n`,
    );
    expect(run.stdout).toMatch(
      /\nhook +runs +p50 ms +p95 ms +max ms +errors +cache hit +breaker open\nbash-guard +6 +3\.0 +50\.0 +50\.0 +16\.7% +75\.0% +1\n/,
    );
    expect(run.stdout).toMatch(/\nevent +runs +p50 ms/);
    expect(run.stdout).toMatch(/\nbash-guard +none 4, deny 1, fail-closed 1\n/);
    expect(run.stdout).toMatch(/\nPreToolUse +none 5, deny 2, fail-closed 1\n/);
    for (const text of run.stdout.split('\n')) if (!text.includes(dir)) expect(text.length).toBeLessThanOrEqual(80);
  });

  it('prints its help with --help', async () => {
    const run = await runCli([stats], ['stats', '--help'], { cwd: dir, env });
    expect(run.stdout).toMatch(
      /^usage: hookpack stats \[--all\] \[--since DURATION\|DATE\] \[--json\]\n {22}\[--html FILE\]\n/,
    );
    for (const text of run.stdout.split('\n')) expect(text.length).toBeLessThanOrEqual(80);
  });
});
