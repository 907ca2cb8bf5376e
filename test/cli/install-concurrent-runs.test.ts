// Two `hookpack install` processes editing one settings file at once: each reads the file, adds
// its entries and renames its version over it, so without a lock the second rename dropped the
// first one's entries (12 of 40 rounds). With the edit lock they take turns: every round ends
// with both selections installed and the other tool's entries kept.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, tempDir } from './_helpers.ts';
import { makeProject, type Project } from './install-fixture.ts';

const out = tempDir('install-concurrent-build');
let cli: string;
let project: Project;

beforeAll(() => {
  cli = buildCli(out.dir);
  project = makeProject('install-concurrent');
}, 120_000);
afterAll(() => {
  project.cleanup();
  out.cleanup();
});

const ROUNDS = 24;
const OTHER_TOOL = `${JSON.stringify({ model: 'opus', hooks: { Stop: [{ hooks: [{ type: 'command', command: 'notify-send done' }] }] } }, null, 2)}\n`;

function install(hooks: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'install', '--dist', 'dist', '--hooks', hooks], {
      cwd: project.dir,
      env: project.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('two hookpack installs into one settings file at the same time', () => {
  it(`keep both selections in every one of ${ROUNDS} rounds`, async () => {
    const lost: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      project.write(OTHER_TOOL);
      const runs = await Promise.all([install('bash-guard'), install('prompt-context')]);
      expect(
        runs.map((r) => r.code),
        runs.map((r) => r.stderr).join(''),
      ).toEqual([0, 0]);
      const settings = JSON.parse(project.read()) as {
        model: string;
        hooks: Record<string, { hooks: { command: string }[] }[]>;
      };
      const commands = Object.values(settings.hooks)
        .flat()
        .flatMap((group) => group.hooks.map((h) => h.command));
      if (
        !commands.some((c) => c.includes('/bash-guard.cjs')) ||
        !commands.some((c) => c.includes('/prompt-context.cjs'))
      )
        lost.push(`round ${round}: ${commands.join(' | ')}`);
      expect(settings.model).toBe('opus');
      expect(commands).toContain('notify-send done');
    }
    expect(lost).toEqual([]);
    // No lock or temp file is left behind.
    expect(readdirSync(join(project.dir, '.claude')).filter((f) => f.endsWith('.hookpack-tmp'))).toEqual([]);
    expect(existsSync(project.settings)).toBe(true);
  }, 120_000);

  it('never lose one silently when .claude/ does not exist yet: both land, or one says to run again (exit 3)', async () => {
    for (let round = 0; round < 10; round++) {
      rmSync(join(project.dir, '.claude'), { recursive: true, force: true });
      const runs = await Promise.all([install('bash-guard'), install('prompt-context')]);
      const commands = JSON.stringify(JSON.parse(project.read()));
      runs.forEach((run, i) => {
        const file = i === 0 ? '/bash-guard.cjs' : '/prompt-context.cjs';
        if (run.code === 0) expect(commands).toContain(file);
        else
          expect([run.code, run.stderr]).toEqual([
            3,
            expect.stringMatching(
              /appeared while hookpack was creating it; run the command again; nothing was changed\n$/,
            ),
          ]);
      });
    }
  }, 120_000);
});
