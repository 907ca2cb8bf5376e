// The built context-bundle as Claude Code runs it: `node dist/context-bundle.cjs`, one PostToolUse
// payload on stdin, appending to <project>/.claude/context-bundles/<session>.jsonl in a temp dir.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnHook, type HookRun } from '../../lib/testing.ts';

const BUNDLE = fileURLToPath(new URL('../../dist/context-bundle.cjs', import.meta.url));
const SESSION = '00000000-0000-4000-8000-000000000001';
const TS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let dir: string;
let project: string;
let bundles: string;
let userConfig: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
});
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-context-bundle-')));
  project = join(dir, 'project');
  bundles = join(project, '.claude', 'context-bundles');
  userConfig = join(dir, 'config');
  mkdirSync(project);
  mkdirSync(userConfig);
  env = {
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'xdg'),
    HOOKPACK_CONFIG_DIR: userConfig,
    HOOKPACK_HOME: join(dir, 'hookpack-home'),
    CLAUDE_PROJECT_DIR: project,
  };
});
afterEach(() => {
  if (existsSync(project)) chmodSync(project, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

interface Call {
  tool_name: string;
  tool_input: Record<string, unknown>;
  tool_response?: unknown;
  tool_use_id?: string;
  duration_ms?: number;
  session_id?: string;
}

const payload = (call: Call) => ({
  session_id: call.session_id ?? SESSION,
  transcript_path: join(dir, 't.jsonl'),
  cwd: project,
  permission_mode: 'default',
  hook_event_name: 'PostToolUse',
  tool_name: call.tool_name,
  tool_input: call.tool_input,
  tool_response: call.tool_response ?? {},
  tool_use_id: call.tool_use_id ?? 'toolu_1',
  ...(call.duration_ms !== undefined ? { duration_ms: call.duration_ms } : {}),
});
const run = (call: Call, extraEnv: NodeJS.ProcessEnv = {}): Promise<HookRun> =>
  spawnHook(BUNDLE, payload(call), { cleanEnv: true, env: { ...env, ...extraEnv } });
const lines = (file = join(bundles, `${SESSION}.jsonl`)) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('dist/context-bundle.cjs', () => {
  it('appends one record per call, with paths relative to the project, and prints nothing', async () => {
    const calls: [Call, Record<string, unknown>][] = [
      [
        {
          tool_name: 'Bash',
          tool_input: { command: 'npm test -- --run', description: 'tests' },
          tool_response: { stdout: 'ok', stderr: '', interrupted: false, isImage: false },
          tool_use_id: 'toolu_bash',
          duration_ms: 1834,
        },
        {
          tool: 'Bash',
          paths: [],
          command: 'npm test -- --run',
          success: true,
          duration_ms: 1834,
          tool_use_id: 'toolu_bash',
        },
      ],
      [
        {
          tool_name: 'Bash',
          tool_input: { command: 'sleep 100' },
          tool_response: { stdout: '', stderr: '', interrupted: true, isImage: false },
          tool_use_id: 'toolu_int',
        },
        { tool: 'Bash', paths: [], command: 'sleep 100', success: false, tool_use_id: 'toolu_int' },
      ],
      [
        {
          tool_name: 'Edit',
          tool_input: { file_path: join(project, 'src/app.ts'), old_string: 'a', new_string: 'b' },
          tool_use_id: 'toolu_edit',
          duration_ms: 4,
        },
        { tool: 'Edit', paths: ['src/app.ts'], success: true, duration_ms: 4, tool_use_id: 'toolu_edit' },
      ],
      [
        {
          tool_name: 'Write',
          tool_input: { file_path: join(project, 'README.md'), content: '# x' },
          tool_response: { filePath: join(project, 'README.md'), success: false },
          tool_use_id: 'toolu_write',
        },
        { tool: 'Write', paths: ['README.md'], success: false, tool_use_id: 'toolu_write' },
      ],
      [
        { tool_name: 'Read', tool_input: { file_path: '/etc/hosts' }, tool_use_id: 'toolu_read' },
        { tool: 'Read', paths: ['/etc/hosts'], success: true, tool_use_id: 'toolu_read' },
      ],
      [
        {
          tool_name: 'Glob',
          tool_input: { pattern: '**/*.ts', path: join(project, 'lib') },
          tool_use_id: 'toolu_glob',
        },
        { tool: 'Glob', paths: ['lib'], success: true, tool_use_id: 'toolu_glob' },
      ],
      [
        {
          tool_name: 'MultiEdit',
          tool_input: { file_path: join(project, 'lib/a.ts'), edits: [{ old_string: 'x', new_string: 'y' }] },
          tool_use_id: 'toolu_multi',
        },
        { tool: 'MultiEdit', paths: ['lib/a.ts'], success: true, tool_use_id: 'toolu_multi' },
      ],
    ];
    for (const [call] of calls) {
      const result = await run(call);
      expect([result.exitCode, result.stdout, result.stderr]).toEqual([0, '', '']);
    }
    const records = lines();
    expect(records.map(({ ts, ...rest }) => rest)).toEqual(calls.map(([, expected]) => expected));
    expect(records.every((r) => TS.test(String(r.ts)))).toBe(true);
    expect(statSync(bundles).mode & 0o777).toBe(0o700);
    expect(statSync(join(bundles, `${SESSION}.jsonl`)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(bundles, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
  });

  it('keeps every line whole when 20 processes append to the same session at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run({ tool_name: 'Bash', tool_input: { command: `echo ${i} ${'x'.repeat(250)}` }, tool_use_id: `toolu_${i}` }),
      ),
    );
    expect(results.map((r) => r.exitCode)).toEqual(Array(20).fill(0));
    const text = readFileSync(join(bundles, `${SESSION}.jsonl`), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const records = lines();
    expect(records).toHaveLength(20);
    expect(records.map((r) => r.tool_use_id).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `toolu_${i}`).sort());
  });

  it.each(['../../../etc/passwd', '../outside', 'a/b', '..', ''])(
    'keeps a hostile session id %j inside the bundles directory',
    async (session_id) => {
      const result = await run({ tool_name: 'Read', tool_input: { file_path: join(project, 'x') }, session_id });
      expect([result.exitCode, result.stdout, result.stderr]).toEqual([0, '', '']);
      const files = readdirSync(bundles).sort();
      expect(files).toEqual(['.gitignore', expect.stringMatching(/^session-[0-9a-f]{16}\.jsonl$/)]);
      expect(readdirSync(join(project, '.claude'))).toEqual(['context-bundles']);
      expect(readdirSync(dir).sort()).toEqual(['config', 'hookpack-home', 'project']);
    },
  );

  it('rotates past the configured size to <session>.1.jsonl, keeping lines whole', async () => {
    writeFileSync(join(userConfig, 'context-bundle.json'), JSON.stringify({ maxBytes: 4096 }));
    mkdirSync(bundles, { recursive: true });
    const full = `${Array.from({ length: 50 }, (_, i) => JSON.stringify({ n: i, pad: 'p'.repeat(80) })).join('\n')}\n`;
    writeFileSync(join(bundles, `${SESSION}.jsonl`), full);
    writeFileSync(join(bundles, `${SESSION}.1.jsonl`), 'the generation before\n');
    const result = await run({
      tool_name: 'Read',
      tool_input: { file_path: join(project, 'a') },
      tool_use_id: 'toolu_after',
    });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(bundles, `${SESSION}.1.jsonl`), 'utf8')).toBe(full);
    expect(lines().map((r) => r.tool_use_id)).toEqual(['toolu_after']);
  });

  it('never lets 20 concurrent writers tear a line while rotating', async () => {
    writeFileSync(join(userConfig, 'context-bundle.json'), JSON.stringify({ maxBytes: 4096 }));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run({ tool_name: 'Bash', tool_input: { command: `echo ${i} ${'y'.repeat(280)}` }, tool_use_id: `toolu_${i}` }),
      ),
    );
    expect(results.every((r) => r.exitCode === 0)).toBe(true);
    const current = lines();
    const rotated = existsSync(join(bundles, `${SESSION}.1.jsonl`)) ? lines(join(bundles, `${SESSION}.1.jsonl`)) : [];
    // Every line parses, and 20 lines of ~380 bytes rotate a 4 KiB file once: none is lost
    // (a writer that opened the file before the rename finishes its line into <session>.1.jsonl).
    expect(rotated.length).toBeGreaterThan(0);
    expect([...current, ...rotated].map((r) => r.tool_use_id).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `toolu_${i}`).sort(),
    );
    expect(statSync(join(bundles, `${SESSION}.jsonl`)).size).toBeLessThanOrEqual(4096 + 20 * 400);
    expect(readdirSync(bundles).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('exits 0 silently when the project cannot take the file, and says why under HOOKPACK_DEBUG', async () => {
    writeFileSync(join(project, '.claude'), 'a file where the directory should be');
    const quiet = await run({ tool_name: 'Read', tool_input: { file_path: join(project, 'a') } });
    expect([quiet.exitCode, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
    const loud = await run(
      { tool_name: 'Read', tool_input: { file_path: join(project, 'a') } },
      { HOOKPACK_DEBUG: '1' },
    );
    expect([loud.exitCode, loud.stdout]).toEqual([0, '']);
    expect(loud.stderr).toMatch(/hookpack context-bundle: not recorded in .*\.jsonl: (EEXIST|ENOTDIR): /);
  });

  it('fails open with one stderr line naming a broken config file', async () => {
    writeFileSync(join(userConfig, 'context-bundle.json'), JSON.stringify({ maxBytes: 10 }));
    const result = await run({ tool_name: 'Read', tool_input: { file_path: join(project, 'a') } });
    expect([result.exitCode, result.stdout]).toEqual([1, '']);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^hookpack context-bundle failed open \(E_CONFIG: .*context-bundle\.json: `maxBytes` must be a whole number of bytes from 4096/,
      ),
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('exits 0 silently in a read-only project', async () => {
    chmodSync(project, 0o555);
    const result = await run({ tool_name: 'Read', tool_input: { file_path: join(project, 'a') } });
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([0, '', '']);
  });

  it('does not write through a symlinked bundles directory', async () => {
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(join(project, '.claude'));
    symlinkSync(elsewhere, bundles);
    const result = await run(
      { tool_name: 'Read', tool_input: { file_path: join(project, 'a') } },
      { HOOKPACK_DEBUG: '1' },
    );
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(result.stderr).toContain('is a symlink; context bundles are only written into a real directory');
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
