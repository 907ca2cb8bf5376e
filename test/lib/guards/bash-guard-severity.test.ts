import { describe, expect, it } from 'vitest';
import type { ConfigLayer } from '../../../lib/config.ts';
import { analyzeCommand } from '../../../lib/guards/bash-guard.ts';
import { buildBashGuardPolicy } from '../../../lib/guards/bash-guard-config.ts';
import { HookError } from '../../../lib/runtime/errors.ts';

const HOME = '/home/ada';
const CWD = '/home/ada/repo';
const USER = '/home/ada/.config/hookpack/bash-guard.json';
const PROJECT = '/home/ada/repo/.claude/hookpack/bash-guard.json';
const user = (data: Record<string, unknown>): ConfigLayer => ({ scope: 'user', path: USER, data });
const project = (data: Record<string, unknown>): ConfigLayer => ({ scope: 'project', path: PROJECT, data });

function verdict(layers: ConfigLayer[], command: string, debug?: (message: string) => void) {
  const policy = buildBashGuardPolicy(layers, debug ? { home: HOME, debug } : { home: HOME });
  const found = analyzeCommand(command, { home: HOME, cwd: CWD, ...policy });
  return found && `${found.severity} ${found.rule}`;
}

function configError(layers: ConfigLayer[]): HookError {
  try {
    buildBashGuardPolicy(layers, { home: HOME });
  } catch (error) {
    return error as HookError;
  }
  throw new Error('expected buildBashGuardPolicy to throw');
}

describe('bash-guard severity: deny or ask', () => {
  it.each([
    ['git reset --hard', 'ask git-reset-hard'],
    ['rm -rf ~', 'deny rm-recursive-root'],
    ['sudo true', 'deny privilege-escalation'],
  ])('answers %j with %s', (command, expected) => {
    expect(verdict([], command)).toBe(expected);
  });

  it('lets a deny anywhere in the command line win over an ask that comes first', () => {
    expect(verdict([], 'git reset --hard && sudo true')).toBe('deny privilege-escalation');
    expect(verdict([], 'git clean -fd; rm -rf /')).toBe('deny rm-recursive-root');
  });

  it('reports the first-listed ask when only asks match', () => {
    expect(verdict([], 'git clean -fd && git reset --hard')).toBe('ask git-reset-hard');
  });

  it('words an ask as a question for the user and says what would be lost', () => {
    const policy = buildBashGuardPolicy([], { home: HOME });
    const reason = analyzeCommand('git reset --hard', { home: HOME, cwd: CWD, ...policy })?.reason ?? '';
    expect(reason).toMatch(/^bash-guard asks before running `git reset --hard` \(rule "git-reset-hard"\): /);
    expect(reason).toContain('uncommitted changes');
  });
});

describe('bash-guard severity: config', () => {
  it('lets the user turn an ask into a deny and a deny into an ask', () => {
    expect(verdict([user({ severity: { 'git-reset-hard': 'deny' } })], 'git reset --hard')).toBe('deny git-reset-hard');
    expect(verdict([user({ severity: { 'privilege-escalation': 'ask' } })], 'sudo true')).toBe(
      'ask privilege-escalation',
    );
  });

  it('lets a project turn an ask into a deny', () => {
    expect(verdict([project({ severity: { 'git-clean-force': 'deny' } })], 'git clean -fdx')).toBe(
      'deny git-clean-force',
    );
  });

  it('ignores a project turning a deny into an ask, and says so under debug', () => {
    const notes: string[] = [];
    expect(verdict([project({ severity: { 'rm-recursive-root': 'ask' } })], 'rm -rf ~', (m) => notes.push(m))).toBe(
      'deny rm-recursive-root',
    );
    expect(notes.join('\n')).toContain('a project may only turn ask into deny');
  });

  it('ignores a project turning back into an ask what the user made a deny', () => {
    const layers = [
      user({ severity: { 'git-reset-hard': 'deny' } }),
      project({ severity: { 'git-reset-hard': 'ask' } }),
    ];
    expect(verdict(layers, 'git reset --hard')).toBe('deny git-reset-hard');
  });

  it('lets a project add an ask rule using the deletion and hidden-code conditions', () => {
    const rule = {
      id: 'ask-before-wiping-fixtures',
      severity: 'ask',
      command: ['rm'],
      anyFlag: ['r'],
      anyTarget: ['project-root', 'outside'],
      reason: 'fixtures are shared',
    };
    expect(verdict([project({ deny: [rule] })], 'rm -r ../fixtures')).toBe('ask delete-outside-project');
    const sub = { id: 'no-fixture-delete', command: ['rm'], anyArg: ['fixtures*'], reason: 'fixtures are shared' };
    expect(verdict([project({ deny: [sub] })], 'rm -rf fixtures')).toBe('deny no-fixture-delete');
  });

  it('gives a rule the user adds the severity it names, deny by default', () => {
    const rule = { id: 'no-terraform-destroy', command: ['terraform'], subcommand: ['destroy'], reason: 'plan first' };
    expect(verdict([user({ deny: [rule] })], 'terraform destroy')).toBe('deny no-terraform-destroy');
    expect(verdict([user({ deny: [{ ...rule, severity: 'ask' }] })], 'terraform destroy')).toBe(
      'ask no-terraform-destroy',
    );
  });

  it.each([
    [[user({ severity: { 'no-such-rule': 'deny' } })], USER, '"no-such-rule", which is not a rule id'],
    [[project({ severity: { 'no-such-rule': 'deny' } })], PROJECT, 'not a rule id'],
    [[user({ severity: { 'git-reset-hard': 'block' } })], USER, '`severity.git-reset-hard` must be "deny" or "ask"'],
    [[project({ severity: ['git-reset-hard'] })], PROJECT, '`severity` must be an object'],
    [
      [user({ deny: [{ id: 'x', command: ['x'], reason: 'r', severity: 'warn' }] })],
      USER,
      '`deny[0].severity` must be "deny" or "ask"',
    ],
    [
      [user({ deny: [{ id: 'x', command: ['rm'], anyTarget: ['elsewhere'], reason: 'r' }] })],
      USER,
      '`deny[0].anyTarget[0]` must be one of "project-root", "outside", "unknown"',
    ],
    [
      [project({ deny: [{ id: 'x', command: ['rm'], redirectTarget: 'outside', reason: 'r' }] })],
      PROJECT,
      '`deny[0].redirectTarget` must be a non-empty array',
    ],
    [[user({ deny: [{ id: 'x', hiddenCode: 'yes', reason: 'r' }] })], USER, '`deny[0].hiddenCode` can only be true'],
    [
      [user({ deny: [{ id: 'x', command: ['git'], noFlag: ['--bad flag'], reason: 'r' }] })],
      USER,
      '`deny[0].noFlag[0]` must be one option name',
    ],
  ])('fails closed on a bad severity or rule key, naming the file (%#)', (layers, path, message) => {
    const error = configError(layers);
    expect(error).toBeInstanceOf(HookError);
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toContain(path);
    expect(error.message).toContain(message);
  });
});
