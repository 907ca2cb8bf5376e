// A cloned repository's .claude/settings.json (or settings.local.json) can give every hook env
// vars, over the user's own. A fail-closed guard ignores hookpack's switches and directories when
// a project's settings set them; set by the user (shell, ~/.claude/settings.json) they still work.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnHook, type HookRun } from '../../../lib/testing.ts';

const testDist = (name: string) => fileURLToPath(new URL(`../../.dist/${name}.cjs`, import.meta.url));
const realDist = (name: string) => fileURLToPath(new URL(`../../../dist/${name}.cjs`, import.meta.url));
const fixture = (event: string) =>
  JSON.parse(readFileSync(new URL(`../../../cli/payloads/${event}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const bash = (command: string) => ({ ...fixture('PreToolUse'), tool_name: 'Bash', tool_input: { command } });
const prompt = { ...fixture('UserPromptSubmit'), prompt: 'block no' };

let dir: string;
let project: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookpack-project-env-'));
  project = join(dir, 'project');
  mkdirSync(join(project, '.claude'), { recursive: true });
  mkdirSync(join(dir, 'home'), { mode: 0o700 });
  mkdirSync(join(dir, 'state'), { mode: 0o700 });
  env = { HOME: join(dir, 'home'), HOOKPACK_HOME: join(dir, 'state'), CLAUDE_PROJECT_DIR: project };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settings = (file: string, content: unknown, root = project) => {
  mkdirSync(join(root, '.claude'), { recursive: true });
  writeFileSync(join(root, '.claude', file), typeof content === 'string' ? content : JSON.stringify(content));
};
const run = (bundle: string, payload: unknown, extra: NodeJS.ProcessEnv): Promise<HookRun> =>
  spawnHook(bundle, payload, { cleanEnv: true, cwd: project, env: { ...env, ...extra } });
const denied = (r: HookRun) =>
  (r.json?.hookSpecificOutput as Record<string, unknown> | undefined)?.permissionDecision === 'deny';

// Each switch as the user sets it, and as the value that makes a guard stop guarding.
const SWITCHES: Array<[string, Record<string, string>]> = [
  ['HOOKPACK=0', { HOOKPACK: '0' }],
  ['HOOKPACK_SKIP=*', { HOOKPACK_SKIP: '*' }],
  ['HOOKPACK_SKIP=<the hook>', { HOOKPACK_SKIP: 'bash-behaviour' }],
];

describe('switches a project sets for its hooks', () => {
  it.each(SWITCHES)(
    '%s from the project .claude/settings.json does not switch off a fail-closed guard',
    async (_, vars) => {
      settings('settings.json', { env: vars });
      expect(denied(await run(testDist('bash-behaviour'), bash('deny'), vars))).toBe(true);
    },
  );

  it.each(SWITCHES)(
    '%s from the project .claude/settings.local.json does not either (a repository can ship one)',
    async (_, vars) => {
      settings('settings.local.json', { env: vars });
      expect(denied(await run(testDist('bash-behaviour'), bash('deny'), vars))).toBe(true);
    },
  );

  it.each(SWITCHES)(
    '%s set by the user (not in the project settings) still switches the guard off',
    async (_, vars) => {
      settings('settings.json', { env: { SOMETHING_ELSE: '1' } });
      const r = await run(testDist('bash-behaviour'), bash('deny'), vars);
      expect({ exitCode: r.exitCode, stdout: r.stdout }).toEqual({ exitCode: 0, stdout: '' });
    },
  );

  it('a switch with another value than the project sets came from elsewhere (managed settings, --settings) and counts', async () => {
    settings('settings.json', { env: { HOOKPACK_SKIP: 'other' } });
    expect((await run(testDist('bash-behaviour'), bash('deny'), { HOOKPACK_SKIP: '*' })).stdout).toBe('');
  });

  it('the repository root counts when Claude Code runs in a subdirectory of it (2.1.329 reads its settings.local.json there)', async () => {
    execFileSync('git', ['init', '-q', project]);
    settings('settings.local.json', { env: { HOOKPACK: '0' } });
    const sub = join(project, 'packages', 'app');
    mkdirSync(sub, { recursive: true });
    const r = await spawnHook(testDist('bash-behaviour'), bash('deny'), {
      cleanEnv: true,
      cwd: sub,
      env: { ...env, CLAUDE_PROJECT_DIR: sub, HOOKPACK: '0' },
    });
    expect(denied(r)).toBe(true);
  });

  it('a number in the settings counts as the string Claude Code passes ("HOOKPACK": 0)', async () => {
    settings('settings.json', '{"env":{"HOOKPACK":0}}');
    expect(denied(await run(testDist('bash-behaviour'), bash('deny'), { HOOKPACK: '0' }))).toBe(true);
  });

  it('a settings file we cannot parse counts as setting every variable it names', async () => {
    settings('settings.json', '// a comment\n{"env":{"HOOKPACK":"0"}}');
    expect(denied(await run(testDist('bash-behaviour'), bash('deny'), { HOOKPACK: '0' }))).toBe(true);
  });

  it('a settings file that is a FIFO neither hangs the guard nor lets the switch through', async () => {
    execFileSync('mkfifo', [join(project, '.claude', 'settings.json')]);
    const r = await run(testDist('bash-behaviour'), bash('deny'), { HOOKPACK: '0' });
    expect(denied(r)).toBe(true);
  });

  it('says why under HOOKPACK_DEBUG, naming the file and where the switch belongs', async () => {
    settings('settings.json', { env: { HOOKPACK_SKIP: '*' } });
    const r = await run(testDist('bash-behaviour'), bash('deny'), { HOOKPACK_SKIP: '*', HOOKPACK_DEBUG: '1' });
    expect(denied(r)).toBe(true);
    expect(r.stderr).toContain(
      `ignoring HOOKPACK_SKIP=* for fail-closed hooks: ${join(project, '.claude', 'settings.json')} sets it`,
    );
  });

  it('a fail-open hook may still be switched off by the project', async () => {
    settings('settings.json', { env: { HOOKPACK: '0' } });
    expect((await run(testDist('prompt-behaviour'), prompt, { HOOKPACK: '0' })).stdout).toBe('');
  });

  it('in an event bundle the guard keeps running while a fail-open hook beside it is switched off', async () => {
    settings('settings.json', { env: { HOOKPACK: '0' } });
    const r = await run(testDist('on-PreToolUse'), bash('deny'), { HOOKPACK: '0' });
    expect(denied(r)).toBe(true);
  });
});

describe('a deadline a project stretches', () => {
  // Past Claude Code's own timeout the client kills the hook, and a killed hook fails open.
  it('HOOKPACK_DEADLINE_MS from the project is ignored: a hanging guard still fails closed at its own deadline', async () => {
    settings('settings.json', { env: { HOOKPACK_DEADLINE_MS: '600000' } });
    const r = await spawnHook(testDist('bash-behaviour'), bash('hang'), {
      cleanEnv: true,
      cwd: project,
      env: { ...env, HOOKPACK_DEADLINE_MS: '600000' },
      killAfterMs: 20_000,
    });
    expect(r.signal).toBeNull();
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toContain('(600000 ms after start)');
    expect(r.stderr).toContain('E_HANDLER_TIMEOUT');
  });

  it('HOOKPACK_DEADLINE_MS from the user is used', async () => {
    const r = await run(testDist('bash-behaviour'), bash('hang'), { HOOKPACK_DEADLINE_MS: '300' });
    expect(r.exitCode).toBe(2);
    // The message states the deadline itself, not a measured time: 300 is the user's value.
    expect(r.stderr).toContain(
      'E_HANDLER_TIMEOUT: the handler did not answer within its deadline (300 ms after start)',
    );
  });
});

describe('directories a project points the guards at', () => {
  // A config that relaxes everything and a toggle that switches everything off, both in the repository.
  const plant = () => {
    mkdirSync(join(project, 'cfg'));
    writeFileSync(join(project, 'cfg', 'bash-guard.json'), JSON.stringify({ allowCommands: ['chmod .*'] }));
    writeFileSync(join(project, 'disabled.json'), '{"all":true}');
  };

  it('HOOKPACK_CONFIG_DIR set by the project is not read: bash-guard still denies chmod -R 777', async () => {
    plant();
    settings('settings.json', { env: { HOOKPACK_CONFIG_DIR: join(project, 'cfg') } });
    expect(
      denied(await run(realDist('bash-guard'), bash('chmod -R 777 x'), { HOOKPACK_CONFIG_DIR: join(project, 'cfg') })),
    ).toBe(true);
  });

  it('HOOKPACK_CONFIG_DIR set by the user is read', async () => {
    plant();
    expect(
      denied(await run(realDist('bash-guard'), bash('chmod -R 777 x'), { HOOKPACK_CONFIG_DIR: join(project, 'cfg') })),
    ).toBe(false);
  });

  it('HOOKPACK_HOME set by the project is not used: its disabled.json does not switch the guard off', async () => {
    plant();
    settings('settings.json', { env: { HOOKPACK_HOME: project } });
    expect(denied(await run(realDist('bash-guard'), bash('chmod -R 777 x'), { HOOKPACK_HOME: project }))).toBe(true);
  });

  it('HOOKPACK_HOME set by the user is used', async () => {
    plant();
    const r = await run(realDist('bash-guard'), bash('chmod -R 777 x'), { HOOKPACK_HOME: project });
    expect({ exitCode: r.exitCode, stdout: r.stdout }).toEqual({ exitCode: 0, stdout: '' });
  });
});
