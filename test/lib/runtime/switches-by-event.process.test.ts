// `HOOKPACK_SKIP=<Event>` and `{ "events": [...] }` in a toggle file (`hookpack disable --event`)
// switch off every hook of an event, in a hook's own bundle and in an event bundle alike; the
// project's toggle file still cannot switch off a fail-closed guard.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  dir = mkdtempSync(join(tmpdir(), 'hookpack-switch-event-'));
  mkdirSync(join(dir, 'home'), { mode: 0o700 });
  mkdirSync(join(dir, 'project', '.claude', 'hookpack'), { recursive: true });
  env = { HOOKPACK_HOME: join(dir, 'home'), CLAUDE_PROJECT_DIR: join(dir, 'project') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const answered = async (bundle: string, payload: unknown, extra: NodeJS.ProcessEnv = {}) =>
  (await spawnHook(dist(bundle), payload, { env: { ...env, ...extra } })).json !== undefined;

describe('switches by event', () => {
  it.each([
    { skip: 'UserPromptSubmit', guard: true, prompt: false },
    { skip: 'PreToolUse', guard: false, prompt: true },
    { skip: 'PostToolUse', guard: true, prompt: true },
  ])(
    'HOOKPACK_SKIP=$skip: PreToolUse guard answers $guard, UserPromptSubmit hook answers $prompt',
    async ({ skip, guard, prompt }) => {
      expect(await answered('bash-behaviour', guardPayload, { HOOKPACK_SKIP: skip })).toBe(guard);
      expect(await answered('on-PreToolUse', guardPayload, { HOOKPACK_SKIP: skip })).toBe(guard);
      expect(await answered('prompt-behaviour', promptPayload, { HOOKPACK_SKIP: skip })).toBe(prompt);
    },
  );

  it("the user's toggle file switches an event off, mid-session, guards included", async () => {
    writeFileSync(join(dir, 'home', 'disabled.json'), '{"events":["PreToolUse"]}');
    expect(await answered('bash-behaviour', guardPayload)).toBe(false);
    expect(await answered('on-PreToolUse', guardPayload)).toBe(false);
    expect(await answered('prompt-behaviour', promptPayload)).toBe(true);
  });

  it("the project's toggle file switches off a fail-open hook's event, never a guard's", async () => {
    writeFileSync(
      join(dir, 'project', '.claude', 'hookpack', 'disabled.json'),
      '{"events":["PreToolUse","UserPromptSubmit"]}',
    );
    expect(await answered('bash-behaviour', guardPayload)).toBe(true);
    expect(await answered('prompt-behaviour', promptPayload)).toBe(false);
  });
});
