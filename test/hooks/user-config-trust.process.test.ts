// The built guards refuse a user config directory others could have written: a group-writable
// ~/.config/hookpack with a config that relaxes everything fails the guard closed (exit 2, the
// call blocked, the reason naming the directory and the fix), never switches it off.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnHook } from '../../lib/testing.ts';

const dist = (name: string) => fileURLToPath(new URL(`../../dist/${name}.cjs`, import.meta.url));
const fixture = JSON.parse(
  readFileSync(new URL('../../cli/payloads/PreToolUse.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let dir: string;
let config: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookpack-user-config-'));
  config = join(dir, 'home', '.config', 'hookpack');
  mkdirSync(config, { recursive: true, mode: 0o700 });
  mkdirSync(join(dir, 'project'));
  // The default location (no HOOKPACK_CONFIG_DIR): ~/.config/hookpack under this test's HOME.
  env = { HOME: join(dir, 'home'), HOOKPACK_HOME: join(dir, 'state'), CLAUDE_PROJECT_DIR: join(dir, 'project') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CASES = [
  {
    hook: 'bash-guard',
    file: 'bash-guard.json',
    content: { allowCommands: ['.*'] },
    tool_name: 'Bash',
    tool_input: { command: 'chmod -R 777 x' },
  },
  {
    hook: 'file-guard',
    file: 'file-guard.json',
    content: { allow: ['**'] },
    tool_name: 'Read',
    tool_input: { file_path: '.env' },
  },
];

describe('a user config directory others can write to', () => {
  it.each(CASES)(
    'fails $hook closed instead of letting its config relax it',
    async ({ hook, file, content, tool_name, tool_input }) => {
      writeFileSync(join(config, file), JSON.stringify(content), { mode: 0o600 });
      const payload = { ...fixture, cwd: join(dir, 'project'), tool_name, tool_input };
      // Trusted, the config relaxes the guard: the call passes.
      expect((await spawnHook(dist(hook), payload, { cleanEnv: true, env })).stdout).toBe('');
      chmodSync(config, 0o775);
      const run = await spawnHook(dist(hook), payload, { cleanEnv: true, env });
      expect(run.exitCode).toBe(2);
      expect(run.json).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
      expect(run.stderr).toContain(
        `E_CONFIG: untrusted user config dir ${config}: it is writable by group or others (mode 775)`,
      );
      expect(run.stderr).toContain(`run chmod go-w ${config}`);
    },
  );
});
