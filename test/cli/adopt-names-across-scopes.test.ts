// Telemetry, `hookpack disable` and HOOKPACK_SKIP go by an adopted hook's name: a user-level
// `guard.py` and a project's own `guard.py` adopted separately must not share one.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../lib/adopt/table.ts';
import { adoptCommand } from '../../cli/commands/adopt.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('adopt-scopes');
afterAll(cleanup);

const settings = (script: string) =>
  JSON.stringify({
    hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: `python3 ${script}` }] }] },
  });

describe('hookpack adopt names hooks uniquely across the settings files of one project', () => {
  it('gives the project its own name when the user settings already adopted one of the same script name', async () => {
    const root = join(dir, 'project');
    const env = cleanEnv(dir);
    writeFile(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFile(join(dir, 'home', '.claude', 'settings.json'), settings('~/hooks/guard.py'));
    writeFile(join(root, '.claude', 'settings.json'), settings('.claude/hooks/guard.py'));
    writeFile(join(root, '.claude', 'settings.local.json'), settings('.claude/hooks/guard.py --strict'));
    const adopt = (...args: string[]) => runCli([adoptCommand], ['adopt', ...args], { cwd: root, env });

    expect((await adopt('--scope', 'user')).code).toBe(0);
    expect((await adopt()).code).toBe(0);
    const local = await adopt('--scope', 'local');
    expect(local.code).toBe(0);

    const names = (path: string) => readTable(path).hooks.map((h) => h.name);
    expect(names(join(dir, 'home', '.claude', 'hookpack', 'adopted.settings.json'))).toEqual(['guard']);
    expect(names(join(root, '.claude', 'hookpack', 'adopted.settings.json'))).toEqual(['guard-2']);
    expect(local.stdout).toMatch(/^\s+guard-3\s+PreToolUse/m);
  });

  it('adopting one file again keeps its names when nothing else took them', async () => {
    const root = join(dir, 'again');
    const env = cleanEnv(join(dir, 'again-env'));
    writeFile(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFile(join(root, '.claude', 'settings.json'), settings('.claude/hooks/guard.py'));
    const adopt = (...args: string[]) => runCli([adoptCommand], ['adopt', ...args], { cwd: root, env });
    expect((await adopt()).code).toBe(0);
    expect((await adopt('--guard', 'guard')).code).toBe(0);
    expect(readTable(join(root, '.claude', 'hookpack', 'adopted.settings.json')).hooks).toMatchObject([
      { name: 'guard', guard: true },
    ]);
  });
});
