// A teammate's clone of a project whose settings.json was adopted and committed: the adopted hooks
// keep running (runner and table are committed too), and neither uninstall nor adopt on the clone
// may drop them, since hookpack there has no record of the original file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adoptCommand } from '../../cli/commands/adopt.ts';
import { uninstallCommand } from '../../cli/commands/uninstall.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('adopt-clone');
afterAll(cleanup);

describe('a clone of a committed adoption', () => {
  const root = join(dir, 'project');
  const settings = join(root, '.claude', 'settings.json');
  const hook = (script: string) => ({ type: 'command', command: `python3 .claude/hooks/${script}` });
  const cli = (who: string, ...argv: string[]) =>
    runCli([adoptCommand, uninstallCommand], argv, { cwd: root, env: cleanEnv(join(dir, who)) });

  it('keeps its adopted entries on uninstall, and says where the original is', async () => {
    writeFile(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFile(settings, JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [hook('guard.py')] }] } }));
    expect((await cli('author', 'adopt', '--guard', 'guard')).code).toBe(0);
    const adopted = readFileSync(settings, 'utf8');

    const uninstall = await cli('teammate', 'uninstall');
    expect(uninstall.code).toBe(0);
    expect(uninstall.stderr).toMatch(
      /adopted on another machine .* its adopted entries stay: get the original back from version control \(e\.g\. `git log -p -- \.claude\/settings\.json`\)/,
    );
    expect(readFileSync(settings, 'utf8')).toBe(adopted);
  });

  it('refuses to adopt again there, with a one-line reason, rather than drop the adopted hooks', async () => {
    const adopted = JSON.parse(readFileSync(settings, 'utf8'));
    adopted.hooks.Stop = [{ hooks: [hook('notes.py')] }];
    writeFile(settings, JSON.stringify(adopted, null, 2));
    const before = readFileSync(settings, 'utf8');
    const again = await cli('teammate', 'adopt');
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/already runs hooks adopted elsewhere \(its table lists guard\)/);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(settings, 'utf8')).toBe(before);
  });
});
