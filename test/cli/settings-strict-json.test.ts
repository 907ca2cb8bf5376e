// Claude Code 2.1.329 reads settings as strict JSON: a file with a comment or a trailing comma is
// ignored as a whole, hooks and permissions alike (docs/settings-files.md). install and uninstall
// refuse such a file (exit 3, where, the fix, file untouched) as they refuse malformed JSON, and
// nesting deep enough to overflow a recursive parser is a clear exit 3 too, never a stack trace.
import { afterEach, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { runCli } from './_helpers.ts';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const NOT_JSON = [
  [
    'a line comment',
    '{\n  // mine\n  "model": "opus"\n}\n',
    'line 2, column 3: a comment: Claude Code reads settings as strict JSON and ignores a file with comments as a whole (its hooks and permissions do not apply): remove the comments (keep notes in a "$comment" key or a README) and run again; it was not changed',
  ],
  ['a block comment after a value', '{ "model": "opus" /* big */ }\n', 'line 1, column 19: a comment:'],
  ['a comment before the object', '// settings\n{}\n', 'line 1, column 1: a comment:'],
  [
    'a trailing comma in an object',
    '{\n  "model": "opus",\n}\n',
    'line 2, column 18: a trailing comma: Claude Code reads settings as strict JSON and ignores a file with a trailing comma as a whole (its hooks and permissions do not apply): remove the comma and run again; it was not changed',
  ],
  [
    'a trailing comma in an array',
    '{ "permissions": { "deny": ["Read(.env)",] } }\n',
    'line 1, column 41: a trailing comma:',
  ],
  [
    '100,000 nested arrays',
    `{"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`,
    'line 1, column 262: nested more than 256 levels deep, which no settings file needs: fix the file by hand (it must be a JSON object of settings) and run again; it was not changed',
  ],
  ['100,000 unclosed [', `${'['.repeat(100_000)}\n`, 'line 1, column 257: nested more than 256 levels deep'],
] as const;

describe('hookpack install and uninstall on settings that are not strict JSON', () => {
  it.each(NOT_JSON)(
    'install refuses %s, exit 3, saying where, and leaves the file alone',
    async (_name, text, message) => {
      project = makeProject('strict-json-install');
      project.write(text);
      const run = await project.run('install', '--dist', 'dist');
      expect(run.code).toBe(3);
      expect(run.stderr.startsWith(`hookpack: cannot use .claude/settings.json: ${message}`)).toBe(true);
      expect(run.stderr.split('\n')).toHaveLength(2); // one line, no stack trace
      expect(project.read()).toBe(text);
    },
  );

  it.each(NOT_JSON)('uninstall refuses %s too', async (_name, text, message) => {
    project = makeProject('strict-json-uninstall');
    project.write(text);
    const run = await project.run('uninstall', '--dist', 'dist');
    expect(run.code).toBe(3);
    expect(run.stderr.startsWith(`hookpack: cannot use .claude/settings.json: ${message}`)).toBe(true);
    expect(project.read()).toBe(text);
  });

  it('accepts "//" and "/*" inside strings, and "$comment" keys (Claude Code does too)', async () => {
    project = makeProject('strict-json-strings');
    project.write('{\n  "$comment": "see https://example.com/* for notes",\n  "env": { "URL": "http://x//y" }\n}\n');
    const run = await project.run('install', '--dist', 'dist');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('doctor and list report 100,000 nested arrays instead of overflowing the stack', async () => {
    project = makeProject('strict-json-deep');
    project.write(`{"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`);
    const checked = await runCli([doctor], ['doctor', '--json'], { cwd: project.dir, env: project.env });
    expect(checked.code).toBe(1);
    const findings = (JSON.parse(checked.stdout) as { findings: Finding[] }).findings;
    expect(findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'settings-invalid',
        layer: 'project',
        message: expect.stringContaining('1:262: nested more than 256 levels deep'),
      }),
    );
    const listed = await project.run('list', '--dist', 'dist');
    expect(listed.stdout).toContain(
      'error: cannot use .claude/settings.json: line 1, column 262: nested more than 256 levels deep',
    );
  });
});
