// How the runtime reads stdin (lib/runtime/stdin.ts), driven through the built bash-guard bundle:
// one buffer that grows as the payload fills it, a payload that arrives in pieces, and the
// boundaries where the buffer grows. The bad-input tests cover what is refused; these cover that
// nothing a client may legitimately send is cut, joined wrongly or waited on.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { spawnHook } from '../../../lib/testing.ts';
import { env, goodPayload, bundles } from '../../hooks/_bad-input.ts';

const bashGuard = bundles.find((b) => b.id === 'dist/bash-guard.cjs');
if (bashGuard === undefined)
  throw new Error('dist/bash-guard.cjs is missing from dist/manifest.json: run npm run build');
const good = goodPayload(bashGuard);
const bundlePath = bashGuard.path;

/** A PreToolUse payload for `command`, its description padded so the whole line is `bytes` long. */
function payloadOf(command: string, bytes: number): string {
  const base = JSON.stringify({ ...good, tool_input: { command, description: '' } });
  const line = JSON.stringify({ ...good, tool_input: { command, description: 'd'.repeat(bytes - base.length - 1) } });
  return `${line}\n`;
}

/** Runs the bundle, writing `pieces` to its stdin `gapMs` apart, then closing it. */
function runInPieces(pieces: string[], gapMs: number): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundlePath], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
    let index = 0;
    const next = () => {
      const piece = pieces[index++];
      if (piece === undefined) return child.stdin.end();
      child.stdin.write(piece);
      setTimeout(next, gapMs);
    };
    next();
  });
}

const decisionOf = (stdout: string) =>
  stdout === '' ? 'none' : (JSON.parse(stdout).hookSpecificOutput?.permissionDecision as string);

describe('the runtime reads stdin whole', () => {
  it.each([
    ['one byte under the first read', 64 * 1024 - 1],
    ['exactly the first read', 64 * 1024],
    ['one byte over the first read', 64 * 1024 + 1],
    ['several times the first read (the buffer grows twice)', 200 * 1024],
    ['a 3 MB payload', 3 * 1024 * 1024],
  ])('reads a payload of %s and judges its command', async (_label, bytes) => {
    const stdin = payloadOf('rm -rf /', bytes);
    expect(Buffer.byteLength(stdin)).toBe(bytes);
    const run = await spawnHook(bundlePath, stdin, { env });
    expect(run.exitCode).toBe(0);
    expect(decisionOf(run.stdout)).toBe('deny');
  });

  it('joins a payload that arrives in pieces with pauses between them', async () => {
    const stdin = payloadOf('git reset --hard', 90 * 1024);
    const cut = [10, 40 * 1024, 70 * 1024];
    const pieces = [
      stdin.slice(0, cut[0]),
      stdin.slice(cut[0], cut[1]),
      stdin.slice(cut[1], cut[2]),
      stdin.slice(cut[2]),
    ];
    const run = await runInPieces(pieces, 40);
    expect(run.code).toBe(0);
    expect(decisionOf(run.stdout)).toBe('ask');
  });

  it('judges the whole command, not the part that arrived first: a harmless start is not the answer', async () => {
    // `echo ok` arrives first and would pass; what follows makes it `echo ok; rm -rf ~`.
    const stdin = payloadOf('echo ok; rm -rf ~', 2 * 1024);
    const at = stdin.indexOf('; rm');
    const run = await runInPieces([stdin.slice(0, at), stdin.slice(at)], 60);
    expect(run.code).toBe(0);
    expect(decisionOf(run.stdout)).toBe('deny');
  });
});
