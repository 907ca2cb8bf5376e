// Telemetry says which runs came from a plugin ($CLAUDE_PLUGIN_ROOT), and `hookpack stats` counts
// them and names a hook that ran from a plugin and from settings for the same calls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stats } from '../../cli/commands/stats.ts';
import { pluginName, pluginRuns } from '../../cli/stats/plugins.ts';
import { recordRun } from '../../lib/runtime/telemetry.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('stats-plugin');
afterAll(cleanup);
const env = cleanEnv(dir);
const ROOT = '/home/u/.claude/plugins/cache/hookpack/hookpack-guards/0.2.0-85dfca38';
const t0 = Date.now() - 60_000;
const line = (msAfter: number, hook: string, plugin?: string) =>
  JSON.stringify({
    ts: new Date(t0 + msAfter).toISOString(),
    hook,
    event: 'PreToolUse',
    ms: 40,
    exit: 0,
    decision: 'allow',
    cacheHits: 0,
    cacheMisses: 0,
    breakers: [],
    ...(plugin ? { plugin } : {}),
  });

describe('telemetry from a plugin', () => {
  it('records the plugin directory a hook ran from, and nothing for a hook from settings', () => {
    const home = join(dir, 'telemetry-home');
    recordRun(
      { hook: 'bash-guard', event: 'PreToolUse', exit: 0, decision: 'allow', ms: 1 },
      { HOOKPACK_HOME: home, CLAUDE_PLUGIN_ROOT: ROOT },
    );
    recordRun({ hook: 'bash-guard', event: 'PreToolUse', exit: 0, decision: 'allow', ms: 1 }, { HOOKPACK_HOME: home });
    const [fromPlugin, fromSettings] = readFileSync(join(home, 'telemetry.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(fromPlugin).toMatchObject({ plugin: ROOT });
    expect(fromSettings).not.toHaveProperty('plugin');
  });

  it.each([
    [ROOT, 'hookpack-guards@hookpack'],
    ['/repo/plugins/hookpack-guards', 'hookpack-guards'],
    ['/home/u/.claude/plugins/cache/team/team-hooks/1.0.0/', 'team-hooks@team'],
  ])('names %s as %s', (root, name) => {
    expect(pluginName(root)).toBe(name);
  });
});

describe('hookpack stats and plugin runs', () => {
  // Calls 0-2: bash-guard from the plugin and from settings, 20 ms apart; file-guard from the plugin only.
  const records = [
    line(0, 'bash-guard', ROOT),
    line(20, 'bash-guard'),
    line(5000, 'bash-guard', ROOT),
    line(5015, 'bash-guard'),
    line(9000, 'file-guard', ROOT),
    line(30_000, 'bash-guard', ROOT),
  ];
  writeFile(join(env.HOOKPACK_HOME as string, 'telemetry.jsonl'), `${records.join('\n')}\n`);

  it('counts the runs per plugin and pairs a plugin run with a settings run of the same call', () => {
    const parsed = records.map((l) => JSON.parse(l));
    expect(pluginRuns(parsed)).toEqual({
      plugins: [
        { hook: 'bash-guard', event: 'PreToolUse', plugin: 'hookpack-guards@hookpack', runs: 3 },
        { hook: 'file-guard', event: 'PreToolUse', plugin: 'hookpack-guards@hookpack', runs: 1 },
      ],
      twice: [{ hook: 'bash-guard', event: 'PreToolUse', plugin: 'hookpack-guards@hookpack', pairs: 2 }],
    });
  });

  it('says so in the report, and in --json', async () => {
    const text = (await runCli([stats], ['stats', '--all'], { cwd: dir, env })).stdout.replace(/\s+/g, ' ');
    expect(text).toContain(
      'from plugins: bash-guard 3 runs (hookpack-guards@hookpack), file-guard 1 run (hookpack-guards@hookpack)',
    );
    expect(text).toContain(
      'runs twice: bash-guard (PreToolUse) ran from hookpack-guards@hookpack and from a settings file for the same call 2 times; `hookpack doctor` says how to keep one',
    );
    const json = JSON.parse((await runCli([stats], ['stats', '--all', '--json'], { cwd: dir, env })).stdout);
    expect(json.twice).toEqual([expect.objectContaining({ hook: 'bash-guard', pairs: 2 })]);
  });

  it('adds nothing when no run came from a plugin', () => {
    expect(pluginRuns([JSON.parse(line(0, 'bash-guard'))])).toEqual({ plugins: [], twice: [] });
  });
});
