// The guards plugin's bundle, run the way Claude Code runs a plugin's hook, from a plugin
// directory inside the project (a clone with --plugin-dir, or a local-directory marketplace):
// it keeps its code cache and telemetry in the state directory, never in the plugin directory,
// and a second start is served from that cache.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hookpack-guards-plugin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const project = join(dir, 'project');
const plugin = join(project, 'plugins', 'hookpack-guards');
cpSync(join(ROOT, 'plugins', 'hookpack-guards'), plugin, { recursive: true });
const home = join(dir, 'home');
const command = (
  JSON.parse(readFileSync(join(plugin, 'hooks', 'hooks.json'), 'utf8')) as {
    hooks: { PreToolUse: [{ hooks: [{ command: string }] }] };
  }
).hooks.PreToolUse[0].hooks[0].command;

const listing = () =>
  readdirSync(plugin, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((rel) => `${rel} ${statSync(join(plugin, rel)).size}`);

/** The plugin's own command through sh, as Claude Code starts it (no HOOKPACK_HOME: the default state directory). */
const runGuard = (toolCommand: string) =>
  spawnSync('/bin/sh', ['-c', command], {
    cwd: project,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      CLAUDE_PROJECT_DIR: project,
      CLAUDE_PLUGIN_ROOT: plugin,
      HOOKPACK_DEBUG: '1',
    },
    input: JSON.stringify({
      session_id: 's',
      transcript_path: join(dir, 't.jsonl'),
      cwd: project,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: toolCommand },
      tool_use_id: 't1',
    }),
    encoding: 'utf8',
  });

describe('the guards plugin run from a directory inside the project', () => {
  const before = listing();
  const first = runGuard('chmod -R 777 .');
  const second = runGuard('ls');

  it('blocks chmod -R 777 and lets ls through', () => {
    expect(JSON.parse(first.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('');
  });

  it('writes nothing into the plugin directory', () => {
    expect(listing()).toEqual(before);
  });

  it('keeps the code cache and telemetry in ~/.cache/hookpack, and the second start reads the cache', () => {
    const state = join(home, '.cache', 'hookpack');
    expect(readdirSync(join(state, 'code-cache')).filter((f) => f.startsWith('on-PreToolUse-'))).toHaveLength(1);
    expect(existsSync(join(state, 'telemetry.jsonl'))).toBe(true);
    expect(second.stderr).toContain(`hookpack: code cache hit ${join(state, 'code-cache')}`);
  });
});

describe('the guards plugin when its bundle cannot start', () => {
  const payload = JSON.stringify({
    session_id: 's',
    transcript_path: '/t',
    cwd: project,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'ls' },
    tool_use_id: 't1',
  });
  it.each([
    ['no node on PATH', { PATH: join(dir, 'empty-bin'), CLAUDE_PLUGIN_ROOT: plugin }],
    ['a plugin root without the bundle', { PATH: process.env.PATH, CLAUDE_PLUGIN_ROOT: join(dir, 'gone') }],
  ])('blocks (exit 2) with %s', (_what, env) => {
    const result = spawnSync('/bin/sh', ['-c', command], {
      cwd: project,
      env: { HOME: home, ...env },
      input: payload,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
  });
});
