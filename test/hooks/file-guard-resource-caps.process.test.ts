// A path built to make file-guard slow or run it out of memory (issue 10 §4): a ~1 MB file_path of
// `x/../` segments took 33 s and 4 GB and died with exit 134 (no answer) while its symlinks were
// resolved one parent at a time. Paths and working directories past PATH_MAX are now denied
// unchecked (rule "path-too-long"); a long path under the cap is still judged by the rules.
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnHook } from '../../lib/testing.ts';

const BUNDLE = fileURLToPath(new URL('../../dist/file-guard.cjs', import.meta.url));
const CWD = '/home/user/project';
const DOTS = (count: number) => `${CWD}/${'x/../'.repeat(count)}`;

describe('dist/file-guard.cjs under resource attacks', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-file-caps-')));
    for (const sub of ['state', 'config', 'xdg']) mkdirSync(join(dir, sub), { mode: 0o700 });
    env = {
      HOME: '/home/user',
      HOOKPACK_HOME: join(dir, 'state'),
      HOOKPACK_CONFIG_DIR: join(dir, 'config'),
      XDG_CONFIG_HOME: join(dir, 'xdg'),
      CLAUDE_PROJECT_DIR: CWD,
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (tool_name: string, tool_input: Record<string, unknown>, cwd = CWD) =>
    spawnHook(
      BUNDLE,
      {
        session_id: 's',
        transcript_path: '/tmp/t.jsonl',
        cwd,
        hook_event_name: 'PreToolUse',
        tool_name,
        tool_input,
        tool_use_id: 't',
      },
      { cleanEnv: true, env, killAfterMs: 60_000 },
    );

  const reasonOf = (json: Record<string, unknown> | undefined) =>
    (json?.hookSpecificOutput as { permissionDecisionReason?: string } | undefined)?.permissionDecisionReason ?? '';

  it.each([
    ['Read', { file_path: `${DOTS(200_000)}README.md` }, 'reading'],
    ['Write', { file_path: `${DOTS(200_000)}README.md`, content: 'x' }, 'writing'],
    ['Edit', { file_path: `${DOTS(1_000)}README.md`, old_string: 'a', new_string: 'b' }, 'writing'],
    ['Grep', { pattern: 'TODO', path: `${DOTS(200_000)}src` }, 'searching'],
  ])(
    'denies %s of a path past PATH_MAX without resolving it',
    async (tool, input, verb) => {
      const result = await run(tool, input);
      expect(result.signal).toBeNull();
      expect(result.exitCode).toBe(0);
      expect(result.json).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
      const reason = reasonOf(result.json);
      expect(reason).toMatch(
        new RegExp(
          `^file-guard blocked ${verb} .{1,80}… \\(rule "path-too-long"\\): the path is longer than 4096 characters`,
        ),
      );
      expect(reason.length).toBeLessThan(400);
    },
    60_000,
  );

  it('denies a working directory past PATH_MAX', async () => {
    const result = await run('Read', { file_path: 'README.md' }, `/${'d/'.repeat(3_000)}`);
    expect(result.exitCode).toBe(0);
    expect(reasonOf(result.json)).toContain(
      '(rule "path-too-long"): the working directory is longer than 4096 characters',
    );
  }, 60_000);

  it('still judges a long path under the cap by the rules', async () => {
    const secret = await run('Read', { file_path: `${DOTS(800)}.env` });
    expect(reasonOf(secret.json)).toContain('(rule "env-files")');
    const harmless = await run('Read', { file_path: `${DOTS(800)}README.md` });
    expect([harmless.exitCode, harmless.stdout, harmless.stderr]).toEqual([0, '', '']);
  }, 60_000);
});
