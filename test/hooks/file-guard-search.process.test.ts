// The built file-guard (and the PreToolUse event bundle) on Claude Code's search tools: Grep's
// content mode returned .env lines while Read of .env was denied. Grep, Glob and LS payloads as
// 2.1.329 sends them; HOME and the config dirs are temp dirs.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnHook } from '../../lib/testing.ts';

const bundle = (name: string) => fileURLToPath(new URL(`../../dist/${name}.cjs`, import.meta.url));
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-file-guard-search-')));
const home = join(dir, 'home');
const project = join(home, 'repo');
mkdirSync(join(home, '.ssh'), { recursive: true });
writeFileSync(join(home, '.ssh', 'id_ed25519'), 'KEY');
mkdirSync(join(project, 'src'), { recursive: true });
writeFileSync(join(project, '.env'), 'TOKEN=x');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = {
  HOME: home,
  XDG_CONFIG_HOME: join(dir, 'xdg'),
  HOOKPACK_CONFIG_DIR: join(dir, 'config'),
  HOOKPACK_HOME: join(dir, 'state'),
  CLAUDE_PROJECT_DIR: project,
};

const payload = (tool_name: string, tool_input: Record<string, unknown>) => ({
  session_id: '00000000-0000-4000-8000-000000000001',
  transcript_path: join(home, 't.jsonl'),
  cwd: project,
  hook_event_name: 'PreToolUse',
  permission_mode: 'default',
  tool_name,
  tool_input,
  tool_use_id: 'toolu_01SEARCH',
});
const reasonOf = (json: Record<string, unknown> | undefined) =>
  (json?.hookSpecificOutput as { permissionDecisionReason?: string } | undefined)?.permissionDecisionReason;

describe.each(['file-guard', 'on-PreToolUse'])('dist/%s.cjs on search tools', (name) => {
  it.each<[string, string, Record<string, unknown>, RegExp]>([
    [
      'Grep of .env in content mode',
      'Grep',
      { pattern: 'TOKEN', path: '.env', output_mode: 'content' },
      /^file-guard blocked searching \.env \(rule "env-files"\)/,
    ],
    [
      'Grep with glob ".env*" (overrides .gitignore)',
      'Grep',
      { pattern: 'TOKEN', glob: '.env*', output_mode: 'content' },
      /^file-guard blocked searching with the glob "\.env\*"/,
    ],
    [
      'Grep over the home directory',
      'Grep',
      { pattern: 'KEY', path: home },
      /^file-guard blocked searching \/\S+, which holds ~\/\.ssh \(rule "ssh-dir"\)/,
    ],
    [
      'Glob listing ~/.ssh',
      'Glob',
      { pattern: '*', path: join(home, '.ssh') },
      /^file-guard blocked listing ~\/\.ssh \(rule "ssh-dir"\)/,
    ],
  ])('denies %s', async (_, tool, input, reason) => {
    const run = await spawnHook(bundle(name), payload(tool, input), { cleanEnv: true, env });
    expect(run.exitCode).toBe(0);
    expect(reasonOf(run.json)).toMatch(reason);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a Grep over the project', 'Grep', { pattern: 'TODO', output_mode: 'content' }],
    ['a Grep of the sources with a narrow glob', 'Grep', { pattern: 'TODO', path: 'src', glob: '*.{ts,tsx}' }],
    ['a Glob naming .env files (names only)', 'Glob', { pattern: '**/.env*' }],
  ])('lets through %s', async (_, tool, input) => {
    const run = await spawnHook(bundle(name), payload(tool, input), { cleanEnv: true, env });
    expect([run.exitCode, run.stdout]).toEqual([0, '']);
  });
});
