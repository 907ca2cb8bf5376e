import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, exists, runScenario, type ScenarioRun } from './_harness.ts';

const runs: ScenarioRun[] = [];
afterAll(() => runs.forEach(cleanup));
const GIT_CONFIG = '[core]\n\trepositoryformatversion = 0\n';

describe.each(['per-hook', 'per-event'] as const)('file-guard inside Claude Code, wired %s', (layout) => {
  let run: ScenarioRun;
  it('runs the scripted session', async () => {
    run = await runScenario({
      layout,
      // acceptEdits lets Write and Edit run without a prompt: only our hook can stop them.
      permissionArgs: ['--permission-mode', 'acceptEdits', '--allowedTools', 'Bash,Read,Write,Edit'],
      files: { '.git/config': GIT_CONFIG, 'src/.keep': '' },
      script: ({ project }) => ({
        turns: [
          { tool: 'Write', input: { file_path: join(project, '.env'), content: 'SECRET=1\n' } },
          { tool: 'Read', input: { file_path: join(project, '.git', 'config') } },
          {
            tool: 'Edit',
            input: {
              file_path: join(project, '.git', 'config'),
              old_string: 'repositoryformatversion = 0',
              new_string: 'repositoryformatversion = 1',
            },
          },
          { tool: 'Write', input: { file_path: join(project, 'src', 'app.ts'), content: 'export const x = 1;\n' } },
          { text: 'done' },
        ],
      }),
    });
    runs.push(run);
    expect(run.results).toHaveLength(4);
  });

  it('stops a Write to .env and tells the model why', () => {
    expect(exists(run, '.env')).toBe(false);
    expect(run.results[0]).toEqual({
      is_error: true,
      text: expect.stringMatching(
        /^PreToolUse:Write hook error: file-guard blocked writing \.env \(rule "env-files"\)/,
      ),
    });
  });

  it('lets a Read of .git/config through but stops an Edit under .git/', () => {
    expect(run.results[1]?.is_error).toBe(false);
    expect(run.results[2]?.text).toMatch(/file-guard blocked writing \.git\/config \(rule "git-internals"\)/);
    expect(readFileSync(join(run.project, '.git', 'config'), 'utf8')).toBe(GIT_CONFIG);
  });

  it('lets a Write to src/ through', () => {
    expect(run.results[3]?.is_error).toBe(false);
    expect(readFileSync(join(run.project, 'src', 'app.ts'), 'utf8')).toBe('export const x = 1;\n');
  });

  it('never produces an answer the client rejects', () => {
    expect(run.hookEventText).toContain('hook_response');
    expect(run.hookEventText).not.toContain('Hook JSON output validation failed');
  });
});
