// `hookpack adopt` on a settings file already holding adopted entries that it has no record of
// here (a teammate's clone of a committed adoption, or a record deleted): re-planning would
// rewrite the table with only the new hooks, and the entries already there, a guard's among them,
// would find nothing to run (the call goes through). And a save that fails must not leave a record
// behind that makes adopt and uninstall refuse the file from then on.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanEnv, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('adopt-no-drop');
afterAll(cleanup);
let cli: string;
beforeAll(() => {
  cli = buildCli(join(dir, 'out'));
}, 120_000);

const env = cleanEnv(dir);
const hookpack = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { cwd: root, env, encoding: 'utf8' });
const guardOnly = {
  hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'sh .claude/hooks/guard.sh' }] }] },
};
let n = 0;
function project(): { root: string; settings: string; table: string } {
  const root = join(dir, `p${n++}`);
  mkdirSync(join(root, '.git'), { recursive: true });
  const settings = writeFile(join(root, '.claude', 'settings.json'), `${JSON.stringify(guardOnly, null, 2)}\n`);
  return { root, settings, table: join(root, '.claude', 'hookpack', 'adopted.settings.json') };
}
const tableNames = (table: string) =>
  (JSON.parse(readFileSync(table, 'utf8')) as { hooks: Array<{ name: string; guard: boolean }> }).hooks.map(
    (h) => `${h.name}${h.guard ? ' (guard)' : ''}`,
  );

describe('hookpack adopt never drops hooks adopted before', () => {
  it('a clone with no record of the adoption: adding a hook is refused, the guard stays in the table', () => {
    const { root, settings, table } = project();
    expect(hookpack(root, 'adopt', '--guard', 'guard').status).toBe(0);
    rmSync(join(env.HOOKPACK_HOME as string, 'adopted'), { recursive: true, force: true });
    const adopted = JSON.parse(readFileSync(settings, 'utf8')) as { hooks: Record<string, unknown> };
    adopted.hooks.Stop = [{ hooks: [{ type: 'command', command: 'sh .claude/hooks/notes.sh' }] }];
    const text = `${JSON.stringify(adopted, null, 2)}\n`;
    writeFileSync(settings, text);
    const run = hookpack(root, 'adopt');
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/already runs hooks adopted .*guard.*nothing was changed/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(tableNames(table)).toEqual(['guard (guard)']);
    expect(readFileSync(settings, 'utf8')).toBe(text);
  });

  it('a save that fails leaves no record: adopt then works, and uninstall restores the original', () => {
    const { root, settings } = project();
    const original = readFileSync(settings, 'utf8');
    // A directory where the backup goes makes the save fail after the record would be written.
    mkdirSync(`${settings}.bak`);
    expect(hookpack(root, 'adopt').status).toBe(3);
    expect(readFileSync(settings, 'utf8')).toBe(original);
    rmdirSync(`${settings}.bak`);
    const again = hookpack(root, 'adopt');
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(hookpack(root, 'uninstall').status).toBe(0);
    expect(readFileSync(settings, 'utf8')).toBe(original);
  });
});
