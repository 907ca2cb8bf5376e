import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnHook } from '../../../lib/testing.ts';
import { TELEMETRY_MAX_BYTES } from '../../../lib/runtime/telemetry.ts';

const dist = (name: string) => fileURLToPath(new URL(`../../.dist/${name}.cjs`, import.meta.url));
const fixture = (event: string) =>
  JSON.parse(readFileSync(new URL(`../../../cli/payloads/${event}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const bash = (command: string) => ({ ...fixture('PreToolUse'), tool_name: 'Bash', tool_input: { command } });

let home: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  home = join(mkdtempSync(join(tmpdir(), 'hookpack-telemetry-')), 'home');
  env = { HOOKPACK_HOME: home };
});
afterEach(() => rmSync(join(home, '..'), { recursive: true, force: true }));

const lines = (file = 'telemetry.jsonl') =>
  readFileSync(join(home, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('telemetry', () => {
  it('appends one JSON line per run with hook, event, duration, exit code and decision', async () => {
    await spawnHook(dist('bash-behaviour'), bash('deny'), { env });
    await spawnHook(dist('bash-behaviour'), bash('ls'), { env });
    const [first, second] = lines();
    expect(first).toMatchObject({
      hook: 'bash-behaviour',
      event: 'PreToolUse',
      exit: 0,
      decision: 'deny',
      cacheHits: 0,
      cacheMisses: 0,
      breakers: [],
    });
    expect(second).toMatchObject({ decision: 'none', exit: 0 });
    expect(typeof first?.ms).toBe('number');
    expect(Date.parse(String(first?.ts))).not.toBeNaN();
  });

  it('records failures with their error code and the policy applied', async () => {
    await spawnHook(dist('bash-behaviour'), bash('throw'), { env });
    await spawnHook(dist('bash-behaviour'), 'garbage', { env });
    expect(lines().map((l) => [l.exit, l.decision, l.error])).toEqual([
      [2, 'fail-closed', 'E_HANDLER_THREW'],
      [2, 'fail-closed', 'E_PAYLOAD_JSON'],
    ]);
  });

  it('creates the state directory 0700', async () => {
    await spawnHook(dist('bash-behaviour'), bash('ls'), { env });
    expect((await import('node:fs')).statSync(home).mode & 0o777).toBe(0o700);
  });

  it('is off with HOOKPACK_TELEMETRY=0', async () => {
    await spawnHook(dist('bash-behaviour'), bash('deny'), { env: { ...env, HOOKPACK_TELEMETRY: '0' } });
    expect(existsSync(join(home, 'telemetry.jsonl'))).toBe(false);
  });

  it('keeps every line whole when 20 hooks write at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => spawnHook(dist('bash-behaviour'), bash(i % 2 ? 'deny' : 'ls'), { env })),
    );
    const records = lines();
    expect(records).toHaveLength(20);
    expect(records.filter((r) => r.decision === 'deny')).toHaveLength(10);
  });

  it('rotates the log past its size limit and keeps writing whole lines', async () => {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    writeFileSync(join(home, 'telemetry.jsonl'), '');
    truncateSync(join(home, 'telemetry.jsonl'), TELEMETRY_MAX_BYTES + 1);
    await spawnHook(dist('bash-behaviour'), bash('deny'), { env });
    expect(lines()).toHaveLength(1);
    expect(existsSync(join(home, 'telemetry.jsonl.1'))).toBe(true);
  });

  it('writes nothing into a state directory others can write to, and still answers', async () => {
    mkdirSync(home, { recursive: true });
    chmodSync(home, 0o777);
    const run = await spawnHook(dist('bash-behaviour'), bash('deny'), { env });
    expect(run.json).toBeDefined();
    expect(existsSync(join(home, 'telemetry.jsonl'))).toBe(false);
  });
});
