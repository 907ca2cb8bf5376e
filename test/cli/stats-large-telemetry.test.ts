// `hookpack stats` over a busy user's telemetry: 150,000 lines across telemetry.jsonl and its
// rotated .1 once made it copy arrays per record (quadratic) and overflow the stack in
// Math.max(...ms). It must finish with exact counts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stats } from '../../cli/commands/stats.ts';
import type { StatsRow } from '../../cli/stats/aggregate.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('stats-large');
afterAll(cleanup);
const env = cleanEnv(dir);
const home = env.HOOKPACK_HOME as string;
const ts = new Date(Date.now() - 60_000).toISOString();
const HOOKS = ['bash-guard', 'file-guard', 'prompt-context'] as const;
const EVENTS = {
  'bash-guard': 'PreToolUse',
  'file-guard': 'PreToolUse',
  'prompt-context': 'UserPromptSubmit',
} as const;

/** `count` records; record i has ms = (i % 997) + 1, except one per file that is slowest. */
function lines(count: number, offset: number, slowest: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const hook = HOOKS[(i + offset) % 3] as (typeof HOOKS)[number];
    const ms = i === count - 1 ? slowest : (i % 997) + 1;
    out.push(
      `{"ts":"${ts}","hook":"${hook}","event":"${EVENTS[hook]}","ms":${ms},"exit":0,"decision":"${i % 50 === 0 ? 'deny' : 'none'}","cacheHits":0,"cacheMisses":0,"breakers":[]}`,
    );
  }
  return `${out.join('\n')}\n`;
}

describe('hookpack stats on a large telemetry log', () => {
  it('reads 150,000 lines across telemetry.jsonl.1 and telemetry.jsonl and returns exact counts and max', async () => {
    writeFile(join(home, 'telemetry.jsonl.1'), lines(75_000, 0, 5_000));
    // Three torn lines in the newer file, and no newline at its end.
    writeFileSync(join(home, 'telemetry.jsonl'), `${lines(74_997, 1, 7_500)}{"ts":"${ts}","ho\nnot json\n[1]`);
    const run = await runCli([stats], ['stats', '--all', '--json'], { cwd: dir, env });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { runs: number; skipped: number; hooks: StatsRow[]; events: StatsRow[] };
    expect(report.runs).toBe(149_997);
    expect(report.skipped).toBe(3);
    expect(report.hooks.reduce((n, h) => n + h.runs, 0)).toBe(149_997);
    expect(report.hooks.map((h) => h.name).sort()).toEqual([...HOOKS].sort());
    for (const hook of report.hooks) expect(hook.runs).toBeGreaterThanOrEqual(49_999);
    // Each file's last record is the slowest; its hook carries that max.
    const maxByHook = Object.fromEntries(report.hooks.map((h) => [h.name, h.maxMs]));
    expect(maxByHook[HOOKS[(74_999 + 0) % 3] as string]).toBe(5_000);
    expect(maxByHook[HOOKS[(74_996 + 1) % 3] as string]).toBe(7_500);
    expect(report.events.find((e) => e.name === 'PreToolUse')?.maxMs).toBe(7_500);
    expect(report.events.reduce((n, e) => n + e.runs, 0)).toBe(149_997);
    expect(report.hooks[0]?.p50Ms).toBeGreaterThan(0);
    expect(report.hooks[0]?.p95Ms).toBeLessThanOrEqual(997);
  });
});
