// Every kind of bad input a broken or hostile client could send, fed to bundles that between them
// cover every way a bundle can differ: a hook bundle and an event bundle, each failure policy,
// each form of a guard's deny answer, a guard without one, an event bundle whose members fail by
// different policies, and the payload schema of each event they handle. Each must answer through
// its failure policy (guards exit 2, others exit 1), with one stderr line per hook naming the
// problem, nothing on stdout (or a guard's deny), and never hang. The reading of stdin and the
// payload checks are the runtime's, the same in every bundle; what every single bundle must do
// with bad input is in bad-input-every-bundle.process.test.ts.
import { describe, expect, it } from 'vitest';
import { spawnHook } from '../../lib/testing.ts';
import { bundles, env, expectFailure, goodPayload, plainRun, SHORT_DEADLINE } from './_bad-input.ts';

const REPRESENTATIVES = [
  'dist/bash-guard.cjs', // hook bundle, PreToolUse guard: exit 2 with a permissionDecision deny
  'dist/on-PreToolUse.cjs', // the shipped event bundle: two guards, a line from each
  'dist/session-context.cjs', // hook bundle that fails open (exit 1), SessionStart
  'dist/on-UserPromptSubmit.cjs', // event bundle that fails open, UserPromptSubmit
  'test/.dist/permission-behaviour.cjs', // PermissionRequest guard: exit 2 with a behavior deny
  'test/.dist/on-PreToolUse.cjs', // event bundle of a guard and a fail-open hook: the strictest policy wins
  'test/.dist/on-PostToolUseFailure.cjs', // a guard of an event without a deny answer: exit 2, stdout empty
];

const chosen = bundles.filter((b) => REPRESENTATIVES.includes(b.id));

it('finds every representative bundle in the manifests', () => {
  expect(chosen.map((b) => b.id).sort()).toEqual([...REPRESENTATIVES].sort());
});

describe.concurrent.each(chosen)('$id ($event, onError $onError) on bad input', (bundle) => {
  const good = goodPayload(bundle);
  const plain = plainRun(bundle);
  const fails = (stdin: string | Buffer, code: RegExp) => expectFailure(bundle, stdin, code);

  it('treats extra unknown fields as harmless', async () => {
    const extra = await spawnHook(
      bundle.path,
      { ...good, field_from_the_future: { nested: [1, 2] }, another: 'x' },
      { env },
    );
    const { exitCode, stdout } = await plain();
    expect(exitCode).toBe(0);
    expect([extra.exitCode, extra.stdout]).toEqual([exitCode, stdout]);
  });

  it('fails by policy on empty stdin', () => fails('', /E_PAYLOAD_EMPTY/));
  it('fails by policy on whitespace only', () => fails('  \n\t', /E_PAYLOAD_EMPTY/));
  it('fails by policy on a JSON array', () => fails(JSON.stringify([good]), /E_PAYLOAD_SHAPE: stdin holds an array/));
  it('fails by policy on JSON null', () => fails('null', /E_PAYLOAD_SHAPE: stdin holds null/));
  it('fails by policy on a JSON string', () => fails('"PreToolUse"', /E_PAYLOAD_SHAPE: stdin holds a string/));
  it('fails by policy on truncated JSON', () => fails(JSON.stringify(good).slice(0, 40), /E_PAYLOAD_JSON/));
  it('fails by policy on invalid UTF-8', () => {
    const bytes = Buffer.from(JSON.stringify(good));
    bytes[bytes.length - 3] = 0xff;
    return fails(bytes, /E_PAYLOAD_UTF8/);
  });
  it('fails by policy on a 10 MiB payload without reading it all', () =>
    fails(JSON.stringify({ ...good, padding: 'x'.repeat(10 * 1024 * 1024) }), /E_PAYLOAD_TOO_LARGE/));
  it('fails by policy when a required common field is missing', () => {
    const { session_id: _dropped, ...rest } = good;
    return fails(JSON.stringify(rest), /E_PAYLOAD_SCHEMA: .*session_id: expected string, got nothing/);
  });
  it('fails by policy when a common field has the wrong type', () =>
    fails(JSON.stringify({ ...good, cwd: 42 }), /E_PAYLOAD_SCHEMA: .*cwd: expected string, got number/));
  it('fails by policy when hook_event_name is missing', () => {
    const { hook_event_name: _dropped, ...rest } = good;
    return fails(JSON.stringify(rest), /E_PAYLOAD_SCHEMA: hook_event_name: expected string, got nothing/);
  });
  it('is not fooled by a __proto__ key', async () => {
    const hostile = `{"__proto__":{"polluted":true},${JSON.stringify(good).slice(1)}`;
    const run = await spawnHook(bundle.path, hostile, { env });
    expect(run.exitCode).toBe(0);
  });
  it('fails by policy within its deadline when stdin never closes and nothing arrives', async () => {
    const run = await expectFailure(bundle, '', /E_STDIN_TIMEOUT/, { keepStdinOpen: true, env: SHORT_DEADLINE });
    expect(run.signal).toBeNull();
  });
});
