// `hookpack profile` running real hooks in sh, python3 and ours (a built bash-guard bundle).
// Timings are never asserted: only the report's structure, and that ratios are positive numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile } from '../../cli/commands/profile.ts';
import type { ProfileReport } from '../../cli/profile/summarize.ts';
import { buildCli, cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-real');
const project = join(dir, 'project');
const env = cleanEnv(dir);
const dist = join(dir, 'dist');
afterAll(cleanup);

beforeAll(() => {
  buildCli(dist);
  writeFile(
    join(project, 'hooks', 'allow.sh'),
    `#!/bin/sh
cat > /dev/null
echo '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow"}}'
`,
    0o755,
  );
  writeFile(
    join(project, 'hooks', 'context.py'),
    `import json, os, sys
payload = json.load(sys.stdin)
with open(os.path.join(os.environ["CLAUDE_PROJECT_DIR"], "seen.json"), "w") as f:
    json.dump(payload, f)
print(json.dumps({"hookSpecificOutput": {"hookEventName": "PostToolUse", "additionalContext": "x" * 12000}}))
`,
  );
  writeFile(join(project, 'hooks', 'exec.cjs'), 'require("fs").readFileSync(0); process.exit(3);\n');
  const sh = { type: 'command', command: 'sh "$CLAUDE_PROJECT_DIR"/hooks/allow.sh', timeout: 5 };
  writeFile(
    join(project, '.claude', 'settings.json'),
    JSON.stringify({
      hooks: {
        PreToolUse: [
          {
            matcher: 'Bash',
            hooks: [sh, { type: 'command', command: `node ${join(dist, 'bash-guard.cjs')}`, timeout: 5 }],
          },
        ],
        PostToolUse: [
          {
            matcher: 'Write|Edit',
            hooks: [{ type: 'command', command: 'python3 "$CLAUDE_PROJECT_DIR"/hooks/context.py', timeout: 5 }],
          },
        ],
        Stop: [
          {
            hooks: [
              {
                type: 'command',
                command: process.execPath,
                args: ['${CLAUDE_PROJECT_DIR}/hooks/exec.cjs'],
                timeout: 5,
              },
            ],
          },
        ],
      },
    }),
  );
  // The same handler in another layer runs once in Claude Code, so it is profiled once.
  writeFile(
    join(project, '.claude', 'settings.local.json'),
    JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [sh] }] } }),
  );
});

describe('hookpack profile on hooks in three languages', () => {
  let report: ProfileReport;
  let progress: string[] = [];
  beforeAll(async () => {
    const run = await runCli([profile], ['profile', '--runs', '3', '--json'], { cwd: project, env });
    // The hooks it is about to run, on stderr (they run for real).
    expect(run.stderr).toMatch(
      /^hookpack profile: running 4 hooks 3 times each, for real \(side effects too;\n {2}--list shows this list without running\):\nEVENT +MATCHER +HOOK +IN\nPreToolUse +Bash +sh allow\.sh +project\n/,
    );
    expect(run.stderr.replace(/\n  /g, ' ')).toContain(
      `with CLAUDE_PROJECT_DIR=${project} (found from the current directory)\n`,
    );
    // exec.cjs exits 3 on every run: its times are of a failure, and profile says so and exits 1.
    expect(run.stderr).toMatch(
      /\nhookpack profile: 1 of 4 hooks failed in every run \(node exec\.cjs\): their times\n {2}measure the failure, not the hook\n$/,
    );
    expect(run.code).toBe(1);
    report = JSON.parse(run.stdout) as ProfileReport;
    progress = run.io.progressLines;
  });

  it('measures each distinct hook once per run, against a node -e 0 yardstick', () => {
    expect(report.runs).toBe(3);
    expect(report.yardstick.command).toBe('node -e 0');
    expect(report.yardstick.medianMs).toBeGreaterThan(0);
    expect(report.hooks.map((h) => [h.label, h.event, h.layer])).toEqual([
      ['sh allow.sh', 'PreToolUse', 'project'],
      ['node bash-guard.cjs', 'PreToolUse', 'project'],
      ['python3 context.py', 'PostToolUse', 'project'],
      ['node exec.cjs', 'Stop', 'project'],
    ]);
    for (const hook of report.hooks) {
      expect(hook.medianMs).toBeGreaterThan(0);
      expect(hook.p95Ms).toBeGreaterThanOrEqual(hook.medianMs);
      expect(typeof hook.ratio).toBe('number');
      expect(hook.ratio).toBeGreaterThan(0);
    }
  });

  it('records the exit codes seen, and names a failing hook with its fix', () => {
    expect(report.hooks.map((h) => h.exits)).toEqual([{ 0: 3 }, { 0: 3 }, { 0: 3 }, { 3: 3 }]);
    expect(report.hooks[3]?.hints[0]).toMatch(
      /^failed in all 3 runs \(exit 3\): its times are of the failure, not of its work/,
    );
    expect(report.hooks.map((h) => h.allFailed)).toEqual([false, false, false, true]);
    expect(report.allFailed).toEqual(['node exec.cjs']);
  });

  it("feeds each hook its event's fixture, adapted to the tool its matcher names", () => {
    const seen = JSON.parse(readFileSync(join(project, 'seen.json'), 'utf8')) as Record<string, unknown>;
    expect(seen).toMatchObject({
      hook_event_name: 'PostToolUse',
      tool_name: 'Write',
      tool_input: { file_path: '/home/user/project/src/greeting.ts' },
    });
    expect(report.hooks.map((h) => h.payload)).toEqual([
      'PreToolUse fixture, tool Bash',
      'PreToolUse fixture, tool Bash',
      'PostToolUse fixture, tool Write',
      'Stop fixture',
    ]);
  });

  it('measures output against the 10,000-character cap', () => {
    const python = report.hooks[2];
    expect(python).toMatchObject({ maxOutputChars: 12000, overCap: true });
    expect(python?.hints.some((h) => h.startsWith('prints 12000 characters, over'))).toBe(true);
    expect(report.hooks[0]).toMatchObject({ maxOutputChars: 0, overCap: false });
  });

  it("reports each event's cost in parallel and in sequence", () => {
    expect(report.events.map((e) => [e.event, e.hooks])).toEqual([
      ['PreToolUse', 2],
      ['PostToolUse', 1],
      ['Stop', 1],
    ]);
    const pre = report.events[0];
    expect(pre?.parallelMedianMs).toBeGreaterThan(0);
    expect(pre?.sequenceMs).toBeCloseTo((report.hooks[0]?.medianMs ?? 0) + (report.hooks[1]?.medianMs ?? 0), 0);
    expect(pre?.ratio).toBeGreaterThan(0);
  });

  it('names the failing hook first, then the three slowest, and reports progress on the progress channel', () => {
    expect(report.slowest).toHaveLength(4);
    expect(report.slowest[0]?.label).toBe('node exec.cjs');
    expect(report.slowest[1]?.medianMs).toBeGreaterThanOrEqual(report.slowest[2]?.medianMs ?? 0);
    expect(progress).toContain('profile: round 1 of 3 (4 hooks)');
  });

  it('prints tables that fit 80 columns', async () => {
    const run = await runCli([profile], ['profile', '--runs', '1', '--event', 'PreToolUse'], { cwd: project, env });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^hookpack profile: 2 command hooks, 1 run each; `node -e 0` \(v\d+/);
    expect(run.stdout).toMatch(/\nhook +event +p50 ms +p95 ms +x node +out +exits\n/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
});
