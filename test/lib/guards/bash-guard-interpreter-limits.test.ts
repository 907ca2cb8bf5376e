import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../lib/guards/bash-guard.ts';
import { buildBashGuardPolicy } from '../../../lib/guards/bash-guard-config.ts';

const HOME = '/home/ada';
const { rules } = buildBashGuardPolicy([], { home: HOME });
const ruleFor = (command: string) => analyzeCommand(command, { home: HOME, cwd: `${HOME}/repo`, rules })?.rule;

// A crafted one-liner must not make the scanner's work grow with the square of its size, nor hide
// a call past what it reads: past the caps the command is refused as too large.
describe('bash-guard bounds the interpreter scanner', () => {
  it.each([
    ['8,000 unterminated os.system( calls', `python3 -c '${'os.system("x '.repeat(8000)}'`],
    ['300 Perl backquote commands', `perl -e '${'`ls` '.repeat(300)}'`],
    ['300 awk writes', `awk 'BEGIN { ${'print 1 > "out"; '.repeat(300)} }'`],
    ['300 PowerShell deletions', `pwsh -c '${'Remove-Item x; '.repeat(300)}'`],
  ])('refuses %s as too large', (_name, command) => {
    expect(ruleFor(command)).toBe('command-too-large');
  });

  it.each([
    ['a 90 KB literal', `python3 -c 'os.system("echo ${'a'.repeat(90_000)}")'`],
    ['20,000 awk prints without a redirection', `awk '${'print '.repeat(20_000)}'`],
    ['5,000 aliased imports', `python3 -c '${'import os as a; '.repeat(5000)}a.system("ls")'`],
  ])('reads %s to the end and lets it through', (_name, command) => {
    expect(ruleFor(command)).toBeUndefined();
  });

  it('still finds the dangerous call after a long harmless literal', () => {
    expect(ruleFor(`python3 -c 'print("${'a'.repeat(50_000)}"); import shutil; shutil.rmtree("/")'`)).toBe(
      'rm-recursive-root',
    );
  });
});
