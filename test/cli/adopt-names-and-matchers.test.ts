// How adopt names a command (its script's file name, made unique) and which matcher its runner
// entry gets (one that selects whatever any adopted hook of the event selects).
import { describe, expect, it } from 'vitest';
import { scriptName, uniqueName } from '../../cli/adopt/names.ts';
import { unionOf } from '../../cli/adopt/plan.ts';
import { compileMatcher } from '../../lib/runtime/matcher.ts';

describe('adopted hook names', () => {
  it.each([
    ['python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/guard.py', undefined, 'guard'],
    ['python3 -u ${CLAUDE_PROJECT_DIR}/.claude/hooks/Read_Notes.py', undefined, 'read_notes'],
    ['uv run --script .claude/hooks/glob-scratch.py', undefined, 'glob-scratch'],
    ['FOO=1 env -u BAR node hooks/check.mjs --fast', undefined, 'check'],
    ['bash -c ".claude/hooks/stop.sh && echo done"', undefined, 'stop'],
    ['./bin/check-branch', undefined, 'check-branch'],
    ['/usr/bin/python3', ['/srv/hooks/exec-form.py'], 'exec-form'],
    ['echo hi', undefined, 'echo'],
    ['python3', undefined, 'hook'],
    ['$(printf x)', undefined, 'printf'],
  ])('%s → %s', (command, args, name) => {
    expect(scriptName(command, args as string[] | undefined)).toBe(name);
  });

  it('a taken name gets -2, -3 …', () => {
    const taken = new Set(['guard']);
    expect([uniqueName('guard', taken), uniqueName('guard', taken), uniqueName('notes', taken)]).toEqual([
      'guard-2',
      'guard-3',
      'notes',
    ]);
  });
});

describe("the runner entry's matcher", () => {
  it.each([
    { matchers: ['Bash', 'Edit|Write'], union: 'Bash|Edit|Write' },
    { matchers: ['Bash', 'Bash'], union: 'Bash' },
    { matchers: ['Bash', undefined], union: undefined },
    { matchers: ['Bash', '*'], union: undefined },
    { matchers: ['Bash', ''], union: undefined },
    { matchers: ['Bash', 'mcp__.*'], union: '^(?:Bash)$|(?:mcp__.*)' },
  ])('$matchers → $union', ({ matchers, union }) => {
    expect(unionOf(matchers)).toBe(union);
  });

  it('selects exactly what one of the matchers selects', () => {
    const matchers = ['Bash', 'Edit|Write', 'mcp__git__.*', 'Notebook.*'];
    const union = compileMatcher(unionOf(matchers));
    for (const tool of [
      'Bash',
      'Edit',
      'Write',
      'mcp__git__status',
      'NotebookEdit',
      'Read',
      'BashOutput',
      'MultiEdit',
    ]) {
      expect(union(tool), tool).toBe(matchers.some((m) => compileMatcher(m)(tool)));
    }
  });
});
