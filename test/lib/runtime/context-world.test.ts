import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addContext, defineHook, type HookContext } from '../../../lib/index.ts';
import { evaluateHook, processWorld } from '../../../lib/runtime/evaluate.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const payload = {
  hook_event_name: 'UserPromptSubmit',
  session_id: 's',
  transcript_path: '/t',
  cwd: '/payload/cwd',
  prompt: 'hi',
};

/** A hook that answers with what its context says of the world. */
const seeing = defineHook({
  event: 'UserPromptSubmit',
  run: (_input, ctx: HookContext) =>
    addContext(JSON.stringify({ cwd: ctx.cwd, home: ctx.home, who: ctx.env.WHO ?? null })),
});

function worldSeen(world?: Parameters<typeof evaluateHook>[5]): unknown {
  const evaluation = evaluateHook(seeing, 'seeing', payload, Date.now() + 5000, false, world);
  if (evaluation instanceof Promise) throw new Error('answered asynchronously');
  const json = evaluation.outcome.json as { hookSpecificOutput: { additionalContext: string } };
  return JSON.parse(json.hookSpecificOutput.additionalContext);
}

describe("a handler's context carries the world it runs in", () => {
  it("gives a handler the cwd, env and home of the world it is evaluated in, not the process's", () => {
    const world = { cwd: () => '/sessions/a', env: { WHO: 'session a', HOME: '/home/a' }, home: () => '/home/a' };
    expect(worldSeen(world)).toEqual({ cwd: '/sessions/a', home: '/home/a', who: 'session a' });
  });

  it('keeps two worlds apart when one process evaluates for both', () => {
    const a = { cwd: () => '/a', env: { WHO: 'a' }, home: () => '/home/a' };
    const b = { cwd: () => '/b', env: { WHO: 'b' }, home: () => '/home/b' };
    expect([worldSeen(a), worldSeen(b), worldSeen(a)]).toEqual([
      { cwd: '/a', home: '/home/a', who: 'a' },
      { cwd: '/b', home: '/home/b', who: 'b' },
      { cwd: '/a', home: '/home/a', who: 'a' },
    ]);
  });

  it('defaults to this process: its working directory, its environment and $HOME', () => {
    expect(worldSeen()).toEqual({ cwd: process.cwd(), home: process.env.HOME, who: process.env.WHO ?? null });
    expect(processWorld.env).toBe(process.env);
  });

  it('reads the world only when a handler asks for it', () => {
    let reads = 0;
    const world = { cwd: () => (reads++, '/x'), env: {}, home: () => (reads++, '/h') };
    const quiet = defineHook({ event: 'UserPromptSubmit', run: () => undefined });
    evaluateHook(quiet, 'quiet', payload, Date.now() + 5000, false, world);
    expect(reads).toBe(0);
  });
});

describe('the shipped hooks', () => {
  const hooksDir = join(ROOT, 'hooks');
  it.each(readdirSync(hooksDir).filter((file) => file.endsWith('.ts')))(
    '%s reads cwd, env and home from its context, never from process',
    (file) => {
      const code = readFileSync(join(hooksDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code).not.toMatch(/process\.(env|cwd\s*\()|os\.homedir|homeDir\s*\(/);
    },
  );
});
