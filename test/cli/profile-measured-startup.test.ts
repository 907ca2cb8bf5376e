// profile says only what it measured: a hook's start-up share comes from its interpreter's own empty
// start, measured beside it, and the likely fixes quote the very figures the tables print. A hook that
// waits on a slow program is not blamed on its interpreter's start-up. No timing is asserted: only
// that the figures in the fixes are the tables' figures.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile } from '../../cli/commands/profile.ts';
import type { ProfileReport } from '../../cli/profile/summarize.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-startup');
afterAll(cleanup);
const env = cleanEnv(dir);
const project = join(dir, 'project');

beforeAll(() => {
  // Both wait 300 ms on another program: the time is the hook's work, not its interpreter's start.
  writeFile(join(project, '.claude', 'hooks', 'slow.sh'), 'cat > /dev/null\nsleep 0.3\n');
  writeFile(
    join(project, '.claude', 'hooks', 'slow.py'),
    'import subprocess, sys\nsys.stdin.read()\nsubprocess.run(["sleep", "0.3"])\n',
  );
  writeFile(
    join(project, '.claude', 'settings.json'),
    JSON.stringify({
      hooks: {
        Stop: [{ hooks: [{ type: 'command', command: 'sh "$CLAUDE_PROJECT_DIR"/.claude/hooks/slow.sh' }] }],
        SessionStart: [
          { hooks: [{ type: 'command', command: 'python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/slow.py' }] },
        ],
        SessionEnd: [
          { hooks: [{ type: 'command', command: process.execPath, args: ['-e', 'require("fs").readFileSync(0)'] }] },
        ],
      },
    }),
  );
});

describe('hookpack profile measures start-up instead of guessing it', () => {
  let report: ProfileReport;
  let text: string;
  beforeAll(async () => {
    const json = await runCli([profile], ['profile', '--runs', '3', '--json'], { cwd: project, env });
    expect(json.code).toBe(0);
    report = JSON.parse(json.stdout) as ProfileReport;
    const plain = await runCli([profile], ['profile', '--runs', '3'], { cwd: project, env });
    expect(plain.code).toBe(0);
    text = plain.stdout;
  }, 60_000);

  it("measures each interpreter's empty start, launched as its hook launches it, as often as the hooks", () => {
    expect(report.emptyStarts.map((s) => [s.label, s.hooks])).toEqual([
      ['sh -c :', 1],
      ['python3 -c pass', 1],
      ['node -e 0', 1],
    ]);
    expect(report.emptyStarts[2]?.command).toBe(process.execPath); // exec form, like its hook
    expect(report.emptyStarts[2]?.args).toEqual(['-e', '0']);
    for (const start of report.emptyStarts) expect(start.medianMs).toBeGreaterThan(0);
    expect(report.hooks.map((h) => h.emptyStart?.label)).toEqual(['sh -c :', 'python3 -c pass', 'node -e 0']);
  });

  it('splits a slow hook into the measured start and its own work, and blames neither on imports', () => {
    // sh starts in a few ms and the hook sleeps 300: the split is unambiguous.
    expect(report.hooks[0]?.hints.find((h) => h.startsWith('of its '))).toMatch(
      /measured beside it; the other [\d.]+ ms is the hook's own work, which profile can't see into .*`sh -x` shows the commands it runs/,
    );
    // python3's start varies a lot on a loaded machine (more so through a pyenv shim): any form is a measurement
    // (its own work named, start-up most of it, or all of it within the noise), none of them a guess.
    expect(report.hooks[1]?.hints.find((h) => h.startsWith('of its '))).toMatch(
      /measured beside it(; the other [\d.]+ ms is the hook's own work|: start-up is all of it, within this machine's noise)/,
    );
    for (const hook of report.hooks) expect(hook.hints.join('\n')).not.toMatch(/imports costs|start-up plus imports/);
  });

  it("quotes in its fixes the tables' own figures", () => {
    const row = (label: string) => text.split('\n').find((l) => l.startsWith(`${label} `)) ?? '';
    for (const [hook, start] of [
      ['sh slow.sh', 'sh -c :'],
      ['python3 slow.py', 'python3 -c pass'],
    ] as const) {
      const hookP50 = row(hook).split(/ {2,}/)[2];
      const startP50 = row(start).split(/ {2,}/)[1];
      expect(hookP50, `${hook} row`).toMatch(/^[\d.]+$/);
      expect(startP50, `${start} row`).toMatch(/^[\d.]+$/);
      const fixes = text.slice(text.indexOf('likely fixes')).replace(/\n {3,5}/g, ' ');
      expect(fixes).toContain(`${hook} (`);
      expect(fixes).toContain(`p50 ${hookP50} ms`);
      expect(fixes).toMatch(
        new RegExp(
          `of its ${hookP50} ms \\(p50\\), \`${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` (alone )?takes ${startP50} ms, measured beside it`,
        ),
      );
    }
    // The rest is the difference of the two printed figures.
    const sh = text.slice(text.indexOf('likely fixes')).replace(/\n {3,5}/g, ' ');
    const [hookP50, startP50] = [row('sh slow.sh').split(/ {2,}/)[2], row('sh -c :').split(/ {2,}/)[1]].map(Number) as [
      number,
      number,
    ];
    const rest = Math.round((hookP50 - startP50) * 10) / 10;
    expect(sh).toContain(
      `\`sh -c :\` takes ${startP50 >= 100 ? startP50 : startP50.toFixed(1)} ms, measured beside it; the other ${rest >= 100 ? Math.round(rest) : rest.toFixed(1)} ms`,
    );
    for (const line of text.split('\n')) if (!line.includes(dir)) expect(line.length).toBeLessThanOrEqual(80);
  });
});
