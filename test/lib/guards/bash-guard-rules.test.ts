import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../lib/guards/bash-guard.ts';
import { compileBashRules } from '../../../lib/guards/bash-rule-compile.ts';
import type { BashRule } from '../../../lib/guards/bash-rule-types.ts';
import { validateBashRule } from '../../../lib/guards/bash-rule-validate.ts';
import { DEFAULT_BASH_RULES } from '../../../lib/guards/bash-rules.default.ts';

const HOME = '/home/ada';
const CWD = '/home/ada/repo';
const ruleFor = (rule: BashRule, command: string) =>
  analyzeCommand(command, { home: HOME, cwd: CWD, rules: compileBashRules([rule], { home: HOME }) })?.rule;

describe('bash-guard built-in rules', () => {
  it('are valid rules, as a user would write them', () => {
    DEFAULT_BASH_RULES.forEach((rule, index) => {
      expect(validateBashRule('built-in rules', `[${index}]`, JSON.parse(JSON.stringify(rule)))).toEqual(rule);
    });
  });

  it('have unique ids', () => {
    const ids = DEFAULT_BASH_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('bash-guard rule language', () => {
  it.each([
    [{ id: 'r', reason: 'x', command: ['mkfs.*'] }, 'mkfs.xfs /dev/sdb', true],
    [
      { id: 'r', reason: 'x', command: ['git'], subcommand: ['clean'], anyFlag: ['f', 'force'] },
      'git clean -fdx',
      true,
    ],
    [{ id: 'r', reason: 'x', command: ['git'], subcommand: ['clean'], anyFlag: ['f', 'force'] }, 'git clean -n', false],
    [
      { id: 'r', reason: 'x', command: ['git'], valueOptions: ['C'], subcommand: ['reset'] },
      'git -C reset status',
      false,
    ],
    [{ id: 'r', reason: 'x', command: ['npm'], anyArg: ['publish'] }, 'npm publish --access public', true],
    [
      { id: 'r', reason: 'x', command: ['rsync'], anyFlag: ['delete'], anyPathAbove: ['~'] },
      'rsync -a --del empty/ ~/',
      true,
    ],
    [{ id: 'r', reason: 'x', command: ['cp'], lastPath: ['/srv/**'] }, 'cp /srv/app/x ./x', false],
    [{ id: 'r', reason: 'x', command: ['cp'], lastPath: ['/srv/**'] }, 'cp ./x /srv/app/x', true],
    [{ id: 'r', reason: 'x', command: ['kubectl'], maxOperands: 1 }, 'kubectl apply', true],
    [{ id: 'r', reason: 'x', redirectTo: ['~/.bashrc'] }, 'echo alias x=y >> ~/.bashrc', true],
    [{ id: 'r', reason: 'x', pipeFrom: ['cat'], pipeTo: ['sh'] }, 'cat script | sh', true],
    [{ id: 'r', reason: 'x', anyOf: [{ command: ['shutdown'] }, { command: ['reboot'] }] }, 'sudo reboot', true],
  ])('%j on %j matches: %s', (rule, command, matches) => {
    expect(ruleFor(rule as BashRule, command)).toBe(matches ? 'r' : undefined);
  });
});
