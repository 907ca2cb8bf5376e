// `hookpack list | head -1`: the reader closes the pipe early, the next write fails with EPIPE,
// and the CLI must end quietly instead of dying of an unhandled 'error' event with a stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../cli/commands/index.ts';
import { processIo, type ProcessStreams } from '../../cli/io.ts';
import { main } from '../../cli/main.ts';
import { buildCli, cleanEnv, tempDir } from './_helpers.ts';

const { dir, cleanup } = tempDir('list-epipe');
afterAll(cleanup);

/** A stream whose reader has gone: every write fails with EPIPE. */
function closedPipe(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' }));
    },
  });
}

describe('hookpack list with its stdout closed early', () => {
  it('exits quietly (code 0, nothing on stderr) when a write fails with EPIPE', async () => {
    const exits: number[] = [];
    const stderr: string[] = [];
    const streams: ProcessStreams = {
      stdout: closedPipe(),
      stderr: new Writable({ write: (chunk, _e, callback) => void (stderr.push(String(chunk)), callback()) }),
      exit: (code) => void exits.push(code),
    };
    const io = processIo(cleanEnv(dir), dir, streams);
    const code = await main(['list'], io, commands);
    await new Promise((resolve) => setImmediate(resolve));
    expect(code).toBe(0);
    expect(exits).toEqual([0]);
    expect(stderr.join('')).toBe('');
  });

  it('reports another write error once and exits 1', async () => {
    const exits: number[] = [];
    const stderr: string[] = [];
    const broken = new Writable({
      write: (_c, _e, callback) => callback(Object.assign(new Error('EIO'), { code: 'EIO' })),
    });
    const io = processIo(cleanEnv(dir), dir, {
      stdout: broken,
      stderr: new Writable({ write: (chunk, _e, callback) => void (stderr.push(String(chunk)), callback()) }),
      exit: (code) => void exits.push(code),
    });
    io.out('a\n');
    io.out('b\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([1]);
    expect(stderr.join('')).toBe('hookpack: cannot write output: EIO\n');
  });

  it('as a process: no stack trace when the pipe is closed before it writes', async () => {
    const cli = buildCli(join(dir, 'dist'));
    const child = spawn(process.execPath, [cli, 'list'], {
      cwd: dir,
      env: cleanEnv(dir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // `head -1` that has already exited
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
