import { describe, expect, it } from 'vitest';
import { fileOperationOf, filePathOf } from '../../../lib/guards/file-guard-tools.ts';

describe('fileOperationOf', () => {
  it.each([
    ['Read', 'read'],
    ['Write', 'write'],
    ['Edit', 'write'],
    ['MultiEdit', 'write'],
    ['NotebookEdit', 'write'],
    ['Bash', undefined],
    ['constructor', undefined],
    ['toString', undefined],
  ])('%s is %s', (tool, operation) => {
    expect(fileOperationOf(tool)).toBe(operation);
  });
});

describe('filePathOf', () => {
  it.each([
    ['Write', { file_path: '/r/a.ts', content: 'x' }, '/r/a.ts'],
    ['Edit', { file_path: '/r/a.ts', old_string: 'a', new_string: 'b' }, '/r/a.ts'],
    ['MultiEdit', { file_path: '/r/a.ts', edits: [] }, '/r/a.ts'],
    ['Read', { file_path: '/r/a.ts', offset: 1 }, '/r/a.ts'],
    ['NotebookEdit', { notebook_path: '/r/n.ipynb', new_source: 'x' }, '/r/n.ipynb'],
    ['NotebookEdit', { file_path: '/r/n.ipynb' }, undefined],
    ['Write', { content: 'x' }, undefined],
    ['Write', { file_path: '' }, undefined],
    ['Write', { file_path: 42 }, undefined],
    ['Write', null, undefined],
    ['Bash', { file_path: '/r/.env' }, undefined],
  ])('%s with %j targets %j', (tool, input, path) => {
    expect(filePathOf(tool, input)).toBe(path);
  });
});
