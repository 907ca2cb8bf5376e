import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnHook } from '../../../lib/testing.ts';

const dist = (name: string) => fileURLToPath(new URL(`../../.dist/${name}.cjs`, import.meta.url));
const fixture = (event: string) =>
  JSON.parse(readFileSync(new URL(`../../../cli/payloads/${event}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const guardPayload = { ...fixture('PreToolUse'), tool_name: 'Bash', tool_input: { command: 'deny' } };
const promptPayload = { ...fixture('UserPromptSubmit'), prompt: 'block no' };

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookpack-switch-'));
  mkdirSync(join(dir, 'home'), { mode: 0o700 });
  mkdirSync(join(dir, 'project', '.claude', 'hookpack'), { recursive: true });
  env = { HOOKPACK_HOME: join(dir, 'home'), CLAUDE_PROJECT_DIR: join(dir, 'project') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const userToggle = (content: string) => writeFileSync(join(dir, 'home', 'disabled.json'), content);
const projectToggle = (content: string) =>
  writeFileSync(join(dir, 'project', '.claude', 'hookpack', 'disabled.json'), content);
const silent = { exitCode: 0, stdout: '', stderr: '' };
const outcome = (r: { exitCode: number | null; stdout: string; stderr: string }) => ({
  exitCode: r.exitCode,
  stdout: r.stdout,
  stderr: r.stderr,
});

describe('skip switches', () => {
  it.each(['0', 'off', 'false'])(
    'HOOKPACK=%s makes every hook exit 0 silently, without reading stdin',
    async (value) => {
      expect(
        outcome(await spawnHook(dist('bash-behaviour'), 'not even json', { env: { ...env, HOOKPACK: value } })),
      ).toEqual(silent);
      expect(
        outcome(await spawnHook(dist('prompt-behaviour'), promptPayload, { env: { ...env, HOOKPACK: value } })),
      ).toEqual(silent);
    },
  );

  it('HOOKPACK_SKIP switches off only the hooks it names', async () => {
    const skip = { ...env, HOOKPACK_SKIP: 'other, bash-behaviour' };
    expect(outcome(await spawnHook(dist('bash-behaviour'), guardPayload, { env: skip }))).toEqual(silent);
    expect((await spawnHook(dist('prompt-behaviour'), promptPayload, { env: skip })).json).toEqual({
      decision: 'block',
      reason: 'no',
    });
  });

  it('a user file toggle takes effect on the next run, mid-session', async () => {
    expect((await spawnHook(dist('bash-behaviour'), guardPayload, { env })).json).toBeDefined();
    userToggle('{"hooks":["bash-behaviour"]}');
    expect(outcome(await spawnHook(dist('bash-behaviour'), guardPayload, { env }))).toEqual(silent);
    userToggle('{"hooks":[]}');
    expect((await spawnHook(dist('bash-behaviour'), guardPayload, { env })).json).toBeDefined();
  });

  it('a user toggle with all:true switches off every hook', async () => {
    userToggle('{"all":true}');
    expect(outcome(await spawnHook(dist('prompt-behaviour'), promptPayload, { env }))).toEqual(silent);
  });

  it('ignores a user toggle in a directory others can write to, since it could be planted', async () => {
    userToggle('{"all":true}');
    chmodSync(join(dir, 'home'), 0o777);
    const run = await spawnHook(dist('bash-behaviour'), guardPayload, { env: { ...env, HOOKPACK_DEBUG: '1' } });
    expect(run.json).toBeDefined();
    expect(run.stderr).toMatch(/ignoring .*disabled\.json: it is writable by group or others/);
  });

  it('a project toggle switches off a fail-open hook', async () => {
    projectToggle('{"hooks":["prompt-behaviour"]}');
    expect(outcome(await spawnHook(dist('prompt-behaviour'), promptPayload, { env }))).toEqual(silent);
  });

  it('a project toggle cannot switch off a fail-closed guard', async () => {
    projectToggle('{"all":true}');
    const run = await spawnHook(dist('bash-behaviour'), guardPayload, { env: { ...env, HOOKPACK_DEBUG: '1' } });
    expect(run.json).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
    expect(run.stderr).toMatch(/a project file cannot switch off a fail-closed guard/);
  });

  it.each(['not json', '[]', '"all"'])('ignores a malformed toggle file (%s) and runs the hook', async (content) => {
    userToggle(content);
    expect((await spawnHook(dist('bash-behaviour'), guardPayload, { env })).json).toBeDefined();
  });
});

describe('skip switches and hostile toggle files', () => {
  it('ignores, without hanging, a project toggle that is a link to /dev/zero', async () => {
    const { symlinkSync } = await import('node:fs');
    symlinkSync('/dev/zero', join(dir, 'project', '.claude', 'hookpack', 'disabled.json'));
    const run = await spawnHook(dist('prompt-behaviour'), promptPayload, {
      env: { ...env, HOOKPACK_DEADLINE_MS: '1500' },
    });
    expect(run.json).toEqual({ decision: 'block', reason: 'no' });
  });

  it('ignores a user toggle that others may write to (mode 0666), even in a safe directory', async () => {
    userToggle('{"all":true}');
    chmodSync(join(dir, 'home', 'disabled.json'), 0o666);
    expect((await spawnHook(dist('bash-behaviour'), guardPayload, { env })).json).toBeDefined();
  });
});
