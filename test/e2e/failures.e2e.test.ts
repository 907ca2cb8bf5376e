// Hooks that crash or hang, inside the real client: fail-closed guards still block within their
// deadline; fail-open hooks don't disturb the turn. Uses the runner's test hooks
// (test/hook-fixtures: bash-behaviour is a fail-closed Bash guard, bash-second a fail-open
// Bash|Write hook, prompt-behaviour a fail-open UserPromptSubmit hook).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, inspect, ROOT, runScenario, type ScenarioRun } from './_harness.ts';

const hooksDir = join(ROOT, 'test', 'hook-fixtures');
const env = { HOOKPACK_DEADLINE_MS: '1500' };
const runs: ScenarioRun[] = [];
afterAll(() => runs.forEach(cleanup));

describe.each(['per-hook', 'per-event'] as const)('crashing and hanging hooks, wired %s', (layout) => {
  it('a guard that throws still blocks, and the model reads why', async () => {
    const run = await runScenario({
      layout,
      hooksDir,
      env,
      script: { turns: [{ tool: 'Bash', input: { command: 'throw', description: 'x' } }, { text: 'done' }] },
    });
    runs.push(run);
    expect(run.results[0]?.is_error).toBe(true);
    expect(run.results[0]?.text).toMatch(
      /hookpack bash-behaviour failed closed \(E_HANDLER_THREW: cannot read property x of undefined\)/,
    );
    expect(run.results[0]?.text).not.toMatch(/\n\s+at /);
    expect(run.hookEventText).not.toContain('Hook JSON output validation failed');
  });

  it('a guard that hangs blocks at its deadline, well before Claude Code would kill it', async () => {
    const run = await runScenario({
      layout,
      hooksDir,
      env,
      script: { turns: [{ tool: 'Bash', input: { command: 'hang', description: 'x' } }, { text: 'done' }] },
    });
    runs.push(run);
    expect(run.results[0]?.is_error).toBe(true);
    expect(run.results[0]?.text).toMatch(/E_HANDLER_TIMEOUT/);
    expect(run.hookEventText).not.toMatch(/"timed_out":true|hook_cancelled/);
  });

  it('a prompt hook that throws or hangs does not disturb the turn', async () => {
    const run = await runScenario({
      layout,
      hooksDir,
      env,
      prompts: ['throw now', 'hang'],
      script: { turns: [{ text: 'first answer' }, { text: 'second answer' }] },
    });
    runs.push(run);
    const { findText } = inspect();
    expect(findText(run.requests, 'throw now').some((hit) => hit.role === 'user')).toBe(true);
    expect(findText(run.requests, 'hang').some((hit) => hit.role === 'user')).toBe(true);
    expect(run.exitCode).toBe(0);
  });
});
