import type * as childProcess from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { builtin } from '../runtime/builtin.ts';
import { captureCapped } from './capped-output.ts';
import type { ChildEvents, ChildSpec, Started } from './child.ts';

type Child = childProcess.ChildProcessByStdio<Writable | null, Readable, Readable>;

/** Starts a child with node:child_process: the portable way, used wherever lean-child.ts can't be. */
export function startNodeChild(spec: ChildSpec, events: ChildEvents): Started {
  const { spawn } = builtin<typeof childProcess>('node:child_process');
  let child: Child;
  try {
    child = spawn(spec.file, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      shell: false,
      // Its own group (and session), so one signal to -pid reaches every descendant that stayed.
      detached: process.platform !== 'win32',
      windowsHide: true,
      // No input: /dev/null, so the child can't read (or wait on) the hook's own stdin.
      stdio: [spec.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    }) as Child;
  } catch (error) {
    // ENOTDIR and other rare codes are thrown by spawn() instead of emitted.
    return { error };
  }
  const pid = child.pid;
  // ENOENT, EACCES, EMFILE …: no process; 'error' follows on the next tick.
  if (pid === undefined) return { error: new Promise((resolve) => child.once('error', resolve)) };
  const stdout = captureCapped(child.stdout, spec.maxOutputBytes);
  const stderr = captureCapped(child.stderr, spec.maxOutputBytes);
  if (spec.input !== undefined && child.stdin !== null) {
    // The child may exit without reading it all: EPIPE is its choice, not our failure.
    child.stdin.on('error', () => {});
    child.stdin.end(spec.input);
  }
  child.on('exit', (code, signal) => events.exit(code, signal));
  child.on('close', () => events.close());
  return {
    child: {
      pid,
      stdout,
      stderr,
      release() {
        child.stdin?.destroy();
        child.stdout.destroy();
        child.stderr.destroy();
      },
    },
  };
}
