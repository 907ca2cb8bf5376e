// `hookpack test`: runs a built hook or event bundle on a payload and checks the decision.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { test as testCommand } from '../../cli/commands/test.ts';
import { buildCli, cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('test-cmd');
const dist = join(dir, 'dist');
const env = cleanEnv(dir);
const payload = (command: string) => ({
  session_id: 's',
  transcript_path: '/t.jsonl',
  cwd: dir,
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command },
  tool_use_id: 'toolu_1',
});
let rmRoot = '';
beforeAll(() => {
  buildCli(dist);
  rmRoot = writeFile(join(dir, 'rm-root.json'), JSON.stringify(payload('rm -rf /')));
});
afterAll(cleanup);

const hookpackTest = (args: string[], stdin?: string) =>
  runCli([testCommand], ['test', ...args, '--dist', dist], {
    cwd: dir,
    env,
    ...(stdin === undefined ? {} : { stdin }),
  });

describe('hookpack test', () => {
  it("runs a hook on its event's fixture by default and shows the decision", async () => {
    const run = await hookpackTest(['bash-guard']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^bash-guard \\(PreToolUse, matcher Bash\\)\\nfile      ${join(dist, 'bash-guard.cjs')}\\npayload   PreToolUse fixture, tool Bash\\ndecision  none\\nexit      0\\ntime      \\d+ ms\\nstdout    \\(empty\\)\\nstderr    \\(empty\\)\\n$`,
      ),
    );
  });

  it('reads --input FILE and exits 0 when --expect matches', async () => {
    const run = await hookpackTest(['bash-guard', '--input', rmRoot, '--expect', 'deny']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('decision  deny\n');
    expect(run.stdout).toContain('"permissionDecision": "deny"');
    expect(run.stderr).toBe('');
  });

  it('exits 1 and says what it got when --expect does not match', async () => {
    const run = await hookpackTest(['bash-guard', '--input', rmRoot, '--expect', 'allow']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('hookpack: expected allow, got deny\n');
  });

  it('reads the payload from stdin with --input -', async () => {
    const run = await hookpackTest(
      ['bash-guard', '--input', '-', '--expect', 'deny'],
      JSON.stringify(payload('rm -rf ~')),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('payload   stdin\n');
  });

  it('runs an event bundle by event name or bundle name', async () => {
    for (const name of ['PreToolUse', 'on-PreToolUse']) {
      const run = await hookpackTest([name, '--input', rmRoot, '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        target: 'on-PreToolUse',
        kind: 'event',
        event: 'PreToolUse',
        decision: 'deny',
        exitCode: 0,
        ok: true,
      });
    }
  });

  it('prints one JSON document with --json', async () => {
    const run = await hookpackTest(['bash-guard', '--input', rmRoot, '--expect', 'deny', '--json']);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      target: 'bash-guard',
      kind: 'hook',
      matcher: 'Bash',
      payload: rmRoot,
      decision: 'deny',
      exitCode: 0,
      signal: null,
      stderr: '',
      expect: 'deny',
      ok: true,
    });
    expect(report.json).toMatchObject({
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny' },
    });
    expect(typeof report.durationMs).toBe('number');
  });

  it("shows a guard failing closed on another event's --fixture, and exits 1", async () => {
    const run = await hookpackTest(['bash-guard', '--fixture', 'Stop']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('payload   Stop fixture\ndecision  fail-closed\nexit      2\n');
    expect(run.stdout).toContain('E_PAYLOAD_EVENT');
    expect((await hookpackTest(['bash-guard', '--fixture', 'Stop', '--expect', 'fail-closed'])).code).toBe(0);
  });

  it('lists the built hooks and event bundles for an unknown name', async () => {
    const run = await hookpackTest(['bash-gaurd']);
    expect(run.code).toBe(2);
    // The build holds every hook of hooks/ (build.mjs has no per-hook selection).
    expect(run.stderr).toMatch(
      new RegExp(
        `^hookpack: no built hook or event bundle named \`bash-gaurd\` in ${dist.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; hooks: bash-guard(, [a-z-]+)*; event bundles: on-PreToolUse \\(or PreToolUse\\)(, on-[A-Za-z]+ \\(or [A-Za-z]+\\))*\n$`,
      ),
    );
  });

  it('lists the events for an unknown --fixture', async () => {
    const run = await hookpackTest(['bash-guard', '--fixture', 'PreTool']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^hookpack: no fixture for `PreTool`; `--fixture` takes an event name: SessionStart, Setup, .*, PostModelSwitch\n$/,
    );
  });

  it('lists the valid decisions for a bad --expect, before running anything', async () => {
    const run = await hookpackTest(['bash-guard', '--expect', 'denied']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'hookpack: `--expect` got `denied`; valid decisions: deny, allow, ask, defer, block, context, halt, notice, retry, none, fail-closed, fail-open\n',
    );
  });

  it.each([
    [['bash-guard', '--input', rmRoot, '--fixture', 'Stop'], 2, /`--input` and `--fixture` both name a payload/],
    [['bash-guard', '--input', 'missing.json'], 3, /cannot read `--input` .*missing\.json \(ENOENT\)/],
    [[], 2, /takes one hook or event name, got none/],
  ])('rejects %j with exit %i', async (args, code, message) => {
    const run = await hookpackTest(args);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
  });

  it('exits 3 when there is no dist/ to test', async () => {
    const run = await runCli([testCommand], ['test', 'bash-guard'], { cwd: join(dir, 'nowhere'), env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^hookpack: no .*nowhere\/\.claude\/hooks\/dist: build the hooks first \(`hookpack build`\) or pass `--dist DIR`\n$/,
    );
  });
});

describe('hookpack test --help', () => {
  it('shows the usage and every decision within 80 columns', async () => {
    const run = await runCli([testCommand], ['test', '--help'], { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: hookpack test <hook\|event> /);
    expect(run.stdout).toContain('fail-closed, fail-open');
    for (const text of run.stdout.split('\n')) expect(text.length).toBeLessThanOrEqual(80);
  });
});
