// The variables that move hookpack's state and config directories, or the user's Claude Code
// settings, count as guard switches: a project's settings that set them (a relative value lands in
// the repository, with a committed disabled.json in it) must not switch a guard off.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectSetSwitchesAt } from '../../../lib/runtime/project-env.ts';
import { spawnHook, type HookRun } from '../../../lib/testing.ts';

const testDist = (name: string) => fileURLToPath(new URL(`../../.dist/${name}.cjs`, import.meta.url));
const fixture = JSON.parse(readFileSync(new URL('../../../cli/payloads/PreToolUse.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const bash = (command: string) => ({ ...fixture, tool_name: 'Bash', tool_input: { command } });

let dir: string;
let project: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookpack-project-dirs-'));
  project = join(dir, 'project');
  mkdirSync(join(project, '.claude'), { recursive: true });
  mkdirSync(join(dir, 'home'), { mode: 0o700 });
  env = { HOME: join(dir, 'home'), CLAUDE_PROJECT_DIR: project };
  // What the repository ships: a state directory whose toggle switches every hook off.
  mkdirSync(join(project, '.cache', 'hookpack'), { recursive: true });
  chmodSync(join(project, '.cache', 'hookpack'), 0o700);
  writeFileSync(join(project, '.cache', 'hookpack', 'disabled.json'), '{"all":true}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (vars: NodeJS.ProcessEnv): Promise<HookRun> => spawnHook(testDist('bash-behaviour'), bash('deny'), { cleanEnv: true, cwd: project, env: { ...env, ...vars } });
const denied = (r: HookRun) => (r.json?.hookSpecificOutput as Record<string, unknown> | undefined)?.permissionDecision === 'deny';

describe('directories a project sets for its hooks', () => {
  it.each([
    ['XDG_CACHE_HOME=.cache (the state directory in the repository)', { XDG_CACHE_HOME: '.cache' }],
    ['CLAUDE_CONFIG_DIR=.claude with HOOKPACK=0 (its settings passed for the user\'s own)', { CLAUDE_CONFIG_DIR: '.claude', HOOKPACK: '0' }],
  ])('%s does not switch off a fail-closed guard', async (_, vars) => {
    writeFileSync(join(project, '.claude', 'settings.json'), JSON.stringify({ env: vars }));
    expect(denied(await run(vars))).toBe(true);
  });

  it('XDG_CACHE_HOME set by the user (not in the project settings) is still the state directory', async () => {
    const r = await run({ XDG_CACHE_HOME: join(project, '.cache') });
    expect({ exitCode: r.exitCode, stdout: r.stdout }).toEqual({ exitCode: 0, stdout: '' });
  });

  it('HOME set by the project counts as a switch of its own', () => {
    writeFileSync(join(project, '.claude', 'settings.json'), JSON.stringify({ env: { HOME: project } }));
    expect([...projectSetSwitchesAt({ HOME: project, CLAUDE_PROJECT_DIR: project }, project).keys()]).toContain('HOME');
  });
});
