import { describe, expect, it } from 'vitest';
import { compileMatcher, payloadMatches, unionMatcher } from '../../../lib/runtime/matcher.ts';

describe('compileMatcher', () => {
  it.each([
    [undefined, 'Bash', true],
    ['*', 'Anything', true],
    ['', 'Anything', true],
    ['Bash', 'Bash', true],
    ['Bash', 'bash', false],
    ['Bash', 'BashOutput', false],
    ['Edit|Write', 'Write', true],
    ['Edit | Write', 'Write', true],
    ['Edit,Write', 'Edit', true],
    ['Edit|Write', 'NotebookEdit', false],
    ['mcp__github', 'mcp__github__create_issue', false],
    ['mcp__github__.*', 'mcp__github__create_issue', true],
    ['Edit.*', 'NotebookEdit', true],
    ['^Edit$', 'NotebookEdit', false],
    ['code-reviewer', 'code-reviewer', true],
  ])('matcher %j on %j is %s', (matcher, value, expected) => {
    expect(compileMatcher(matcher)(value)).toBe(expected);
  });
});

describe('payloadMatches', () => {
  it('filters tool events on tool_name', () => {
    expect(payloadMatches('PreToolUse', 'Bash', { tool_name: 'Bash' })).toBe(true);
    expect(payloadMatches('PreToolUse', 'Bash', { tool_name: 'Write' })).toBe(false);
  });

  it('filters SessionStart on source', () => {
    expect(payloadMatches('SessionStart', 'startup', { source: 'startup' })).toBe(true);
    expect(payloadMatches('SessionStart', 'startup', { source: 'resume' })).toBe(false);
  });

  it('ignores a matcher on an event without matcher support, as Claude Code does', () => {
    expect(payloadMatches('Stop', 'Bash', {})).toBe(true);
  });

  it('matches FileChanged on the basename of the file', () => {
    expect(payloadMatches('FileChanged', '.envrc|package.json', { file_path: '/p/package.json' })).toBe(true);
    expect(payloadMatches('FileChanged', 'package.json', { file_path: 'C:\\p\\package.json' })).toBe(true);
    expect(payloadMatches('FileChanged', 'package.json', { file_path: '/p/other.json' })).toBe(false);
  });

  it('does not match when the matcher field is missing or not a string', () => {
    expect(payloadMatches('PreToolUse', 'Bash', {})).toBe(false);
    expect(payloadMatches('PreToolUse', 'Bash', { tool_name: 7 })).toBe(false);
  });
});

describe('the narrower exact-name set of FileChanged and StopFailure', () => {
  it('reads a matcher with a hyphen as a regex there, as Claude Code does', () => {
    expect(payloadMatches('FileChanged', 'my-config', { file_path: '/p/my-config.json' })).toBe(true);
    expect(payloadMatches('PreToolUse', 'my-config', { tool_name: 'my-config.json' })).toBe(false);
  });
});

describe("unionMatcher (an event bundle's matcher in settings.json)", () => {
  it.each([
    [['Bash', 'Edit|Write'], 'Bash|Edit|Write'],
    [['Bash', 'Bash'], 'Bash'],
    [['Edit, Write', 'Bash'], 'Edit|Write|Bash'],
    [['Bash', undefined], null],
    [['Bash', null], null],
    [['Bash', '*'], null],
    [['Bash', ''], null],
    [['Bash', 'mcp__.*'], '^(?:Bash)$|(?:mcp__.*)'],
  ] as const)('joins %j into %j', (matchers, expected) => {
    expect(unionMatcher(matchers)).toBe(expected);
  });

  it('fires for every value one of its members fires for, and for no other', () => {
    const members = ['Bash', 'Edit|Write', 'mcp__github__.*'];
    const union = compileMatcher(unionMatcher(members) ?? undefined);
    for (const value of [
      'Bash',
      'Write',
      'Edit',
      'mcp__github__create_issue',
      'NotebookEdit',
      'BashOutput',
      'Read',
      'x_mcp__github__y',
    ]) {
      expect(union(value), value).toBe(members.some((m) => compileMatcher(m)(value)));
    }
  });
});
