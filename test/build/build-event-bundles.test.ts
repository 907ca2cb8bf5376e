// build.mjs's event bundles: one per event, its hooks in declared order, the union of their
// matchers and the longest timeout.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, outDir, useProjectDir, writeHook } from './_build.ts';

useProjectDir();

describe('event bundles', () => {
  const hook = (event: string, matcher: string | undefined, timeout: number, order = 0) =>
    `import { defineHook } from 'hookpack';\nexport default defineHook({ event: '${event}', ${matcher ? `matcher: ${JSON.stringify(matcher)}, ` : ''}timeout: ${timeout}, order: ${order}, run: () => undefined });\n`;

  it('emits one bundle per event holding its hooks in declared order, with the union matcher and the longest timeout', () => {
    writeHook('b-guard', hook('PreToolUse', 'Bash', 5));
    writeHook('a-files', hook('PreToolUse', 'Edit|Write', 8));
    writeHook('z-first', hook('PreToolUse', 'Read', 2, -5));
    writeHook('prompt', hook('UserPromptSubmit', undefined, 3));
    expect(build('--no-typecheck').status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outDir(), 'manifest.json'), 'utf8'));
    const pre = manifest.events.find((e: { event: string }) => e.event === 'PreToolUse');
    expect(pre).toMatchObject({
      hooks: ['z-first', 'a-files', 'b-guard'],
      matcher: 'Read|Edit|Write|Bash',
      timeout: 8,
      onError: 'block',
      file: 'on-PreToolUse.cjs',
    });
    expect(existsSync(join(outDir(), 'on-PreToolUse.cjs'))).toBe(true);
    expect(existsSync(join(outDir(), 'on-UserPromptSubmit.cjs'))).toBe(true);
  });

  it('turns a regex among the matchers into an alternation that still matches every exact name', () => {
    writeHook('exact', hook('PreToolUse', 'Bash', 5));
    writeHook('regex', hook('PreToolUse', 'mcp__github__.*', 5));
    expect(build('--no-typecheck').status).toBe(0);
    const { matcher } = JSON.parse(readFileSync(join(outDir(), 'manifest.json'), 'utf8')).events[0];
    const regex = new RegExp(matcher);
    expect(['Bash', 'mcp__github__create_issue'].every((t) => regex.test(t))).toBe(true);
    expect(['BashOutput', 'Write'].some((t) => regex.test(t))).toBe(false);
  });

  it('needs no matcher when any of its hooks has none', () => {
    writeHook('exact', hook('PreToolUse', 'Bash', 5));
    writeHook('all', hook('PreToolUse', undefined, 5));
    expect(build('--no-typecheck').status).toBe(0);
    expect(JSON.parse(readFileSync(join(outDir(), 'manifest.json'), 'utf8')).events[0].matcher).toBeNull();
  });
});
