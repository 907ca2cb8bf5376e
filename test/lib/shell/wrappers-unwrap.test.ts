import { describe, expect, it } from 'vitest';
import { unwrapCommand } from '../../../lib/shell/wrappers.ts';

const innermost = (argv: string[]) => unwrapCommand(argv).views.at(-1);

describe('unwrapCommand finds the command a wrapper runs', () => {
  it.each([
    [
      ['sudo', '-u', 'root', '-E', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['sudo', '--user=root', '--', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['doas', '-u', 'root', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['/usr/bin/env', '-i', 'A=1', 'B=2', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['env', '-', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['env', '-u', 'HOME', '-C', '/tmp', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['command', '-p', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['builtin', 'cd', '/'],
      ['cd', '/'],
    ],
    [
      ['exec', '-a', 'name', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['nohup', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['time', '-p', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['nice', '-n', '10', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['nice', '-10', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['ionice', '-c', '3', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['timeout', '--signal=KILL', '-k', '5', '30s', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['stdbuf', '-oL', '-e', '0', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['xargs', '-0', '-I', '{}', '-P', '4', 'rm', '{}'],
      ['rm', '{}'],
    ],
    [
      ['watch', '-x', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['setsid', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['busybox', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['coproc', 'rm', 'x'],
      ['rm', 'x'],
    ],
    [
      ['sudo', 'env', 'nice', 'timeout', '5', 'rm', 'x'],
      ['rm', 'x'],
    ],
  ])('%j runs %j', (argv, expected) => {
    expect(innermost(argv)).toEqual(expected);
  });

  it.each([
    [['eval', 'rm', '-rf', '/'], ['rm -rf /']],
    [['watch', '-n', '1', 'rm', '-rf', '/'], ['rm -rf /']],
    [['su', '-', 'root', '-c', 'rm x'], ['rm x']],
    [['su', '--command=rm x'], ['rm x']],
    [['env', '-S', 'rm x'], ['rm x']],
    [['bash', '-c', 'rm x', 'arg0'], ['rm x']],
    [['sh', '-ec', 'rm x'], ['rm x']],
    [['bash', '--norc', '-o', 'pipefail', '-c', 'rm x'], ['rm x']],
    [['sudo', 'bash', '-c', 'rm x'], ['rm x']],
    [['trap', 'rm x', 'EXIT'], ['rm x']],
    [['flock', '/tmp/lock', '-c', 'rm x'], ['rm x']],
    [['script', '-qc', 'rm x', '/dev/null'], ['rm x']],
  ])('%j runs the script %j', (argv, scripts) => {
    expect(unwrapCommand(argv).scripts).toEqual(scripts);
  });

  it.each([
    [['command', '-v', 'rm']],
    [['sudo', '-l']],
    [['bash', 'script.sh']],
    [['trap', '-p']],
    [['rm', '-rf', 'x']],
  ])('%j runs nothing else', (argv) => {
    const unwrapped = unwrapCommand(argv);
    expect([unwrapped.views.length, unwrapped.scripts]).toEqual([1, []]);
  });

  it('marks where xargs appends its input', () => {
    expect(unwrapCommand(['sudo', 'xargs', 'rm']).stdinArgsFrom).toBe(2);
  });
});
