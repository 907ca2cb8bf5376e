// A hook module that prints while it loads (a top-level console.log, a library's banner) runs
// before the bundle's runner protects stdout: that text must not land before the answer, or
// Claude Code reads stdout as text and ignores a guard's JSON deny (the call runs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, outDir, useProjectDir, writeHook } from './_build.ts';

useProjectDir();

const LOUD_GUARD = `import { defineHook, deny } from 'hookpack';
console.log('loading my rules');
process.stdout.write('still loading\\n');
export default defineHook({ event: 'PreToolUse', matcher: 'Bash', run: () => deny('not here') });
`;

const payload = {
  session_id: 's',
  transcript_path: '/tmp/t.jsonl',
  cwd: '/tmp',
  permission_mode: 'default',
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'ls' },
  tool_use_id: 't1',
};

describe('output printed while a hook module loads', () => {
  it.each(['loud.cjs', 'on-PreToolUse.cjs'])('goes to stderr, leaving %s stdout one JSON deny', (bundle) => {
    writeHook('loud', LOUD_GUARD);
    expect(build('--no-typecheck').status).toBe(0);
    const run = spawnSync(process.execPath, [join(outDir(), bundle)], {
      input: JSON.stringify(payload),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOOKPACK_HOME: join(outDir(), '..', 'state'), HOOKPACK_TELEMETRY: '0' },
      timeout: 30_000,
    });
    expect(run.stdout.trimStart().startsWith('{')).toBe(true);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(run.stderr).toContain('loading my rules');
  });
});
