// The project's own hookpack bundles of an event run in the adopted runner's process, beside the
// adopted commands: one process per event, answers merged in one order (own hooks first, then
// adopted ones), each hook with its own switches and telemetry, and a bundle that cannot load
// failing as its entry would have.
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnBundle } from '../../../lib/adopt/table.ts';
import { tempDir } from '../../cli/_helpers.ts';
import { adoptedProject, hook, payloads, runEvent, telemetry } from './_adopted.ts';

const { dir, cleanup } = tempDir('adopted-own');
afterAll(cleanup);
let project: string;
beforeAll(async () => {
  project = await adoptedProject(dir, []);
}, 60_000);

// Built by test/setup/build-test-hooks.ts from test/hook-fixtures: a fail-closed Bash guard.
const guardBundle = fileURLToPath(new URL('../../.dist/bash-behaviour.cjs', import.meta.url));
const write = (
  bundles: OwnBundle[],
  hooks = [hook('deny', 'PreToolUse', 'deny.sh'), hook('notes', 'PreToolUse', 'notes.py')],
) =>
  writeFileSync(
    join(project, '.claude', 'hookpack', 'adopted.settings.json'),
    JSON.stringify({ version: 1, settings: 'x', hooks, bundles }),
  );
const own = (path = guardBundle): OwnBundle => ({ event: 'PreToolUse', path, failClosed: true, timeout: 5 });
const lastRun = () => {
  const lines = telemetry(project);
  const ts = lines.at(-1)?.ts;
  return lines.filter((l) => l.ts === ts).map((l) => [l.hook, l.decision]);
};

describe("the project's own bundles in the adopted runner", () => {
  it('run in the same process: both answers merged, own hooks first, one telemetry line each', () => {
    write([own()]);
    const run = runEvent(project, 'PreToolUse', payloads.bash('deny'), { guard: true });
    expect(run.status).toBe(0);
    expect(run.json?.hookSpecificOutput).toEqual({
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
      permissionDecisionReason: '[bash-behaviour] use the safe variant instead\n[deny] deny.sh: not on a Friday',
    });
    expect(lastRun()).toEqual([
      ['bash-behaviour', 'deny'],
      ['deny', 'deny'],
      ['notes', 'none'],
    ]);
  });

  it("the own hook's matcher still applies: a Read call runs only the adopted hooks", () => {
    write([own()]);
    runEvent(
      project,
      'PreToolUse',
      { ...payloads.bash('deny'), tool_name: 'Read', tool_input: { file_path: '/x' } },
      { guard: true },
    );
    expect(lastRun().map(([name]) => name)).toEqual(['deny', 'notes']);
  });

  it('HOOKPACK_SKIP names the own hook like any other', () => {
    write([own()]);
    runEvent(project, 'PreToolUse', payloads.bash('deny'), { guard: true, env: { HOOKPACK_SKIP: 'bash-behaviour' } });
    expect(lastRun().map(([name]) => name)).toEqual(['deny', 'notes']);
  });

  it('a fail-closed own hook that throws blocks, as in its own bundle', () => {
    write([own()], [hook('notes', 'PreToolUse', 'notes.py')]);
    const run = runEvent(project, 'PreToolUse', payloads.bash('throw'), { guard: true });
    expect(run.status).toBe(2);
    expect(run.json?.hookSpecificOutput?.permissionDecisionReason).toContain(
      'hookpack bash-behaviour failed closed (E_HANDLER_THREW',
    );
  });

  it('a bundle that cannot be loaded fails as its entry would have: closed for a guard', () => {
    write([own(join(dir, 'gone.cjs'))]);
    const run = runEvent(project, 'PreToolUse', payloads.bash('ls'), { guard: true });
    expect(run.status).toBe(2);
    expect(run.json?.hookSpecificOutput?.permissionDecisionReason).toMatch(
      /hookpack gone failed closed \(E_STARTUP: the bundle .*gone\.cjs could not be loaded/,
    );
  });

  it('a bundle printing while it loads (a top-level console.log) leaves stdout one JSON object: the deny still reaches Claude Code', () => {
    const loud = join(dir, 'loud.cjs');
    writeFileSync(
      loud,
      `console.log('loading my rules'); process.stdout.write('more'); require(${JSON.stringify(guardBundle)});\n`,
    );
    write([own(loud)], []);
    const run = runEvent(project, 'PreToolUse', payloads.bash('deny'), { guard: true });
    expect(run.stdout.trimStart().startsWith('{')).toBe(true);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.json?.hookSpecificOutput?.permissionDecision).toBe('deny');
    expect(run.stderr).toContain('loading my rules');
  });

  it("an own hook calling process.exit(0) still leaves an adopted guard's answer: the call is blocked, not let through", () => {
    // prompt-behaviour (fail-open) exits on the prompt `exit` while the adopted guard is still running.
    const prompts: OwnBundle = {
      event: 'UserPromptSubmit',
      path: fileURLToPath(new URL('../../.dist/prompt-behaviour.cjs', import.meta.url)),
      failClosed: false,
      timeout: 5,
    };
    write(
      [prompts],
      [
        hook('no-prompts', 'UserPromptSubmit', 'slow.sh', {
          guard: true,
          command: 'cat >/dev/null; sleep 1; echo no prompts today >&2; exit 2',
        }),
      ],
    );
    const run = runEvent(project, 'UserPromptSubmit', payloads.prompt('exit'), { guard: true });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('hookpack no-prompts failed closed (E_HANDLER_EXIT');
    expect(lastRun()).toEqual([
      ['prompt-behaviour', 'fail-open'],
      ['no-prompts', 'fail-closed'],
    ]);
  });
});
