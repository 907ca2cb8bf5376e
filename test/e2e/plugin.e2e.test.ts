// hookpack as a Claude Code plugin, with the real client (2.1.329, offline): this repository is a
// marketplace that `claude plugin validate` accepts; plugins/hookpack-guards loaded with
// --plugin-dir, and installed from the marketplace into a fresh HOME, guards a plain session in
// an empty project; a team's plugin made by `hookpack plugin` from a project with its own hook
// is accepted, installed and runs the same way.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './_harness.ts';
import { clientEnv, type RunPaths } from './harness/offline-env.ts';
import { claudeBin, type ClaudeRun, runClaude } from './harness/run-claude.ts';
import { toolResults } from './harness/inspect.ts';

const GUARDS = join(ROOT, 'plugins', 'hookpack-guards');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const dirs: string[] = [];
afterAll(() => {
  if (process.env.E2E_KEEP !== '1') for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A run directory laid out as runClaude lays it out, so `claude plugin …` and the session share one HOME. */
function runPaths(): RunPaths {
  const dir = mkdtempSync(join(tmpdir(), 'hookpack-plugin-e2e-'));
  dirs.push(dir);
  const paths = {
    dir,
    home: join(dir, 'home'),
    project: join(dir, 'project'),
    out: join(dir, 'out'),
    tmp: join(dir, 'tmp'),
  };
  for (const sub of [paths.home, join(paths.project, '.claude'), paths.out, paths.tmp])
    mkdirSync(sub, { recursive: true });
  return paths;
}

/** `claude plugin <args>` in the run's HOME, offline (no API is needed: a closed port). */
function claudePlugin(paths: RunPaths, ...args: string[]) {
  const result = spawnSync(claudeBin(), ['plugin', ...args], {
    cwd: paths.project,
    env: clientEnv(paths, 'http://127.0.0.1:9'),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every file under `dir` with its size and mode: what a run could have added or changed. */
const listing = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((rel) => `${rel} ${statSync(join(dir, rel)).size} ${statSync(join(dir, rel)).mode.toString(8)}`);

/** chmod, a .env write and ls: each harmless inside the throwaway project if nothing stops it. */
const GUARD_SCRIPT = {
  turns: [
    { tool: 'Bash', input: { command: 'chmod -R 777 .', description: 'open up' } },
    { tool: 'Write', input: { file_path: '@PROJECT@/.env', content: 'TOKEN=x\n' } },
    { tool: 'Bash', input: { command: 'ls', description: 'list' } },
    { text: 'done' },
  ],
};
const PERMISSIONS = ['--permission-mode', 'acceptEdits', '--allowedTools', 'Bash,Write'];

async function guardedSession(paths: RunPaths, claudeArgs: string[] = []): Promise<ClaudeRun> {
  return runClaude({
    out: paths.dir,
    settings: {},
    script: GUARD_SCRIPT,
    permissionArgs: PERMISSIONS,
    claudeArgs,
    env: { HOOKPACK_HOME: join(paths.dir, 'hookpack-home') },
    timeoutS: 60,
  });
}

function expectGuarded(run: ClaudeRun, paths: RunPaths): void {
  const results = toolResults(run.requests);
  expect(results).toHaveLength(3);
  expect(results[0]).toMatchObject({ is_error: true, text: expect.stringMatching(/bash-guard blocked/) });
  expect(results[1]).toMatchObject({ is_error: true, text: expect.stringMatching(/file-guard blocked writing \.env/) });
  expect(existsSync(join(paths.project, '.env'))).toBe(false);
  expect(results[2]?.is_error).toBe(false);
}

describe('claude plugin validate --strict', () => {
  it.each([
    ['the marketplace (this repository)', ROOT],
    ['plugins/hookpack-guards', GUARDS],
  ])('accepts %s', (_what, target) => {
    const result = claudePlugin(runPaths(), 'validate', '--strict', target);
    expect(result.output).toContain('Validation passed');
    expect(result.status).toBe(0);
  });
});

describe('--plugin-dir plugins/hookpack-guards in an empty project', () => {
  const paths = runPaths();
  let run: ClaudeRun;
  let before: string[];
  beforeAll(async () => {
    before = listing(GUARDS);
    run = await guardedSession(paths, ['--plugin-dir', GUARDS]);
  }, 120_000);

  it('stops chmod -R 777 and a .env write, lets ls through', () => {
    expectGuarded(run, paths);
  });

  it('writes no cache or state into the plugin directory (the code cache went to HOOKPACK_HOME)', () => {
    expect(listing(GUARDS)).toEqual(before);
    expect(
      readdirSync(join(paths.dir, 'hookpack-home', 'code-cache')).some((f) => f.startsWith('on-PreToolUse-')),
    ).toBe(true);
  });
});

/** The README's "Install as a plugin" commands, as written (the placeholder is this clone). */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PLUGIN_SECTION = README.slice(README.indexOf('### Install as a plugin'), README.indexOf('### In your project'));
const readmeCommands = (/```sh\n([\s\S]*?)```/.exec(PLUGIN_SECTION)?.[1] ?? '')
  .split('\n')
  .filter((line) => line.trim() !== '');

describe('installed from this repository as a marketplace, with a fresh HOME', () => {
  const paths = runPaths();
  let run: ClaudeRun;
  beforeAll(async () => {
    for (const line of readmeCommands) {
      const [claude, plugin, ...args] = line.replace(/<a clone of hookpack, or its git URL>/, ROOT).split(/\s+/);
      if (claude !== 'claude' || plugin !== 'plugin')
        throw new Error(`the README's plugin install runs something else: ${line}`);
      const result = claudePlugin(paths, ...args);
      if (result.status !== 0) throw new Error(`${line} failed: ${result.output}`);
    }
    run = await guardedSession(paths);
  }, 120_000);

  it('takes the two commands the README gives', () => {
    expect(readmeCommands).toEqual([
      'claude plugin marketplace add <a clone of hookpack, or its git URL>',
      'claude plugin install hookpack-guards@hookpack',
    ]);
  });

  it('is recorded with a copy of plugins/hookpack-guards in ~/.claude/plugins/cache', () => {
    const installed = JSON.parse(
      readFileSync(join(paths.home, '.claude', 'plugins', 'installed_plugins.json'), 'utf8'),
    );
    const [entry] = installed.plugins['hookpack-guards@hookpack'];
    expect(entry.scope).toBe('user');
    expect(
      readFileSync(join(entry.installPath, 'dist', 'on-PreToolUse.cjs')).equals(
        readFileSync(join(GUARDS, 'dist', 'on-PreToolUse.cjs')),
      ),
    ).toBe(true);
  });

  it('guards a plain session: chmod -R 777 and a .env write stopped, ls through', () => {
    expectGuarded(run, paths);
  });

  it('is seen by hookpack list and stats as Claude Code installed it', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], {
        cwd: paths.project,
        env: { PATH: process.env.PATH, HOME: paths.home, HOOKPACK_HOME: join(paths.dir, 'hookpack-home') },
        encoding: 'utf8',
      });
    const list = JSON.parse(cli('list', '--json').stdout);
    expect(list.plugins.hooks).toEqual([
      expect.objectContaining({
        plugin: 'hookpack-guards@hookpack',
        event: 'PreToolUse',
        hooks: ['bash-guard', 'file-guard'],
        twice: [],
      }),
    ]);
    // 2.1.329 runs a local-directory marketplace's plugin from that directory, not from the copy.
    const telemetry = readFileSync(join(paths.dir, 'hookpack-home', 'telemetry.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(new Set(telemetry.map((t) => t.plugin))).toEqual(new Set([GUARDS]));
    const stats = JSON.parse(cli('stats', '--all', '--json').stdout);
    expect(stats.plugins).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ hook: 'bash-guard', plugin: 'hookpack-guards@hookpack', runs: 2 }),
        expect.objectContaining({ hook: 'file-guard', plugin: 'hookpack-guards@hookpack' }),
      ]),
    );
  });
});

describe('one guard switched off as the README says (HOOKPACK_SKIP in the env of ~/.claude/settings.json)', () => {
  const paths = runPaths();
  let run: ClaudeRun;
  beforeAll(async () => {
    for (const args of [
      ['marketplace', 'add', ROOT],
      ['install', 'hookpack-guards@hookpack'],
    ]) {
      const result = claudePlugin(paths, ...args);
      if (result.status !== 0) throw new Error(`claude plugin ${args.join(' ')} failed: ${result.output}`);
    }
    const userSettings = join(paths.home, '.claude', 'settings.json');
    writeFileSync(
      userSettings,
      JSON.stringify({ ...JSON.parse(readFileSync(userSettings, 'utf8')), env: { HOOKPACK_SKIP: 'file-guard' } }),
    );
    run = await guardedSession(paths);
  }, 120_000);

  it('lets the .env write through and still stops chmod -R 777', () => {
    const results = toolResults(run.requests);
    expect(results[0]).toMatchObject({ is_error: true, text: expect.stringMatching(/bash-guard blocked/) });
    expect(results[1]?.is_error).toBe(false);
    expect(existsSync(join(paths.project, '.env'))).toBe(true);
  });
});

describe("a team's plugin made by hookpack plugin from a project with its own hook", () => {
  const paths = runPaths();
  const team = join(paths.dir, 'team-project');
  const market = join(paths.dir, 'team-market');
  const plugin = join(market, 'plugins', 'team-hooks');
  let run: ClaudeRun;
  const hookpack = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd: team,
      env: { PATH: process.env.PATH, HOME: paths.home, HOOKPACK_HOME: join(paths.dir, 'cli-home') },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`hookpack ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  beforeAll(async () => {
    mkdirSync(join(team, '.git'), { recursive: true });
    hookpack('init'); // the example hook: no npm publish
    hookpack('add', 'file-guard');
    hookpack('build', '--no-typecheck');
    hookpack('plugin', plugin, '--name', 'team-hooks', '--marketplace');
    const added = claudePlugin(paths, 'marketplace', 'add', market);
    if (added.status !== 0) throw new Error(`marketplace add failed: ${added.output}`);
    const installed = claudePlugin(paths, 'install', 'team-hooks@team-market');
    if (installed.status !== 0) throw new Error(`install failed: ${installed.output}`);
    run = await runClaude({
      out: paths.dir,
      settings: {},
      permissionArgs: PERMISSIONS,
      env: { HOOKPACK_HOME: join(paths.dir, 'hookpack-home') },
      timeoutS: 60,
      script: {
        turns: [
          { tool: 'Bash', input: { command: 'npm publish --dry-run', description: 'publish' } },
          { tool: 'Write', input: { file_path: '@PROJECT@/.env', content: 'TOKEN=x\n' } },
          { tool: 'Bash', input: { command: 'ls', description: 'list' } },
          { text: 'done' },
        ],
      },
    });
  }, 180_000);

  it.each([
    ['its marketplace', () => market],
    ['the plugin', () => plugin],
  ])('passes claude plugin validate --strict: %s', (_what, target) => {
    const result = claudePlugin(paths, 'validate', '--strict', target());
    expect(result.output).toContain('Validation passed');
    expect(result.status).toBe(0);
  });

  it('reaches the install with a new build: hookpack plugin again, then claude plugin marketplace update and update', () => {
    const before = JSON.parse(readFileSync(join(paths.home, '.claude', 'plugins', 'installed_plugins.json'), 'utf8'))
      .plugins['team-hooks@team-market'][0].version;
    writeFileSync(
      join(team, '.claude', 'hooks', 'no-publish.ts'),
      readFileSync(join(team, '.claude', 'hooks', 'no-publish.ts'), 'utf8').replace(
        'Releases are published by CI',
        'Releases are published by CI only',
      ),
    );
    hookpack('build', '--no-typecheck');
    hookpack('plugin', plugin, '--name', 'team-hooks', '--marketplace');
    expect(claudePlugin(paths, 'marketplace', 'update', 'team-market').status).toBe(0);
    const updated = claudePlugin(paths, 'update', 'team-hooks@team-market');
    expect(updated.status).toBe(0);
    const after = JSON.parse(readFileSync(join(paths.home, '.claude', 'plugins', 'installed_plugins.json'), 'utf8'))
      .plugins['team-hooks@team-market'][0];
    expect(after.version).not.toBe(before);
    expect(readFileSync(join(after.installPath, 'dist', 'on-PreToolUse.cjs'), 'utf8')).toContain(
      'published by CI only',
    );
  });

  it('guards a plain session with the own hook and the shipped one, and lets ls through', () => {
    const results = toolResults(run.requests);
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({
      is_error: true,
      text: expect.stringMatching(/published by CI[\s\S]*npm publish/),
    });
    expect(results[1]).toMatchObject({
      is_error: true,
      text: expect.stringMatching(/file-guard blocked writing \.env/),
    });
    expect(existsSync(join(paths.project, '.env'))).toBe(false);
    expect(results[2]?.is_error).toBe(false);
  });
});
