import { describe, expect, it } from 'vitest';
import { projectRelative, toolPaths, toolRecord, toolSucceeded } from '../../../lib/context/tool-record.ts';

const project = '/home/u/proj';
const now = new Date('2026-11-21T10:00:00.000Z');

describe('toolPaths', () => {
  it.each([
    ['Edit', { file_path: '/home/u/proj/src/app.ts', old_string: 'a', new_string: 'b' }, ['src/app.ts']],
    ['Read', { file_path: '/etc/hosts' }, ['/etc/hosts']],
    ['NotebookEdit', { notebook_path: '/home/u/proj/nb/a.ipynb', new_source: 'x' }, ['nb/a.ipynb']],
    ['Glob', { pattern: '**/*.ts', path: '/home/u/proj' }, ['.']],
    ['Grep', { pattern: 'TODO', path: 'lib' }, ['sub/lib']],
    ['Glob without path', { pattern: '*.md' }, []],
    ['MultiEdit', { file_path: '/home/u/proj/a.ts', edits: [{ old_string: 'a', new_string: 'b' }] }, ['a.ts']],
    [
      'edits naming files',
      { edits: [{ file_path: '/home/u/proj/a.ts' }, { file_path: '/home/u/proj/a.ts' }, null, { file_path: 7 }] },
      ['a.ts'],
    ],
    ['a paths list', { paths: ['/home/u/proj/x', '/home/u/proj/y', 3] }, ['x', 'y']],
    ['a sibling directory', { file_path: '/home/u/project2/a.ts' }, ['/home/u/project2/a.ts']],
    ['a NUL byte', { file_path: '/home/u/proj/a\0b' }, []],
  ])('%s', (_label, input, paths) => {
    expect(toolPaths(input, '/home/u/proj/sub', project)).toEqual(paths);
  });

  it('keeps at most 20 paths', () => {
    expect(
      toolPaths({ paths: Array.from({ length: 30 }, (_, i) => `/home/u/proj/f${i}`) }, project, project),
    ).toHaveLength(20);
  });
});

describe('projectRelative', () => {
  it('resolves `..` before deciding', () => {
    expect(projectRelative('/home/u/proj/src/../../other/x', project, project)).toBe('/home/u/other/x');
  });
});

describe('toolSucceeded', () => {
  it.each([
    [{ stdout: '', stderr: '', interrupted: false, isImage: false }, true],
    [{ stdout: '', stderr: '', interrupted: true, isImage: false }, false],
    [{ filePath: '/a', success: false }, false],
    [{ filePath: '/a', success: true }, true],
    [{ is_error: true }, false],
    [{ isError: true, content: [] }, false],
    [[{ type: 'text', text: 'mcp' }], true],
    ['plain text', true],
    [undefined, true],
  ])('%j → %s', (response, success) => {
    expect(toolSucceeded(response)).toBe(success);
  });
});

describe('toolRecord', () => {
  it('records a Bash call with its command, outcome and duration, keys in the documented order', () => {
    const record = toolRecord(
      {
        cwd: project,
        tool_name: 'Bash',
        tool_input: { command: 'npm test', description: 'run tests' },
        tool_response: { stdout: 'ok', stderr: '', interrupted: false, isImage: false },
        tool_use_id: 'toolu_1',
        duration_ms: 1200,
      },
      project,
      now,
    );
    expect(JSON.stringify(record)).toBe(
      '{"ts":"2026-11-21T10:00:00.000Z","tool":"Bash","paths":[],"command":"npm test","success":true,"duration_ms":1200,"tool_use_id":"toolu_1"}',
    );
  });

  it('cuts a long command at 300 characters', () => {
    const record = toolRecord(
      { cwd: project, tool_name: 'Bash', tool_input: { command: 'x'.repeat(1000) }, tool_use_id: 't' },
      project,
      now,
    );
    expect(record.command).toBe(`${'x'.repeat(299)}…`);
  });

  it('records a Write without command or duration', () => {
    const record = toolRecord(
      {
        cwd: project,
        tool_name: 'Write',
        tool_input: { file_path: '/home/u/proj/a.md', content: 'x' },
        tool_response: { filePath: '/home/u/proj/a.md', success: true },
        tool_use_id: 't',
      },
      project,
      now,
    );
    expect(record).toEqual({
      ts: '2026-11-21T10:00:00.000Z',
      tool: 'Write',
      paths: ['a.md'],
      success: true,
      tool_use_id: 't',
    });
  });

  it('ignores a `command` key of a tool that is not a shell', () => {
    expect(
      toolRecord(
        { cwd: project, tool_name: 'mcp__x__run', tool_input: { command: 'x' }, tool_use_id: 't' },
        project,
        now,
      ),
    ).not.toHaveProperty('command');
  });
});
