import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../lib/guards/bash-guard.ts';
import { compileBashRules } from '../../../lib/guards/bash-rule-compile.ts';
import type { BashRule } from '../../../lib/guards/bash-rule-types.ts';

const HOME = '/home/ada';
const CWD = '/home/ada/repo';
const ruleFor = (rule: BashRule, command: string) =>
  analyzeCommand(command, { home: HOME, cwd: CWD, rules: compileBashRules([rule], { home: HOME }) })?.rule;

// A rule without `command` of its own is tried on every command: through its anyOf entries'
// names, a redirection, a command that prints files. These are the commands it must reach (and
// the look-alikes it must not match), whatever shortcut the matcher takes.
const SRV_WRITE: BashRule = {
  id: 'r',
  reason: 'x',
  anyOf: [{ redirectTo: ['/srv/**'] }, { command: ['cp'], lastPath: ['/srv/**'] }],
};
const GLOB_OR_REDIRECT: BashRule = {
  id: 'r',
  reason: 'x',
  anyOf: [{ command: ['mkfs.*'] }, { redirectTarget: ['outside'] }],
};
const SECRET: BashRule = { id: 'r', reason: 'x', readsSecret: true };
const SECRET_OR_RM: BashRule = { id: 'r', reason: 'x', anyOf: [{ readsSecret: true }, { command: ['rm'] }] };

describe('bash-guard rules without command names', () => {
  it.each([
    [SRV_WRITE, 'echo x > /srv/app/conf', true],
    [SRV_WRITE, 'cp ./conf /srv/app/conf', true],
    [SRV_WRITE, 'CP ./conf /srv/app/conf', true],
    [SRV_WRITE, 'sudo cp ./conf /srv/app/conf', true],
    [SRV_WRITE, '$CP ./conf /srv/app/conf', true],
    [SRV_WRITE, 'mv ./conf /srv/app/conf', false],
    [SRV_WRITE, 'echo x > ./conf', false],
    [GLOB_OR_REDIRECT, 'mkfs.ext4 /dev/sdb1', true],
    [GLOB_OR_REDIRECT, 'echo x > /opt/notes', true],
    [GLOB_OR_REDIRECT, 'echo x > ./notes', false],
    [SECRET, 'cat .env', true],
    [SECRET, 'wc -l < .env', true],
    [SECRET, 'env FOO=1 head -3 ~/.ssh/id_rsa', true],
    [SECRET, 'ls -la .env', false],
    [SECRET_OR_RM, 'rm notes.txt', true],
    [SECRET_OR_RM, 'tail .env', true],
    [SECRET_OR_RM, 'touch .env', false],
  ])('%j on %j matches: %s', (rule, command, matches) => {
    expect(ruleFor(rule, command)).toBe(matches ? 'r' : undefined);
  });
});
