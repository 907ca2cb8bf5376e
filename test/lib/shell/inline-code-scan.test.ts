import { describe, expect, it } from 'vitest';
import { hasBadSubstitution } from '../../../lib/shell/bad-substitution.ts';
import { inlineCodeScripts } from '../../../lib/shell/inline-code.ts';
import { inlinePrograms, stdinProgramLanguage } from '../../../lib/shell/inline-programs.ts';
import { sshRemoteScript } from '../../../lib/shell/remote-command.ts';

describe('inlinePrograms finds the program on an interpreter command line', () => {
  it.each([
    [['python3', '-c', 'X'], [{ language: 'python', code: 'X' }]],
    [['python3', '-W', 'ignore', '-c', 'X', 'arg'], [{ language: 'python', code: 'X' }]],
    [['node', '-e', 'X'], [{ language: 'node', code: 'X' }]],
    [['node', '--print', 'X'], [{ language: 'node', code: 'X' }]],
    [['deno', 'eval', 'X'], [{ language: 'node', code: 'X' }]],
    [['bun', '-e', 'X'], [{ language: 'node', code: 'X' }]],
    [['perl', '-ne', 'X', 'file'], [{ language: 'perl', code: 'X' }]],
    [['perl', '-e', 'A', '-e', 'B'], [{ language: 'perl', code: 'A\nB' }]],
    [['ruby', '-e', 'X'], [{ language: 'ruby', code: 'X' }]],
    [['php', '-r', 'X'], [{ language: 'php', code: 'X' }]],
    [['awk', '-F,', 'X', 'file'], [{ language: 'awk', code: 'X' }]],
    [['pwsh', '-NoProfile', '-Command', 'A', 'B'], [{ language: 'powershell', code: 'A B' }]],
    [
      ['powershell.exe', '-enc', Buffer.from('X', 'utf16le').toString('base64')],
      [{ language: 'powershell', code: 'X' }],
    ],
    [['python3', 'script.py', '-c', 'X'], []],
    [['node', 'server.js'], []],
    [['awk', '-f', 'prog.awk', 'file'], []],
    [['pwsh', '-File', 'x.ps1'], []],
    [['ls', '-c', 'X'], []],
  ])('%j', (argv, expected) => {
    expect(inlinePrograms(argv)).toEqual(expected);
  });

  it.each([
    [['python3', '-'], 'python'],
    [['python3'], 'python'],
    [['node'], 'node'],
    [['python3', 'x.py'], undefined],
    [['python3', '-c', 'X'], undefined],
    [['python3', '-m', 'json.tool'], undefined],
  ])('%j reads its program from stdin: %s', (argv, expected) => {
    expect(stdinProgramLanguage(argv)).toBe(expected);
  });
});

describe('inlineCodeScripts turns calls with literal arguments into shell commands', () => {
  it.each([
    ['python', `os.system("rm -rf /")`, ['rm -rf /']],
    ['python', `subprocess.run(["rm", "-rf", "/tmp/a b"])`, [`rm -rf '/tmp/a b'`]],
    ['python', `os.system(f"rm -rf {d}")`, ['rm -rf $CODE_VALUE']],
    ['python', `os.system(r"echo \\n")`, ['echo \\n']],
    ['python', `os.system("echo \\x41\\u0042")`, ['echo AB']],
    ['python', `os.system(cmd)`, []],
    ['python', `shutil.rmtree(d)`, []],
    ['python', `open("a.txt", "w")`, [': > a.txt']],
    ['python', `open("a.txt")`, ['cat a.txt']],
    ['node', `execSync("ls")`, []],
    ['node', `require("child_process").execSync("ls")`, ['ls']],
    ['node', 'require("child_process").execSync(`rm -rf ${dir}`)', ['rm -rf $CODE_VALUE']],
    ['node', `fs.rmSync("x")`, ['rm -f x']],
    ['node', `fs.rmSync("x", {recursive: true})`, ['rm -rf x']],
    ['ruby', `system('it''s')`, ['it']],
    ['ruby', `puts "#{x}"`, []],
    ['perl', `system "ls", "-la"`, ['ls -la']],
    ['perl', `print "a" . "b"`, []],
    ['php', `system("a" . "b");`, ['ab']],
    ['awk', `BEGIN { system("echo \\"hi\\"") }`, ['echo "hi"']],
  ])('%s: %s', (language, code, expected) => {
    expect(inlineCodeScripts(language as 'python', code)).toEqual(expected);
  });
});

describe('sshRemoteScript', () => {
  it.each([
    [['ssh', 'host', 'ls', '-la'], 'ls -la'],
    [['ssh', '-p', '22', 'host', 'uptime'], 'uptime'],
    [['ssh', '-p22', '-tt', 'host', 'uptime'], 'uptime'],
    [['ssh', 'host', '-t', 'uptime'], 'uptime'],
    [['ssh', '-o', 'RemoteCommand=uptime', 'host'], 'uptime'],
    [['ssh', 'host', '--', 'uptime'], 'uptime'],
    [['ssh', '-M', 'host', 'uptime'], 'uptime'],
    [['autossh', '-M', '0', 'host', 'uptime'], 'uptime'],
    [['ssh', 'host'], undefined],
    [['ssh', '-L', '8080:localhost:80', 'host'], undefined],
    [['scp', 'a', 'host:b'], undefined],
  ])('%j runs %j', (argv, expected) => {
    expect(sshRemoteScript(argv)).toBe(expected);
  });
});

describe('hasBadSubstitution', () => {
  it.each([
    ['v${Date.now()}', true],
    ['${a.b}', true],
    ['${}', true],
    ['${HOME}', false],
    ['${HOME:-/x}', false],
    ['${#arr[@]}', false],
    ['${!prefix*}', false],
    ['${1}', false],
    ['${@}', false],
    ['${x//a/b}', false],
    ['$HOME', false],
  ])('%s: %s', (word, expected) => {
    expect(hasBadSubstitution(word)).toBe(expected);
  });
});
