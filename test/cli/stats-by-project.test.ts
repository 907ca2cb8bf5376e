// `hookpack stats` shows the current project's runs by default, every project's with --all, and
// says how many it left out and why (other projects; lines written before projects were recorded).
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stats } from '../../cli/commands/stats.ts';
import type { StatsRow } from '../../cli/stats/aggregate.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('stats-project');
afterAll(cleanup);
const env = cleanEnv(dir);
const alpha = join(dir, 'alpha');
const beta = join(dir, 'beta');
mkdirSync(join(alpha, '.claude', 'hooks'), { recursive: true });
mkdirSync(join(alpha, 'src', 'deep'), { recursive: true });
mkdirSync(join(beta, '.git'), { recursive: true });
symlinkSync(alpha, join(dir, 'alpha-link'));
const ts = new Date(Date.now() - 60_000).toISOString();
const line = (hook: string, project?: string) =>
  JSON.stringify({
    ts,
    hook,
    event: 'PreToolUse',
    ms: 3,
    exit: 0,
    decision: 'none',
    cacheHits: 0,
    cacheMisses: 0,
    breakers: [],
    ...(project === undefined ? {} : { project }),
  });
writeFile(
  join(env.HOOKPACK_HOME as string, 'telemetry.jsonl'),
  `${[
    line('alpha-guard', alpha),
    line('alpha-guard', join(alpha, 'src')), // a session started below the root
    line('alpha-guard', join(dir, 'alpha-link')), // through a symlink
    line('beta-guard', beta),
    line('old-hook'),
    line('old-hook'),
  ].join('\n')}\n`,
);

interface Report {
  project: string | null;
  runs: number;
  otherProjects: number;
  withoutProject: number;
  hooks: StatsRow[];
  projects?: { project: string | null; runs: number }[];
}
const json = async (args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}) => {
  const run = await runCli([stats], ['stats', ...args, '--json'], { cwd, env: { ...env, ...extra } });
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Report;
};

describe('hookpack stats per project', () => {
  it("shows the project of the current directory, however its sessions' directories were written", async () => {
    const report = await json([], join(alpha, 'src', 'deep'));
    expect(report).toMatchObject({ project: alpha, runs: 3, otherProjects: 1, withoutProject: 2 });
    expect(report.hooks.map((h) => [h.name, h.runs])).toEqual([['alpha-guard', 3]]);
  });

  it('takes the project from $CLAUDE_PROJECT_DIR when it is set', async () => {
    const report = await json([], dir, { CLAUDE_PROJECT_DIR: beta });
    expect(report.hooks.map((h) => [h.name, h.runs])).toEqual([['beta-guard', 1]]);
  });

  it('says what it left out and that --all shows it', async () => {
    const run = await runCli([stats], ['stats'], { cwd: alpha, env });
    expect(run.code).toBe(0);
    const text = run.stdout.replace(/\n  /g, ' ');
    expect(text).toContain(`hookpack stats: 3 runs of ${alpha} from `);
    expect(text).toContain(
      'not shown: 1 run of other projects and 2 runs recorded without a project (written before hookpack recorded projects, or outside Claude Code); --all shows every run\n',
    );
    expect(text).not.toContain('beta-guard');
  });

  it('shows every run with --all, with runs per project and old lines as "(none recorded)"', async () => {
    const report = await json(['--all'], alpha);
    expect(report).toMatchObject({ project: null, runs: 6, otherProjects: 0, withoutProject: 0 });
    expect(report.projects).toEqual([
      { project: alpha, runs: 3 },
      { project: null, runs: 2 },
      { project: beta, runs: 1 },
    ]);
    const run = await runCli([stats], ['stats', '--all'], { cwd: alpha, env });
    expect(run.stdout).toMatch(/\nproject +runs\n/);
    expect(run.stdout).toMatch(/\n\(none recorded\) +2\n/);
  });

  it('says when this project has no runs while others do', async () => {
    const empty = join(dir, 'gamma');
    mkdirSync(join(empty, '.claude'), { recursive: true });
    const run = await runCli([stats], ['stats'], { cwd: empty, env });
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\n  /g, ' ')).toMatch(
      /^hookpack stats: 0 runs of .*gamma from .*\nnot shown: 4 runs of other projects and 2 runs .*--all shows every run\nno runs in this project\.\n$/,
    );
  });
});

describe('hookpack stats with projects no session would write', () => {
  it('counts a relative, hostile or vanished project as another project, without failing', async () => {
    const other = cleanEnv(join(dir, 'odd'));
    writeFile(
      join(other.HOOKPACK_HOME as string, 'telemetry.jsonl'),
      `${[
        line('a', 'relative/path'),
        line('b', '<script>alert(1)</script>'),
        line('c', join(dir, 'deleted', 'long', 'ago')),
        line('alpha-guard', alpha),
      ].join('\n')}\n`,
    );
    const run = await runCli([stats], ['stats', '--json'], { cwd: alpha, env: other });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ runs: 1, otherProjects: 3, withoutProject: 0 });
  });
});
