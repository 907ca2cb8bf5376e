// file-guard on Claude Code's own search tools, with the real client: before it, a Grep in content
// mode returned .env lines to the model while a Read of .env was denied. The project is a git
// repository that ignores .env (ripgrep then skips it, unless a glob overrides that).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, runScenario, type ScenarioRun } from './_harness.ts';

const runs: ScenarioRun[] = [];
afterAll(() => runs.forEach(cleanup));

describe.each(['per-hook', 'per-event'] as const)(
  'file-guard on Grep and Glob inside Claude Code, wired %s',
  (layout) => {
    let run: ScenarioRun;
    it('runs the scripted session', async () => {
      run = await runScenario({
        layout,
        permissionArgs: ['--permission-mode', 'default', '--allowedTools', 'Bash,Grep,Glob,Read'],
        files: {
          '.env': 'TOKEN=sentinel-env\n',
          '.gitignore': '.env\n',
          'src/app.ts': 'const sentinel = "sentinel-code";\n',
        },
        setup: ({ project }) => {
          execFileSync('git', ['init', '-q'], { cwd: project });
          // The run's throwaway HOME (a sibling of the project) gets a key to protect.
          mkdirSync(join(project, '..', 'home', '.ssh'), { recursive: true });
          writeFileSync(join(project, '..', 'home', '.ssh', 'id_ed25519'), 'sentinel-key\n');
        },
        script: ({ project }) => ({
          turns: [
            { tool: 'Grep', input: { pattern: 'sentinel', path: '.env', output_mode: 'content' } },
            { tool: 'Grep', input: { pattern: 'sentinel', glob: '.env*', output_mode: 'content' } },
            { tool: 'Grep', input: { pattern: 'sentinel', output_mode: 'content' } },
            { tool: 'Glob', input: { pattern: '*', path: join(project, '..', 'home', '.ssh') } },
            { text: 'done' },
          ],
        }),
      });
      runs.push(run);
      expect(run.results).toHaveLength(4);
    });

    it('stops a Grep of .env and a Grep whose glob overrides .gitignore: no secret reaches the model', () => {
      expect(run.results[0]).toEqual({
        is_error: true,
        text: expect.stringMatching(
          /^PreToolUse:Grep hook error: file-guard blocked searching \.env \(rule "env-files"\)/,
        ),
      });
      expect(run.results[1]?.text).toMatch(/file-guard blocked searching with the glob "\.env\*"/);
      expect(JSON.stringify(run.results)).not.toContain('sentinel-env');
    });

    it('lets a plain Grep of the project through (ripgrep skips the ignored .env)', () => {
      expect(run.results[2]).toEqual({ is_error: false, text: expect.stringContaining('sentinel-code') });
    });

    it('stops a Glob listing ~/.ssh', () => {
      expect(run.results[3]?.text).toMatch(/file-guard blocked listing ~\/\.ssh \(rule "ssh-dir"\)/);
      expect(JSON.stringify(run.results)).not.toContain('id_ed25519');
    });
  },
);
