import { describe, expect, it } from 'vitest';
import { programText, readsProgramFromStdin, shellCommandString } from '../../../lib/shell/interpreters.ts';

describe('readsProgramFromStdin tells whether piped data runs as code', () => {
  it.each([
    [['sh'], true],
    [['/bin/bash'], true],
    [['bash', '-s', '--', '--yes'], true],
    [['bash', '-'], true],
    [['bash', '-x'], true],
    [['bash', '-c', 'cat'], false],
    [['bash', 'install.sh'], false],
    [['python3'], true],
    [['python3', '-'], true],
    [['python3', '-m', 'json.tool'], false],
    [['python', '-c', 'import sys'], false],
    [['python3', '-W', 'ignore', 'script.py'], false],
    [['node'], true],
    [['node', '-e', 'x'], false],
    [['node', '--eval=x'], false],
    [['node', '-r', 'ts-node/register'], true],
    [['perl'], true],
    [['perl', '-ne', 'print'], false],
    [['ruby', '-e', 'p 1'], false],
    [['source', '/dev/stdin'], true],
    [['$SHELL'], true],
    [['jq', '.'], false],
  ])('%j: %s', (argv, expected) => {
    expect(readsProgramFromStdin(argv)).toBe(expected);
  });
});

describe('shellCommandString finds the -c script', () => {
  it.each([
    [['bash', '-c', 'date'], 'date'],
    [['zsh', '-xc', 'date', 'name'], 'date'],
    [['sh', '-o', 'errexit', '-c', 'date'], 'date'],
    [['bash', '+o', 'history', '-c', 'date'], 'date'],
    [['bash', 'script.sh', '-c'], undefined],
    [['bash', '-c'], undefined],
    [['python', '-c', 'print(1)'], undefined],
  ])('%j: %j', (argv, expected) => {
    expect(shellCommandString(argv)).toBe(expected);
  });
});

describe('programText finds the word that holds the program', () => {
  it.each([
    [['bash', '-c', 'date', 'name'], 'date'],
    [['sh', '<(curl x)'], '<(curl x)'],
    [['bash', 'script.sh', '$(curl x)'], 'script.sh'],
    [['python3', '-c', 'print(1)', 'data'], 'print(1)'],
    [['python3', 'tool.py', '$(curl x)'], 'tool.py'],
    [['node', '--eval', 'x()'], 'x()'],
    [['perl', '-e', 'print 1'], 'print 1'],
    [['eval', 'a', 'b'], 'a b'],
    [['source', '<(curl x)'], '<(curl x)'],
    [['python3'], undefined],
  ])('%j: %j', (argv, expected) => {
    expect(programText(argv)).toBe(expected);
  });
});
