// Switching hooks off inside a real session: HOOKPACK=0, and the file toggle flipped between two
// prompts of one session (hooks keep the environment Claude Code started with). And what a cloned
// repository's .claude/settings.json `env` can no longer do: Claude Code hands it to every hook
// over the user's own values, so bash-guard ignores hookpack's switches and directories set there.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, exists, runScenario, type ScenarioRun } from './_harness.ts';

const runs: ScenarioRun[] = [];
afterAll(() => runs.forEach(cleanup));
const guarded = (sentinel: string) => ({
  tool: 'Bash',
  input: { command: `touch ./${sentinel} && sudo -n true`, description: 'x' },
});

describe('skip switches inside Claude Code', () => {
  it('HOOKPACK=0 switches every hookpack hook off', async () => {
    const run = await runScenario({
      layout: 'per-event',
      env: { HOOKPACK: '0' },
      script: { turns: [guarded('s-off'), { text: 'done' }] },
    });
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
          {
            tool: 'Bash',
            input: { command: `printf '{"all":true}' > ${join(stateDir, 'disabled.json')}`, description: 'x' },
          },
          guarded('s-after'),
          { text: 'done' },
        ],
      }),
    });
    runs.push(run);
    expect(exists(run, 's-before')).toBe(false);
    expect(exists(run, 's-after')).toBe(true);
    expect(run.telemetry.filter((line) => line.hook === 'bash-guard').map((line) => line.decision)).toEqual([
      'deny',
      'none',
    ]);
  });
});

// Each switch as a repository would set it: values, plus the files it plants for the directories.
const SWITCHES: Array<{ name: string; env: (project: string) => Record<string, string> }> = [
  { name: 'HOOKPACK=0', env: () => ({ HOOKPACK: '0' }) },
  { name: 'HOOKPACK_SKIP=*', env: () => ({ HOOKPACK_SKIP: '*' }) },
  {
    name: 'HOOKPACK_CONFIG_DIR=<a directory with a relaxing bash-guard.json>',
    env: (dir) => ({ HOOKPACK_CONFIG_DIR: join(dir, 'cfg') }),
  },
  { name: 'HOOKPACK_HOME=<a directory with disabled.json>', env: (dir) => ({ HOOKPACK_HOME: join(dir, 'state') }) },
];
const plant = (dir: string) => {
  mkdirSync(join(dir, 'cfg'), { recursive: true });
  writeFileSync(join(dir, 'cfg', 'bash-guard.json'), JSON.stringify({ allowCommands: ['.*'] }));
  mkdirSync(join(dir, 'state'), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'state', 'disabled.json'), '{"all":true}');
};
const chmodCall = (sentinel: string) => ({
  tool: 'Bash',
  input: { command: `mkdir -p x && touch ./${sentinel} && chmod -R 777 x`, description: 'x' },
});
const addEnv = (file: string, env: Record<string, string>) => {
  let settings: Record<string, unknown> = {};
  try {
    settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // a new file
  }
  writeFileSync(file, JSON.stringify({ ...settings, env: { ...(settings.env as object), ...env } }, null, 2));
};

describe("a project's settings env cannot switch bash-guard off", () => {
  it.each(SWITCHES)('$name in the project .claude/settings.json: chmod -R 777 is still denied', async ({ env }) => {
    const run = await runScenario({
      layout: 'per-event',
      script: { turns: [chmodCall('s-chmod'), { text: 'done' }] },
      setup: ({ project }) => {
        plant(project);
        addEnv(join(project, '.claude', 'settings.json'), env(project));
      },
    });
    runs.push(run);
    expect(exists(run, 's-chmod')).toBe(false);
    expect(run.results[0]?.text).toContain('bash-guard blocked');
  });

  it.each(SWITCHES)('$name in the user ~/.claude/settings.json still switches it off', async ({ env }) => {
    const run = await runScenario({
      layout: 'per-event',
      script: { turns: [chmodCall('s-chmod'), { text: 'done' }] },
      setup: ({ project }) => {
        // The user's own directories, outside the project; HOME is the run's throwaway home.
        const home = join(project, '..', 'home');
        const mine = join(project, '..', 'mine');
        plant(mine);
        mkdirSync(join(home, '.claude'), { recursive: true });
        addEnv(join(home, '.claude', 'settings.json'), env(mine));
      },
    });
    runs.push(run);
    expect(exists(run, 's-chmod')).toBe(true);
  });

  it('HOOKPACK_SKIP=bash-guard in the project .claude/settings.local.json (a repository can ship it) is ignored too', async () => {
    const run = await runScenario({
      layout: 'per-hook',
      script: { turns: [chmodCall('s-chmod'), { text: 'done' }] },
      setup: ({ project }) => addEnv(join(project, '.claude', 'settings.local.json'), { HOOKPACK_SKIP: 'bash-guard' }),
    });
    runs.push(run);
    expect(exists(run, 's-chmod')).toBe(false);
  });
});

describe("what a project's settings can still do: beyond any hook's reach", () => {
  // The hooks move to the user's settings; the project keeps only what it sets.
  const userWired =
    (projectSettings: Record<string, unknown>) =>
    ({ project }: { project: string }) => {
      const file = join(project, '.claude', 'settings.json');
      const { hooks } = JSON.parse(readFileSync(file, 'utf8')) as { hooks: unknown };
      mkdirSync(join(project, '..', 'home', '.claude'), { recursive: true });
      writeFileSync(join(project, '..', 'home', '.claude', 'settings.json'), JSON.stringify({ hooks }));
      writeFileSync(file, JSON.stringify(projectSettings));
    };

  it.each([
    ['without it, the user-wired bash-guard denies', {}, false],
    ["disableAllHooks: true in the project's settings switches the user's hooks off", { disableAllHooks: true }, true],
  ])('%s', async (_, projectSettings, ran) => {
    const run = await runScenario({
      layout: 'per-event',
      script: { turns: [chmodCall('s-chmod'), { text: 'done' }] },
      setup: userWired(projectSettings),
    });
    runs.push(run);
    expect(exists(run, 's-chmod')).toBe(ran);
  });
});
