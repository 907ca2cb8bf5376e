// The context hooks inside the real client: what they add reaches the model in the next request,
// oversized context arrives cut by us (with our marker) rather than as the client's
// <persisted-output> preview, and every tool call is recorded.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, inspect, ROOT, runScenario, type ScenarioRun } from './_harness.ts';

const runs: ScenarioRun[] = [];
afterAll(() => runs.forEach(cleanup));

const gitEnv = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'e2e',
  GIT_AUTHOR_EMAIL: 'e2e@example.invalid',
  GIT_COMMITTER_NAME: 'e2e',
  GIT_COMMITTER_EMAIL: 'e2e@example.invalid',
};
function gitRepo(project: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: project, env: { ...process.env, ...gitEnv }, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', 'notes.md');
  git('commit', '-q', '-m', 'Add the migration notes');
}
const KNOWLEDGE = JSON.stringify([
  { keywords: ['migration'], check: 'Run npm run db:check before committing a migration' },
]);

describe.each(['per-hook', 'per-event'] as const)('context hooks inside Claude Code, wired %s', (layout) => {
  let run: ScenarioRun;
  it('runs a multi-tool session in a git repository', async () => {
    run = await runScenario({
      layout,
      permissionArgs: ['--permission-mode', 'acceptEdits', '--allowedTools', 'Bash,Read,Write,Edit,Glob'],
      files: { 'notes.md': '# notes\n', '.claude/knowledge-checks.json': KNOWLEDGE },
      setup: ({ project }) => gitRepo(project),
      prompt: 'please write the users migration',
      script: ({ project }) => ({
        turns: [
          { tool: 'Bash', input: { command: 'echo hello > ./out.txt', description: 'x' } },
          { tool: 'Read', input: { file_path: join(project, 'notes.md') } },
          { tool: 'Write', input: { file_path: join(project, 'src', 'migration.sql'), content: 'select 1;\n' } },
          { tool: 'Glob', input: { pattern: '**/*.sql' } },
          { text: 'done' },
        ],
      }),
    });
    runs.push(run);
    expect(run.results).toHaveLength(4);
  });

  it('delivers session-context to the model: branch and last commit', () => {
    const hits = inspect().findText(run.requests, 'SessionStart hook additional context: git: branch main');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.snippet).toContain('Add the migration notes');
  });

  it('delivers only the relevant prompt-context note to the model', () => {
    expect(
      inspect().findText(run.requests, 'Run npm run db:check before committing a migration').length,
    ).toBeGreaterThan(0);
  });

  it('records every tool call of the run in the session bundle', () => {
    const dir = join(run.project, '.claude', 'context-bundles');
    const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
    expect(files).toHaveLength(1);
    const records = readFileSync(join(dir, files[0] as string), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r.tool)).toEqual(['Bash', 'Read', 'Write', 'Glob']);
    expect(records[0]).toMatchObject({ command: 'echo hello > ./out.txt', success: true });
    expect(records[2]).toMatchObject({ paths: ['src/migration.sql'] });
  });

  it('writes one telemetry line per hook run', () => {
    const count = (hook: string) => run.telemetry.filter((l) => l.hook === hook).length;
    expect(count('session-context')).toBe(1);
    expect(count('prompt-context')).toBe(1);
    expect(count('bash-guard')).toBe(1); // one Bash call
    expect(count('file-guard')).toBe(3); // Read, Write and Glob
    expect(count('context-bundle')).toBe(4); // every tool call
    expect(run.telemetry).toHaveLength(10);
  });

  it('never produces an answer the client rejects', () => {
    expect(run.hookEventText).not.toContain('Hook JSON output validation failed');
  });
});

describe('oversized context inside Claude Code', () => {
  it('arrives cut by hookpack with its marker, not as a <persisted-output> preview', async () => {
    const run = await runScenario({
      layout: 'per-hook',
      hooksDir: join(ROOT, 'test', 'hook-fixtures'),
      prompt: 'context 25000',
      script: { turns: [{ text: 'done' }] },
    });
    runs.push(run);
    const { findText } = inspect();
    const hits = findText(run.requests, 'UserPromptSubmit hook additional context:');
    expect(hits.length).toBeGreaterThan(0);
    expect(findText(run.requests, '[… truncated by hookpack:').length).toBeGreaterThan(0);
    expect(findText(run.requests, 'persisted-output')).toEqual([]);
  });
});
