import { spawn } from 'node:child_process';

/** What a hook process did with one payload. */
export interface HookRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON when it holds one object, else undefined. */
  json: Record<string, unknown> | undefined;
  durationMs: number;
}

export interface SpawnHookOptions {
  /** Extra environment (merged over process.env unless `cleanEnv`). */
  env?: NodeJS.ProcessEnv;
  /** Start from an empty environment plus PATH/HOME and `env`. */
  cleanEnv?: boolean;
  /** Keep stdin open after writing the payload, as buggy clients do. */
  keepStdinOpen?: boolean;
  /** Kill the process after this many ms (default 30 s) so a test can never hang. */
  killAfterMs?: number;
  cwd?: string;
}

/**
 * Runs a built hook bundle as Claude Code does: a new `node` process, the payload on stdin
 * (an object is serialised with a trailing newline), stdout and stderr captured.
 */
export function spawnHook(bundle: string, payload: unknown, options: SpawnHookOptions = {}): Promise<HookRun> {
  const env = options.cleanEnv
    ? { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env }
    : { ...process.env, ...options.env };
  const input = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : `${JSON.stringify(payload)}\n`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin.on('error', () => {}); // the hook may exit before reading everything (EPIPE)
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(killer);
      const stdout = Buffer.concat(out).toString('utf8');
      let json: Record<string, unknown> | undefined;
      try {
        const parsed: unknown = stdout.trim() ? JSON.parse(stdout) : undefined;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      resolve({ exitCode, signal, stdout, stderr: Buffer.concat(err).toString('utf8'), json, durationMs: performance.now() - started });
    });
    if (options.keepStdinOpen) child.stdin.write(input);
    else child.stdin.end(input);
  });
}
