// What the real client (2.1.329) does with a project .claude/settings.json that is JSONC rather
// than JSON: one comment or one trailing comma, and the whole file is ignored, silently: its
// PreToolUse hook does not run and its permissions.deny does not apply. A "$comment" key is
// fine. This is why `hookpack install` refuses such a file and `doctor` reports it as an error
// (docs/settings-files.md).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeRun, runClaude } from './harness/run-claude.ts';

// Saves the hook's stdin into $E2E_OUT and prints nothing: proof that the hook ran, and no decision.
const RECORD_HOOK = 'cat > "$E2E_OUT/$1.$$.json"\n';

/** A settings text with a recording PreToolUse hook and a deny rule; `mark` puts JSONC in it. */
const settings = (mark: { comment?: string; trailingComma?: boolean; key?: string }) => `{${mark.key ?? ''}
  "permissions": { "deny": ["Bash(echo e2e-perm:*)"] },${mark.comment ?? ''}
  "hooks": {
    "PreToolUse": [
      { "matcher": "Bash", "hooks": [ { "type": "command", "command": "sh @PROJECT@/.claude/record.sh pre" } ]${mark.trailingComma ? ',' : ''} }
    ]
  }
}
`;

async function attempt(text: string): Promise<{ hookRan: boolean; denied: boolean }> {
  // --settings-flag puts the harness's own (empty) settings aside; the project file is ours, verbatim.
  const run = await runClaude({
    prompt: 'go',
    settingsFlag: true,
    settings: {},
    files: { '.claude/settings.json': text, '.claude/record.sh': RECORD_HOOK },
    script: {
      turns: [{ tool: 'Bash', input: { command: 'echo e2e-perm > ./perm.txt', description: 'x' } }, { text: 'done' }],
    },
  });
  try {
    return {
      hookRan: readdirSync(run.paths.out).some((f) => f.startsWith('pre.')),
      denied: !existsSync(join(run.paths.project, 'perm.txt')),
    };
  } finally {
    removeRun(run);
  }
}

describe('Claude Code and settings files that are not strict JSON', () => {
  it.each([
    ['strict JSON', true, settings({})],
    ['a "$comment" key', true, settings({ key: '\n  "$comment": "a note",' })],
    ['a // comment', false, settings({ comment: '\n  // a note' })],
    ['a /* */ comment', false, settings({ comment: '\n  /* a note */' })],
    ['a trailing comma', false, settings({ trailingComma: true })],
  ])('with %s: its hook runs and its deny rule applies = %s', async (_name, applies, text) => {
    expect(await attempt(text)).toEqual({ hookRan: applies, denied: applies });
  });
});
