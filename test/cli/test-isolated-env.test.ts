// `hookpack test` must judge the hook, not the caller's switches: HOOKPACK=0 or HOOKPACK_SKIP in
// the shell, or a user toggle (`hookpack disable`), made every hook exit silently, so
// `--expect none` passed for the wrong reason. The child gets neither variable and a fresh
// HOOKPACK_HOME; only the project's toggle file still applies, with a warning.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { test as testCommand } from '../../cli/commands/test.ts';
import { buildCli, cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('test-isolated');
afterAll(cleanup);
const dist = join(dir, 'dist');
const spy = join(dir, 'spy');
const userHome = join(dir, 'hookpack-home');
const rmRoot = join(dir, 'rm-root.json');

beforeAll(() => {
  buildCli(dist);
  writeFile(
    rmRoot,
    JSON.stringify({
      session_id: 's',
      transcript_path: '/t.jsonl',
      cwd: dir,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'rm -rf /' },
      tool_use_id: 'toolu_1',
    }),
  );
  // A stand-in bundle that prints the environment it was given.
  writeFile(
    join(spy, 'manifest.json'),
    JSON.stringify({
      hooks: [{ name: 'env-spy', event: 'Stop', matcher: null, timeout: 5, file: 'env-spy.cjs' }],
      events: [],
    }),
  );
  writeFile(
    join(spy, 'env-spy.cjs'),
    'const e = process.env; process.stdout.write(JSON.stringify({ HOOKPACK: e.HOOKPACK ?? null, HOOKPACK_SKIP: e.HOOKPACK_SKIP ?? null, HOOKPACK_HOME: e.HOOKPACK_HOME ?? null, HOOKPACK_TELEMETRY: e.HOOKPACK_TELEMETRY ?? null, KEEP: e.KEEP ?? null }));\n',
  );
  // The user's own switches: everything off.
  mkdirSync(userHome, { recursive: true, mode: 0o700 });
  writeFile(join(userHome, 'disabled.json'), '{"all":true}\n');
});

const hookpackTest = (args: string[], extra: NodeJS.ProcessEnv = {}, distDir = dist) =>
  runCli([testCommand], ['test', ...args, '--dist', distDir], { cwd: dir, env: cleanEnv(dir, extra) });

describe("hookpack test and the caller's switches", () => {
  it.each([
    ['HOOKPACK=0', { HOOKPACK: '0' }],
    ['HOOKPACK_SKIP', { HOOKPACK_SKIP: 'bash-guard' }],
    ['a user toggle ({"all":true} in HOOKPACK_HOME)', {}],
  ])('judges the hook itself despite %s in the caller', async (_name, extra) => {
    const run = await hookpackTest(['bash-guard', '--input', rmRoot, '--expect', 'deny'], extra);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // ...so `--expect none` can no longer pass because the hook was switched off.
    expect((await hookpackTest(['bash-guard', '--input', rmRoot, '--expect', 'none'], extra)).code).toBe(1);
  });

  it('gives the child no HOOKPACK/HOOKPACK_SKIP and a temporary HOOKPACK_HOME, removed afterwards; the rest of the env stays', async () => {
    const run = await hookpackTest(['env-spy', '--json'], { HOOKPACK: '0', HOOKPACK_SKIP: '*', KEEP: 'yes' }, spy);
    const seen = JSON.parse((JSON.parse(run.stdout) as { stdout: string }).stdout) as Record<string, string | null>;
    expect(seen).toMatchObject({ HOOKPACK: null, HOOKPACK_SKIP: null, HOOKPACK_TELEMETRY: '0', KEEP: 'yes' });
    expect(seen.HOOKPACK_HOME).not.toBe(userHome);
    expect(seen.HOOKPACK_HOME).toMatch(/hookpack-test-/);
    expect(existsSync(seen.HOOKPACK_HOME as string)).toBe(false);
    // The user's state directory is left as it was.
    expect(readdirSync(userHome)).toEqual(['disabled.json']);
    expect(readFileSync(join(userHome, 'disabled.json'), 'utf8')).toBe('{"all":true}\n');
  });

  it('warns when the project toggle still switches the hook off (the one switch it keeps)', async () => {
    const project = join(dir, 'project');
    writeFile(join(project, '.claude', 'hookpack', 'disabled.json'), '{"hooks":["prompt-context"]}\n');
    const run = await runCli([testCommand], ['test', 'prompt-context', '--dist', dist], {
      cwd: project,
      env: cleanEnv(dir),
    });
    expect(run.stderr).toBe(
      `hookpack: warning: prompt-context is switched off by the project toggle ${join(project, '.claude', 'hookpack', 'disabled.json')}, so it exited without looking at the payload; \`hookpack enable prompt-context --project\` switches it back on\n`,
    );
  });

  it('says so in --help', async () => {
    const run = await hookpackTest(['--help']);
    expect(run.stdout).toContain(
      'minus the switches that turn hookpack\nhooks off (HOOKPACK=0, HOOKPACK_SKIP), with HOOKPACK_HOME pointing at a\nfresh temporary directory',
    );
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});
