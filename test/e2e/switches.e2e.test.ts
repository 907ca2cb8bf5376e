// Switching hooks off inside a real session: HOOKPACK=0, and the file toggle flipped between two
// prompts of one session (hooks keep the environment Claude Code started with).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, exists, runScenario, type ScenarioRun } from './_harness.ts';

const runs: ScenarioRun[] = [];
afterAll(() => runs.forEach(cleanup));
const guarded = (sentinel: string) => ({ tool: 'Bash', input: { command: `touch ./${sentinel} && sudo -n true`, description: 'x' } });

describe('skip switches inside Claude Code', () => {
  it('HOOKPACK=0 switches every hookpack hook off', async () => {
    const run = await runScenario({ layout: 'per-event', env: { HOOKPACK: '0' }, script: { turns: [guarded('s-off'), { text: 'done' }] } });
    runs.push(run);
    expect(exists(run, 's-off')).toBe(true);
    expect(run.telemetry).toEqual([]);
  });

  it('the user file toggle takes effect mid-session, on the very next hook run', async () => {
    // The toggle is written by a (harmless, allowed) tool call between the two guarded calls,
    // standing in for the user running `hookpack disable` in another terminal.
    const run = await runScenario({
      layout: 'per-event',
      prompts: ['first', 'second'],
      script: ({ stateDir }) => ({
        // Claude Code 2.1.329 folds the second prompt into the running turn when it arrives
        // early, so the script counts tool calls, not prompts.
        turns: [
          guarded('s-before'),
          { tool: 'Bash', input: { command: `printf '{"all":true}' > ${join(stateDir, 'disabled.json')}`, description: 'x' } },
          guarded('s-after'),
          { text: 'done' },
        ],
      }),
    });
    runs.push(run);
    expect(exists(run, 's-before')).toBe(false);
    expect(exists(run, 's-after')).toBe(true);
    expect(run.telemetry.filter((line) => line.hook === 'bash-guard').map((line) => line.decision)).toEqual(['deny', 'none']);
  });
});
