// The file-guard corpus as a table: every case of every test/corpus/file-guard/<category>.json
// (`{ tool, input, expect: "deny" | "allow", source, note? }`) must get its expected verdict.
// Every case goes through the hook's handler and renderer in this process (lib/testing.ts), and
// every 10th case of each category also through the built dist/file-guard.cjs as a real process,
// which must print exactly the same answer. Cases run with the corpus layout of
// test/corpus/README.md: cwd /home/user/project, HOME=/home/user, empty config and state dirs.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fileGuard from '../../hooks/file-guard.ts';
import { runHookInProcess, type InProcessRun } from '../../lib/testing.ts';
import { corpusEnv, DEFAULT_CWD } from './corpus.mjs';

interface FileCase {
  tool: string;
  input: Record<string, unknown>;
  expect: 'deny' | 'allow';
  source: string;
  note?: string;
}

const CORPUS_DIR = fileURLToPath(new URL('./file-guard', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/file-guard.cjs', import.meta.url));
const KEYS = new Set(['tool', 'input', 'expect', 'source', 'note']);

function load(): Array<{ category: string; cases: FileCase[] }> {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => {
      const cases = JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as FileCase[];
      cases.forEach((item, index) => {
        const where = `${file}[${index}]`;
        for (const key of Object.keys(item)) if (!KEYS.has(key)) throw new Error(`${where}: unknown key "${key}"`);
        if (typeof item.tool !== 'string' || typeof item.input !== 'object' || item.input === null)
          throw new Error(`${where}: needs "tool" and an "input" object`);
        if (item.expect !== 'deny' && item.expect !== 'allow')
          throw new Error(`${where}: "expect" must be deny or allow`);
        if (typeof item.source !== 'string' || item.source.trim() === '')
          throw new Error(`${where}: "source" must say where the case came from`);
      });
      return { category: basename(file, '.json'), cases };
    });
}

const files = load();
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-file-corpus-')));
const env = corpusEnv(scratch);

function payloadFor(item: FileCase, index: number): Record<string, unknown> {
  return {
    session_id: '00000000-0000-4000-8000-00000000f11e',
    transcript_path: '/home/user/.claude/projects/-home-user-project/00000000-0000-4000-8000-00000000f11e.jsonl',
    cwd: DEFAULT_CWD,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: item.tool,
    tool_input: item.input,
    tool_use_id: `toolu_file_corpus_${index}`,
  };
}

function outcomeOf(run: { stdout: string; exitCode: number | null }): string {
  if (run.exitCode === 2) return 'fail-closed';
  if (run.stdout.trim() === '') return run.exitCode === 0 ? 'allow' : `exit ${run.exitCode}`;
  const decision = (JSON.parse(run.stdout) as { hookSpecificOutput?: { permissionDecision?: string } })
    .hookSpecificOutput?.permissionDecision;
  return decision ?? 'answered';
}

const inProcess = new Map<string, InProcessRun>();
async function judge(category: string, item: FileCase, index: number): Promise<InProcessRun> {
  const key = `${category}#${index}`;
  let run = inProcess.get(key);
  if (run === undefined) {
    run = await runHookInProcess(fileGuard, payloadFor(item, index), {
      name: 'file-guard',
      env: {
        HOME: env.HOME,
        CLAUDE_PROJECT_DIR: env.CLAUDE_PROJECT_DIR,
        HOOKPACK_CONFIG_DIR: env.HOOKPACK_CONFIG_DIR,
        XDG_CONFIG_HOME: env.XDG_CONFIG_HOME,
      },
    });
    inProcess.set(key, run);
  }
  return run;
}

function spawnCase(item: FileCase, index: number): Promise<{ exitCode: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stdin.on('error', () => {});
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout: Buffer.concat(out).toString('utf8') }));
    child.stdin.end(`${JSON.stringify(payloadFor(item, index))}\n`);
  });
}

beforeAll(() => {
  for (const dir of ['state', 'config', 'xdg-config', 'xdg-cache'])
    mkdirSync(join(scratch, dir), { recursive: true, mode: 0o700 });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const label = (item: FileCase): string =>
  `${item.tool} ${JSON.stringify(item.input.file_path ?? item.input.notebook_path ?? item.input.path ?? item.input)} → ${item.expect}`;

describe.each(files)('file-guard corpus: $category', ({ category, cases }) => {
  it.each(cases.map((item, index) => ({ name: label(item), item, index })))('$name', async ({ item, index }) => {
    const run = await judge(category, item, index);
    expect(
      outcomeOf(run),
      `${label(item)}\n  source: ${item.source}\n  answer: ${run.stdout.trim() || run.stderr.trim() || '(no output)'}`,
    ).toBe(item.expect);
  });
});

describe.skipIf(!existsSync(BUNDLE))('file-guard corpus through the built bundle (every 10th case)', () => {
  const sample = files.flatMap(({ category, cases }) =>
    cases.flatMap((item, index) => (index % 10 === 0 ? [{ category, item, index }] : [])),
  );
  it.each(sample.map((entry) => ({ name: `${entry.category}: ${label(entry.item)}`, ...entry })))(
    '$name',
    async ({ category, item, index }) => {
      const inProc = await judge(category, item, index);
      const bundled = await spawnCase(item, index);
      expect(bundled.stdout).toBe(inProc.stdout);
      expect(outcomeOf(bundled)).toBe(item.expect);
    },
  );
});
