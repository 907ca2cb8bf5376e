// A blocking answer nobody can read must still block: stdout closed (`hook >&-`, which Node
// reopens on /dev/null), stdout on /dev/null, or a pipe whose reader has gone. Exit 0 with a lost
// answer would let the tool call run, so the hook exits 2 with the reason on stderr instead.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const testDist = (name: string) => fileURLToPath(new URL(`../../.dist/${name}.cjs`, import.meta.url));
const realDist = (name: string) => fileURLToPath(new URL(`../../../dist/${name}.cjs`, import.meta.url));
const fixture = JSON.parse(
  readFileSync(new URL('../../../cli/payloads/PreToolUse.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const bash = (command: string) => JSON.stringify({ ...fixture, tool_name: 'Bash', tool_input: { command } });

const dir = mkdtempSync(join(tmpdir(), 'hookpack-undelivered-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = {
  PATH: process.env.PATH,
  HOME: join(dir, 'home'),
  HOOKPACK_HOME: join(dir, 'state'),
  HOOKPACK_CONFIG_DIR: join(dir, 'config'),
};

type Stdout = 'closed' | 'devnull' | 'broken-pipe';
interface Run {
  exitCode: number | null;
  stderr: string;
}

/** Runs a bundle with its payload on stdin and stdout made unreadable in one of three ways. */
function runWith(bundle: string, payload: string, stdout: Stdout): Promise<Run> {
  const input = join(dir, `payload-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(input, payload);
  // `>&-` closes fd 1 in the shell before node starts: exactly what the issue reproduced.
  const child =
    stdout === 'closed'
      ? spawn('/bin/sh', ['-c', 'exec "$0" "$1" <"$2" >&-', process.execPath, bundle, input], {
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
        })
      : spawn(process.execPath, [bundle], { env, stdio: ['pipe', stdout === 'devnull' ? 'ignore' : 'pipe', 'pipe'] });
  // The reader goes away before node has even started: every write then fails with EPIPE.
  if (stdout === 'broken-pipe') child.stdout?.destroy();
  if (stdout !== 'closed') child.stdin?.end(payload);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (exitCode) => resolve({ exitCode, stderr })));
}

describe('a blocking answer that cannot be written', () => {
  it.each<Stdout>(['closed', 'devnull', 'broken-pipe'])(
    'exits 2 with the deny reason on stderr when stdout is %s',
    async (stdout) => {
      const run = await runWith(testDist('bash-behaviour'), bash('deny'), stdout);
      expect(run).toEqual({ exitCode: 2, stderr: 'use the safe variant instead\n' });
    },
  );

  it.each<Stdout>(['closed', 'broken-pipe'])(
    'an ask answer blocks too (stdout %s): nobody is left to ask',
    async (stdout) => {
      expect(await runWith(testDist('bash-behaviour'), bash('ask'), stdout)).toEqual({
        exitCode: 2,
        stderr: 'are you sure?\n',
      });
    },
  );

  it.each<Stdout>(['closed', 'broken-pipe'])(
    'an event bundle exits 2 with the merged reason (stdout %s)',
    async (stdout) => {
      const run = await runWith(testDist('on-PreToolUse'), bash('deny'), stdout);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain('use the safe variant instead');
    },
  );

  it('the built bash-guard blocks chmod -R 777 with its rule in the reason when stdout is closed', async () => {
    const run = await runWith(realDist('bash-guard'), bash('chmod -R 777 x'), 'closed');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^bash-guard blocked `chmod -R 777 x`.*\n$/);
  });

  it.each<Stdout>(['closed', 'broken-pipe'])(
    'an answer that does not block still exits 0 (stdout %s)',
    async (stdout) => {
      expect(await runWith(testDist('bash-behaviour'), bash('context'), stdout)).toEqual({ exitCode: 0, stderr: '' });
      expect(await runWith(testDist('bash-behaviour'), bash('ls'), stdout)).toEqual({ exitCode: 0, stderr: '' });
    },
  );

  it('a failure that fails closed keeps its exit 2 and its own one-line reason', async () => {
    const run = await runWith(testDist('bash-behaviour'), bash('throw'), 'closed');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^hookpack bash-behaviour failed closed \(E_HANDLER_THREW: .*\n$/);
  });
});
