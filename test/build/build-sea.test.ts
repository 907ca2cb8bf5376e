// build.mjs --sea: every hook and event bundle packed into one executable that dispatches by argument.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, fixture, GOOD_HOOK, outDir, useProjectDir, writeHook } from './_build.ts';

useProjectDir();

describe('build.mjs --sea', () => {
  it('packs every hook and event bundle into one executable that dispatches by argument', async () => {
    writeHook('greet', GOOD_HOOK);
    const result = build('--no-typecheck', '--sea');
    expect(result.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outDir(), 'manifest.json'), 'utf8'));
    expect(manifest.sea).toMatchObject({ file: 'hookpack', mode: 'code-cache' });
    const binary = join(outDir(), 'hookpack');
    for (const name of ['greet', 'on-UserPromptSubmit', 'UserPromptSubmit']) {
      const run = spawnSync(binary, [name], {
        input: JSON.stringify({ ...fixture, prompt: 'hey' }),
        encoding: 'utf8',
        env: { ...process.env, HOOKPACK_TELEMETRY: '0' },
      });
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({
        hookSpecificOutput: { hookEventName: 'UserPromptSubmit', additionalContext: 'you said 3 characters' },
      });
    }
    const unknown = spawnSync(binary, ['nope'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/usage: hookpack <hook\|event>; hooks and events: greet, on-UserPromptSubmit/);
  }, 120_000);
});
