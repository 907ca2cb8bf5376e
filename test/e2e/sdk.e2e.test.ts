// The same hook file as an Agent SDK callback: bash-guard handed to the real SDK's query()
// (0.3.329, pinned in test/e2e/sdk) through hookpack/sdk as the package ships it (dist/sdk),
// the SDK running the pinned client (test/e2e/client) against our scripted mock API, offline.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HookDefinition } from '../../lib/define.ts';
import type * as HookpackSdk from '../../lib/sdk/index.ts';
import { ROOT } from './_harness.ts';
import { toolResults } from './harness/inspect.ts';
import { type LoggedRequest, startMockApi } from './harness/mock-api.ts';
import { clientEnv } from './harness/offline-env.ts';
import { claudeBin } from './harness/run-claude.ts';

const SDK_DIR = join(ROOT, 'test', 'e2e', 'sdk', 'node_modules', '@anthropic-ai', 'claude-agent-sdk');

/** The part of the SDK this test uses, typed here so the repository type-checks without it installed. */
interface AgentSdk {
  query(args: { prompt: string; options: Record<string, unknown> }): AsyncIterable<Record<string, unknown>>;
}

async function loadSdk(): Promise<AgentSdk> {
  if (!existsSync(join(SDK_DIR, 'sdk.mjs')))
    throw new Error(
      `the Agent SDK is not installed in ${SDK_DIR}: run \`node test/e2e/client/ensure.mjs\` (test/e2e/sdk pins it)`,
    );
  return (await import(pathToFileURL(join(SDK_DIR, 'sdk.mjs')).href)) as AgentSdk;
}

async function loadBuilt<T>(rel: string): Promise<T> {
  const file = join(ROOT, 'dist', 'sdk', rel);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return (await import(pathToFileURL(file).href)) as T;
}

// Each command first touches a sentinel in the project, so "it ran" is a file; and `chmod` is a
// stub first on PATH that only records its arguments, so even a guard that let it through
// could not touch the machine's root.
const DANGEROUS = 'touch ./s-chmod && chmod -R 777 /';
const HARMLESS = 'touch ./s-ls && ls';

describe('bash-guard as an Agent SDK callback, in a real query()', () => {
  let dir: string;
  let project: string;
  let stateDir: string;
  let requests: LoggedRequest[] = [];
  const messages: Array<Record<string, unknown>> = [];
  let stderr = '';

  beforeAll(async () => {
    const { query } = await loadSdk();
    const { toAgentSdkHooks } = await loadBuilt<typeof HookpackSdk>('sdk.js');
    const bashGuard = (await loadBuilt<{ default: HookDefinition }>('hooks/bash-guard.js')).default;

    dir = mkdtempSync(join(tmpdir(), 'hookpack-e2e-sdk-'));
    project = join(dir, 'project');
    stateDir = join(dir, 'hookpack-home');
    const paths = { dir, home: join(dir, 'home'), project, out: join(dir, 'out'), tmp: join(dir, 'tmp') };
    const stubs = join(dir, 'stub-bin');
    for (const sub of [paths.home, project, paths.out, paths.tmp, stubs]) mkdirSync(sub, { recursive: true });
    writeFileSync(join(project, 'listed-by-ls.txt'), 'x\n');
    writeFileSync(join(stubs, 'chmod'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${join(paths.out, 'chmod-ran.log')}'\n`);
    chmodSync(join(stubs, 'chmod'), 0o755);

    const script = {
      turns: [
        { tool: 'Bash', input: { command: DANGEROUS, description: 'e2e' } },
        { tool: 'Bash', input: { command: HARMLESS, description: 'e2e' } },
        { text: 'done' },
      ],
    };
    const mock = await startMockApi({ script, logFile: join(dir, 'requests.jsonl'), lifetimeMs: 150_000 });
    const env = clientEnv(paths, mock.url, {
      PATH: `${stubs}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOOKPACK_HOME: stateDir,
    });
    try {
      const session = query({
        prompt: 'go',
        options: {
          cwd: project,
          env,
          pathToClaudeCodeExecutable: claudeBin(),
          // Only the callbacks: no settings file of any scope, so nothing else can answer for the guard.
          settingSources: [],
          permissionMode: 'default',
          allowedTools: ['Bash'],
          maxTurns: 6,
          stderr: (text: string) => {
            stderr += text;
          },
          hooks: toAgentSdkHooks([{ name: 'bash-guard', hook: bashGuard }], { cwd: project, env }),
        },
      });
      for await (const message of session) messages.push(message);
    } finally {
      await mock.close();
      requests = [...mock.requests];
    }
  });

  afterAll(() => {
    if (dir && process.env.E2E_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  });

  it('ends the session normally', () => {
    const result = messages.find((m) => m.type === 'result');
    expect(result, stderr).toMatchObject({ subtype: 'success' });
    expect(toolResults(requests)).toHaveLength(2);
  });

  it('denies chmod -R 777 / before it runs, and the model reads our reason', () => {
    expect(existsSync(join(project, 's-chmod'))).toBe(false);
    expect(existsSync(join(dir, 'out', 'chmod-ran.log'))).toBe(false);
    const [denied] = toolResults(requests);
    expect(denied?.is_error).toBe(true);
    expect(denied?.text).toMatch(/bash-guard blocked `/);
    expect(denied?.text).not.toMatch(/\n\s+at /);
  });

  it('lets ls through', () => {
    expect(existsSync(join(project, 's-ls'))).toBe(true);
    const listed = toolResults(requests)[1];
    expect(listed?.is_error).toBe(false);
    expect(listed?.text).toContain('listed-by-ls.txt');
  });

  it('records both calls in the session HOOKPACK_HOME, marked as SDK callbacks', () => {
    const lines = readFileSync(join(stateDir, 'telemetry.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.hook, l.event, l.decision, l.transport, l.project])).toEqual([
      ['bash-guard', 'PreToolUse', 'deny', 'sdk', project],
      ['bash-guard', 'PreToolUse', 'none', 'sdk', project],
    ]);
  });

  it('never sends an answer the client rejects', () => {
    expect(JSON.stringify(messages)).not.toContain('Hook JSON output validation failed');
    expect(stderr).not.toContain('Error in hook callback');
  });
});

describe('the hooks option toAgentSdkHooks returns', () => {
  it("type-checks as the real SDK's Options['hooks'], with hookpack's answers as its HookJSONOutput", () => {
    if (!existsSync(join(SDK_DIR, 'sdk.d.ts')))
      throw new Error(`the Agent SDK is not installed in ${SDK_DIR}: run \`node test/e2e/client/ensure.mjs\``);
    const work = mkdtempSync(join(tmpdir(), 'hookpack-e2e-sdk-types-'));
    try {
      const file = join(work, 'check.ts');
      writeFileSync(
        file,
        [
          `import type { HookCallback, HookCallbackMatcher, HookJSONOutput, Options } from ${JSON.stringify(join(SDK_DIR, 'sdk.d.ts'))};`,
          `import type { AgentSdkHookCallback, AgentSdkHookCallbackMatcher, AgentSdkHookOutput, AgentSdkHooks } from ${JSON.stringify(join(ROOT, 'lib', 'sdk', 'index.ts'))};`,
          'declare const hooks: AgentSdkHooks;',
          'export const options: Options = { hooks };',
          'export const callback: HookCallback = null as unknown as AgentSdkHookCallback;',
          'export const matcher: HookCallbackMatcher = null as unknown as AgentSdkHookCallbackMatcher;',
          'export const output: HookJSONOutput = null as unknown as AgentSdkHookOutput;',
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(work, 'tsconfig.json'),
        JSON.stringify({
          extends: join(ROOT, 'tsconfig.json'),
          compilerOptions: { typeRoots: [join(ROOT, 'node_modules', '@types')] },
          include: [],
          files: [file],
        }),
      );
      const tsc = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
          '-p',
          join(work, 'tsconfig.json'),
          '--pretty',
          'false',
        ],
        { encoding: 'utf8' },
      );
      expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
      expect(tsc.status).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
