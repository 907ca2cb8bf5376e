// An adopted hook that keeps failing is skipped for a cool-down (a guard then blocks instead), and
// adopted hooks are switched off like hookpack's own: by name or by event, HOOKPACK_SKIP or a
// toggle file, except that a project's files cannot switch a guard off.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, writeFile } from '../../cli/_helpers.ts';
import { adoptedProject, hook, payloads, runEvent, telemetry, writeTable } from './_adopted.ts';

const { dir, cleanup } = tempDir('adopted-breaker');
afterAll(cleanup);
let project: string;
const ranLog = () => join(project, 'ran.log');
const runs = () => (existsSync(ranLog()) ? readFileSync(ranLog(), 'utf8').trim().split('\n').length : 0);
/** A hook that records each run and then exits `code`. */
const counted = (name: string, code: number, fields = {}) =>
  hook(name, 'PreToolUse', 'x', { command: `echo ${name} >> "$CLAUDE_PROJECT_DIR"/ran.log; exit ${code}`, ...fields });
const state = () => join(project, '..', 'hookpack-home');

beforeAll(async () => {
  project = await adoptedProject(dir, []);
}, 60_000);
beforeEach(() => {
  rmSync(ranLog(), { force: true });
  rmSync(state(), { recursive: true, force: true });
  rmSync(join(project, '.claude', 'hookpack', 'disabled.json'), { force: true });
  rmSync(join(project, '.claude', 'settings.json'), { force: true });
});

describe('the circuit breaker of an adopted hook', () => {
  it('after 3 failures in a row the hook is skipped, with a notice, and not started', () => {
    writeTable(project, [counted('flaky', 3)]);
    for (let i = 0; i < 3; i++)
      expect(runEvent(project, 'PreToolUse', payloads.bash('ls')).json?.systemMessage).toContain('flaky exited 3');
    const skipped = runEvent(project, 'PreToolUse', payloads.bash('ls'));
    expect(skipped.status).toBe(0);
    expect(skipped.json?.systemMessage).toContain('circuit breaker is open');
    expect(runs()).toBe(3);
    expect(telemetry(project).at(-1)).toMatchObject({
      hook: 'flaky',
      decision: 'breaker-open',
      error: 'E_BREAKER_OPEN',
    });
  });

  it('a guard whose breaker is open blocks the call instead', () => {
    writeTable(project, [counted('wall', 1, { guard: true })]);
    for (let i = 0; i < 3; i++)
      expect(runEvent(project, 'PreToolUse', payloads.bash('ls'), { guard: true }).status).toBe(2);
    const open = runEvent(project, 'PreToolUse', payloads.bash('ls'), { guard: true });
    expect(open.status).toBe(2);
    expect(open.json?.hookSpecificOutput?.permissionDecisionReason).toContain('failed closed (E_BREAKER_OPEN');
    expect(runs()).toBe(3);
  });

  it('opens after the failures its table entry names, and says for how long', () => {
    writeTable(project, [counted('touchy', 3, { breaker: { failures: 1, coolDownSeconds: 5 } })]);
    expect(runEvent(project, 'PreToolUse', payloads.bash('ls')).json?.systemMessage).toContain('touchy exited 3');
    const skipped = runEvent(project, 'PreToolUse', payloads.bash('ls'));
    expect(skipped.json?.systemMessage).toContain('failed or timed out once, so its circuit breaker is open for 5 s');
    expect(runs()).toBe(1);
  });

  it('a table entry with breaker settings out of bounds is refused (a guard blocks), not run with them', () => {
    writeTable(project, [counted('wild', 0, { guard: true, breaker: { failures: 0, coolDownSeconds: 5 } })]);
    const refused = runEvent(project, 'PreToolUse', payloads.bash('ls'), { guard: true });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/is not a table of adopted hooks: run `hookpack adopt` again/);
    expect(runs()).toBe(0);
  });

  it('exit 2 is an answer, not a failure: a guard that blocks every call never opens its breaker', () => {
    writeTable(project, [counted('strict', 2, { guard: true })]);
    for (let i = 0; i < 5; i++) runEvent(project, 'PreToolUse', payloads.bash('ls'), { guard: true });
    expect(runs()).toBe(5);
  });
});

describe('switching adopted hooks off', () => {
  const two = () => writeTable(project, [counted('alpha', 0), counted('beta', 0, { guard: true })]);
  const ran = () => (existsSync(ranLog()) ? readFileSync(ranLog(), 'utf8').trim().split('\n').sort() : []);

  it.each([
    { how: 'HOOKPACK_SKIP=alpha', env: { HOOKPACK_SKIP: 'alpha' }, left: ['beta'] },
    { how: 'HOOKPACK_SKIP=PreToolUse (an event)', env: { HOOKPACK_SKIP: 'PreToolUse' }, left: [] },
    {
      how: 'HOOKPACK_SKIP=PostToolUse (another event)',
      env: { HOOKPACK_SKIP: 'PostToolUse' },
      left: ['alpha', 'beta'],
    },
  ])('$how', ({ env, left }) => {
    two();
    runEvent(project, 'PreToolUse', payloads.bash('ls'), { env });
    expect(ran()).toEqual(left);
  });

  it.each([
    { how: 'the user toggle names a hook', toggle: { hooks: ['beta'] }, left: ['alpha'] },
    { how: 'the user toggle names the event', toggle: { events: ['PreToolUse'] }, left: [] },
  ])('$how', ({ toggle, left }) => {
    two();
    writeFile(join(state(), 'disabled.json'), JSON.stringify(toggle));
    runEvent(project, 'PreToolUse', payloads.bash('ls'));
    expect(ran()).toEqual(left);
  });

  it("the project's toggle file switches the plain hook off, never the guard", () => {
    two();
    writeFile(join(project, '.claude', 'hookpack', 'disabled.json'), JSON.stringify({ events: ['PreToolUse'] }));
    runEvent(project, 'PreToolUse', payloads.bash('ls'));
    expect(ran()).toEqual(['beta']);
  });

  it("HOOKPACK_SKIP set by the project's settings env does not switch the guard off", () => {
    two();
    writeFileSync(join(project, '.claude', 'settings.json'), JSON.stringify({ env: { HOOKPACK_SKIP: 'PreToolUse' } }));
    runEvent(project, 'PreToolUse', payloads.bash('ls'), { env: { HOOKPACK_SKIP: 'PreToolUse' } });
    expect(ran()).toEqual(['beta']);
  });
});
