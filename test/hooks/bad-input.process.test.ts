// Every built hook, fed every kind of bad input a broken or hostile client could send. Each must
// answer through its failure policy (guards exit 2, others exit 1), with one stderr line naming
// the problem, nothing on stdout, and never hang.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnHook } from '../../lib/testing.ts';

interface ManifestHook {
  name: string;
  event: string;
  matcher: string | null;
  onError: 'block' | 'allow';
  file: string;
}

const fixtures = new URL('../../cli/payloads/', import.meta.url);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;

/** Every bundle a manifest lists: each hook, and each event bundle (which fails by its strictest hook's policy). */
function manifestHooks(dir: string): Array<ManifestHook & { path: string }> {
  const manifest = new URL(`../../${dir}/manifest.json`, import.meta.url);
  if (!existsSync(manifest)) throw new Error(`${dir}/manifest.json is missing: run npm run build first`);
  const { hooks, events } = readJson(manifest) as { hooks: ManifestHook[]; events: ManifestHook[] };
  return [...hooks, ...events.map((e) => ({ ...e, name: e.file }))].map((h) => ({ ...h, path: fileURLToPath(new URL(`../../${dir}/${h.file}`, import.meta.url)) }));
}

/** A valid payload this hook's matcher selects: the event's fixture, with the first tool it names. */
function goodPayload(hook: ManifestHook): Record<string, unknown> {
  const payload = readJson(new URL(`${hook.event}.json`, fixtures));
  const tool = hook.matcher?.split(/[|,]/)[0]?.trim();
  if (tool && 'tool_name' in payload && tool !== payload.tool_name) {
    const toolFixture = readJson(new URL(`tools/${tool}.PreToolUse.json`, fixtures));
    return { ...payload, tool_name: tool, tool_input: toolFixture.tool_input };
  }
  return payload;
}

const hooks = [...manifestHooks('dist'), ...manifestHooks('test/.dist')];
const env = { HOOKPACK_DEADLINE_MS: '1500', HOOKPACK_CONFIG_DIR: '/nonexistent-hookpack-config' };

describe.each(hooks)('$name ($event, onError $onError) on bad input', (hook) => {
  const failCode = hook.onError === 'block' ? 2 : 1;
  const expectFailure = async (stdin: string | Buffer, code: RegExp, options: { keepStdinOpen?: boolean } = {}) => {
    const run = await spawnHook(hook.path, stdin, { env, ...options });
    expect(run.exitCode).toBe(failCode);
    if (failCode === 1 || !['PreToolUse', 'PermissionRequest'].includes(hook.event)) expect(run.stdout).toBe('');
    else expect(JSON.stringify(run.json)).toMatch(/"(permissionDecision|behavior)":"deny"/);
    expect(run.stderr).toMatch(code);
    // One line per hook that failed: one for a hook bundle, one per member for an event bundle.
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line).toMatch(code);
    return run;
  };
  const good = goodPayload(hook);

  it('answers a valid payload without failing', async () => {
    const run = await spawnHook(hook.path, good, { env });
    expect(run.exitCode).toBe(0);
  });

  it('treats extra unknown fields as harmless', async () => {
    const plain = await spawnHook(hook.path, good, { env });
    const extra = await spawnHook(hook.path, { ...good, field_from_the_future: { nested: [1, 2] }, another: 'x' }, { env });
    expect([extra.exitCode, extra.stdout]).toEqual([plain.exitCode, plain.stdout]);
  });

  it('fails by policy on empty stdin', () => expectFailure('', /E_PAYLOAD_EMPTY/));
  it('fails by policy on whitespace only', () => expectFailure('  \n\t', /E_PAYLOAD_EMPTY/));
  it('fails by policy on text that is not JSON', () => expectFailure('rm -rf /', /E_PAYLOAD_JSON: stdin is not valid JSON/));
  it('fails by policy on a JSON array', () => expectFailure(JSON.stringify([good]), /E_PAYLOAD_SHAPE: stdin holds an array/));
  it('fails by policy on JSON null', () => expectFailure('null', /E_PAYLOAD_SHAPE: stdin holds null/));
  it('fails by policy on a JSON string', () => expectFailure('"PreToolUse"', /E_PAYLOAD_SHAPE: stdin holds a string/));
  it('fails by policy on truncated JSON', () => expectFailure(JSON.stringify(good).slice(0, 40), /E_PAYLOAD_JSON/));
  it('fails by policy on invalid UTF-8', () => {
    const bytes = Buffer.from(JSON.stringify(good));
    bytes[bytes.length - 3] = 0xff;
    return expectFailure(bytes, /E_PAYLOAD_UTF8/);
  });
  it('fails by policy on a 10 MiB payload without reading it all', () =>
    expectFailure(JSON.stringify({ ...good, padding: 'x'.repeat(10 * 1024 * 1024) }), /E_PAYLOAD_TOO_LARGE/));
  it('fails by policy when a required common field is missing', () => {
    const { session_id: _dropped, ...rest } = good;
    return expectFailure(JSON.stringify(rest), /E_PAYLOAD_SCHEMA: .*session_id: expected string, got nothing/);
  });
  it('fails by policy when a common field has the wrong type', () => expectFailure(JSON.stringify({ ...good, cwd: 42 }), /E_PAYLOAD_SCHEMA: .*cwd: expected string, got number/));
  it('fails by policy when hook_event_name is missing', () => {
    const { hook_event_name: _dropped, ...rest } = good;
    return expectFailure(JSON.stringify(rest), /E_PAYLOAD_SCHEMA: hook_event_name: expected string, got nothing/);
  });
  it('fails by policy on an event it was not written for, naming both', () =>
    expectFailure(JSON.stringify({ ...good, hook_event_name: 'NoSuchEvent' }), new RegExp(`E_PAYLOAD_EVENT: this hook handles ${hook.event} but received a NoSuchEvent payload`)));
  it('is not fooled by a __proto__ key', async () => {
    const hostile = `{"__proto__":{"polluted":true},${JSON.stringify(good).slice(1)}`;
    const run = await spawnHook(hook.path, hostile, { env });
    expect(run.exitCode).toBe(0);
  });
  it('fails by policy within its deadline when stdin never closes and nothing arrives', async () => {
    const run = await expectFailure('', /E_STDIN_TIMEOUT/, { keepStdinOpen: true });
    expect(run.signal).toBeNull();
  });
  it('still answers when the payload arrives but stdin never closes (upstream #78756)', async () => {
    const plain = await spawnHook(hook.path, good, { env });
    const open = await spawnHook(hook.path, good, { env, keepStdinOpen: true });
    expect([open.exitCode, open.stdout]).toEqual([plain.exitCode, plain.stdout]);
  });
});
