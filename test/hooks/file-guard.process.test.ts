// The built file-guard as Claude Code runs it: `node dist/file-guard.cjs`, one PreToolUse payload
// on stdin. HOME, XDG_CONFIG_HOME, HOOKPACK_CONFIG_DIR and CLAUDE_PROJECT_DIR point into a temp
// dir, so no real config on this machine can change an answer.
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnHook, type HookRun } from '../../lib/testing.ts';

const BUNDLE = fileURLToPath(new URL('../../dist/file-guard.cjs', import.meta.url));
const ENV_REASON =
  'dotenv files hold secrets; ask the user for the variable names or values you need, and put placeholders in .env.example instead';
const GIT_REASON =
  "files under .git are git's own state; use git commands (git config, git commit, git checkout, git update-ref …) instead of editing them";

const denial = (reason: string) =>
  `${JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } })}\n`;

describe('dist/file-guard.cjs', () => {
  let dir: string;
  let project: string;
  let userConfig: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
  });
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-file-guard-process-')));
    project = join(dir, 'project');
    userConfig = join(dir, 'config');
    mkdirSync(join(project, '.git'), { recursive: true });
    mkdirSync(join(project, 'src'));
    mkdirSync(join(dir, 'home'));
    mkdirSync(userConfig);
    env = {
      HOME: join(dir, 'home'),
      XDG_CONFIG_HOME: join(dir, 'xdg'),
      HOOKPACK_CONFIG_DIR: userConfig,
      CLAUDE_PROJECT_DIR: project,
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const payload = (tool_name: string, tool_input: Record<string, unknown>, cwd = project) => ({
    session_id: '00000000-0000-4000-8000-000000000001',
    transcript_path: join(dir, 'home/.claude/projects/-project/00000000-0000-4000-8000-000000000001.jsonl'),
    cwd,
    hook_event_name: 'PreToolUse',
    permission_mode: 'default',
    tool_name,
    tool_input,
    tool_use_id: 'toolu_01FILEGUARD',
  });
  const run = (
    tool: string,
    input: Record<string, unknown>,
    extraEnv: NodeJS.ProcessEnv = {},
    cwd?: string,
  ): Promise<HookRun> => spawnHook(BUNDLE, payload(tool, input, cwd), { cleanEnv: true, env: { ...env, ...extraEnv } });

  it('denies Write to .env with the reason Claude reads', async () => {
    const result = await run('Write', { file_path: join(project, '.env'), content: 'SECRET=1\n' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(denial(`file-guard blocked writing .env (rule "env-files"): ${ENV_REASON}`));
    expect(result.stderr).toBe('');
  });

  it('denies Edit of .git/config', async () => {
    const result = await run('Edit', {
      file_path: join(project, '.git/config'),
      old_string: 'bare = false',
      new_string: 'bare = true',
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(denial(`file-guard blocked writing .git/config (rule "git-internals"): ${GIT_REASON}`));
    expect(result.stderr).toBe('');
  });

  it('says nothing about Write to src/app.ts', async () => {
    const result = await run('Write', { file_path: join(project, 'src/app.ts'), content: 'export {};\n' });
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([0, '', '']);
  });

  it('says nothing about Read of .git/HEAD', async () => {
    const result = await run('Read', { file_path: join(project, '.git/HEAD') });
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([0, '', '']);
  });

  it('denies a Windows path spelled with backslashes and `..`', async () => {
    const result = await run('Write', { file_path: 'C:\\repo\\src\\..\\.env', content: 'x' }, {}, 'C:\\repo');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(denial(`file-guard blocked writing .env (rule "env-files"): ${ENV_REASON}`));
  });

  it.skipIf(process.platform === 'win32')('denies Read of a symlink that leads to .env', async () => {
    writeFileSync(join(project, '.env'), 'SECRET=1\n');
    symlinkSync('.env', join(project, 'notes.txt'));
    const result = await run('Read', { file_path: join(project, 'notes.txt') });
    expect(result.stdout).toBe(
      denial(`file-guard blocked reading notes.txt, a symlink to .env, (rule "env-files"): ${ENV_REASON}`),
    );
  });

  it('applies a protection the user config adds', async () => {
    const rule = {
      id: 'terraform-state',
      globs: ['*.tfstate'],
      access: 'readwrite',
      reason: 'use `terraform state show` instead',
    };
    writeFileSync(join(userConfig, 'file-guard.json'), JSON.stringify({ protect: [rule] }));
    const result = await run('Read', { file_path: join(project, 'infra/prod.tfstate') });
    expect(result.stdout).toBe(
      denial(
        'file-guard blocked reading infra/prod.tfstate (rule "terraform-state"): use `terraform state show` instead',
      ),
    );
  });

  it('ignores a project config that tries to switch a rule off, and says so under HOOKPACK_DEBUG', async () => {
    const projectConfig = join(project, '.claude/hookpack/file-guard.json');
    mkdirSync(join(project, '.claude/hookpack'), { recursive: true });
    writeFileSync(projectConfig, JSON.stringify({ allow: ['env-files', '**'] }));
    const result = await run('Write', { file_path: join(project, '.env'), content: 'x' }, { HOOKPACK_DEBUG: '1' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(denial(`file-guard blocked writing .env (rule "env-files"): ${ENV_REASON}`));
    expect(result.stderr).toContain(`${projectConfig}: ignored \`allow\` ("env-files", "**")`);
  });

  it('fails closed with E_CONFIG naming the file when the config is not JSON', async () => {
    writeFileSync(join(userConfig, 'file-guard.json'), '{ "allow": [ }');
    const result = await run('Write', { file_path: join(project, 'src/app.ts'), content: 'x' });
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
    expect(result.stderr).toContain(`E_CONFIG: ${join(userConfig, 'file-guard.json')} is not valid JSON`);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
