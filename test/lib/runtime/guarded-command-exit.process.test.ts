// A bundle holding a fail-closed hook is installed as `node … || exit 2`, so it must never exit 1
// on purpose: one failing fail-open hook beside a guard, or a Stop guard failing open to break a
// stop loop, would otherwise block every call. Built with `hookpack build` in a project of its own.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommand } from '../../../cli/commands/build.ts';
import { cleanEnv, runCli, tempDir, writeFile } from '../../cli/_helpers.ts';

const temp = tempDir('guarded-exit');
const root = join(temp.dir, 'project');
const dist = join(root, '.claude', 'hooks', 'dist');
const env = { ...cleanEnv(temp.dir), HOOKPACK_TELEMETRY: '0' };
const hook = (name: string, source: string) =>
  writeFile(join(root, '.claude', 'hooks', `${name}.ts`), `import { defineHook, deny } from 'hookpack';\n${source}\n`);
const base = { session_id: 's', transcript_path: '/t', cwd: '/tmp' };
const run = (bundle: string, payload: Record<string, unknown>) =>
  spawnSync(process.execPath, [join(dist, bundle)], {
    input: JSON.stringify({ ...base, ...payload }),
    encoding: 'utf8',
    env,
  });
const installed = (bundle: string, payload: Record<string, unknown>) =>
  spawnSync('sh', ['-c', `node '${join(dist, bundle)}' || exit 2`], {
    input: JSON.stringify({ ...base, ...payload }),
    encoding: 'utf8',
    env,
  });

beforeAll(async () => {
  writeFile(join(root, 'package.json'), '{}\n');
  hook(
    'guard',
    "export default defineHook({ event: 'PreToolUse', matcher: 'Bash', onError: 'block', run: ({ tool_input }) => (tool_input.command.includes('nope') ? deny('no') : undefined) });",
  );
  hook(
    'notifier',
    "export default defineHook({ event: 'PreToolUse', matcher: 'Bash', onError: 'allow', run: () => { throw new Error('webhook down'); } });",
  );
  hook(
    'stop-guard',
    "export default defineHook({ event: 'Stop', onError: 'block', run: () => { throw new Error('tests crashed'); } });",
  );
  const built = await runCli([buildCommand], ['build', '--no-typecheck'], { cwd: root, env });
  expect(built.code, built.stderr).toBe(0);
}, 60_000);
afterAll(() => temp.cleanup());

const bash = (command: string) => ({
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command },
  tool_use_id: 't',
});

describe('a bundle installed with || exit 2', () => {
  it('lets the call go on when a fail-open hook beside the guard fails, saying so in a systemMessage', () => {
    const result = installed('on-PreToolUse.cjs', bash('ls'));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      systemMessage: "hookpack notifier failed open (E_HANDLER_THREW: webhook down); the hook's answer was skipped",
    });
  });

  it("still denies with the guard's answer when the fail-open hook beside it fails", () => {
    const result = installed('on-PreToolUse.cjs', bash('nope'));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      hookSpecificOutput: { permissionDecision: 'deny', permissionDecisionReason: 'no' },
    });
    expect(result.stderr).toContain('notifier failed open');
  });

  it('lets Claude stop when a Stop guard fails while Claude Code already continues because of a stop hook (no loop)', () => {
    const looping = installed('stop-guard.cjs', { hook_event_name: 'Stop', stop_hook_active: true });
    expect(looping.status).toBe(0);
    expect(JSON.parse(looping.stdout).systemMessage).toMatch(
      /^hookpack stop-guard failed open \(E_HANDLER_THREW: tests crashed\)/,
    );
    // The first time, the Stop guard fails closed as declared.
    expect(run('stop-guard.cjs', { hook_event_name: 'Stop', stop_hook_active: false }).status).toBe(2);
  });
});
