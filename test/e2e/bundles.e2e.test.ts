// Per-event bundles inside the real client: the same decisions as per-hook wiring on the same
// script, and one process per event where per-hook wiring starts one per hook (counted with a
// `node` wrapper first on PATH that records every start).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, ROOT, runScenario, type ScenarioRun } from './_harness.ts';

const runs: ScenarioRun[] = [];
afterAll(() => runs.forEach(cleanup));

// bash-behaviour (Bash, fail-closed) and bash-second (Bash|Write, fail-open) both answer Bash.
const hooksDir = join(ROOT, 'test', 'hook-fixtures');
const commands = ['deny', 'ask', 'rewrite', 'context', 'deny-second', 'echo plain'];
const script = {
  turns: [...commands.map((command) => ({ tool: 'Bash', input: { command, description: 'x' } })), { text: 'done' }],
};

describe('per-event bundles vs per-hook wiring', () => {
  const layouts: Record<string, ScenarioRun> = {};
  it.each(['per-hook', 'per-event'] as const)('runs the same script wired %s', async (layout) => {
    const run = await runScenario({
      layout,
      hooksDir,
      script,
      countProcesses: true,
      hooks: ['bash-behaviour', 'bash-second'],
    });
    runs.push(run);
    layouts[layout] = run;
    expect(run.results).toHaveLength(commands.length);
  });

  it('gives the model the same decisions either way', () => {
    const perHook = layouts['per-hook']?.results ?? [];
    const perEvent = layouts['per-event']?.results ?? [];
    const same = commands.map((c, i) => [c, i] as const).filter(([c]) => c !== 'rewrite');
    for (const [, i] of same) expect(perEvent[i]?.is_error).toBe(perHook[i]?.is_error);
    // Where one hook decides, the model reads the same reason.
    expect(perEvent[0]?.text).toBe(perHook[0]?.text);
    expect(perEvent[4]?.text).toBe(perHook[4]?.text);
  });

  it("applies both hooks' updatedInput rewrites in declared order, where upstream keeps only one", () => {
    // bash-second (order -1) adds timeout, bash-behaviour replaces the command with `echo safe`.
    // Wired per hook, Claude Code lets the last hook to finish win (#83353), so one rewrite is lost.
    const i = commands.indexOf('rewrite');
    expect(layouts['per-event']?.results[i]).toEqual({ is_error: false, text: 'safe' });
  });

  it('starts one process per PreToolUse event as a bundle, two with per-hook wiring', () => {
    const perHook = layouts['per-hook']?.nodeStarts ?? [];
    const perEvent = layouts['per-event']?.nodeStarts ?? [];
    expect(perHook.filter((f) => f === 'bash-behaviour.cjs')).toHaveLength(commands.length);
    expect(perHook.filter((f) => f === 'bash-second.cjs')).toHaveLength(commands.length);
    expect(perEvent.filter((f) => f === 'on-PreToolUse.cjs')).toHaveLength(commands.length);
    expect(perEvent.filter((f) => f === 'bash-behaviour.cjs' || f === 'bash-second.cjs')).toEqual([]);
  });

  it('never produces an answer the client rejects', () => {
    for (const run of Object.values(layouts))
      expect(run.hookEventText).not.toContain('Hook JSON output validation failed');
  });
});
