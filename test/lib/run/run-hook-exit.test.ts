import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript, isGone, killTracked, pidFrom, pidLog, tempDir, track, waitFor } from './_processes.ts';

// A hook is a short-lived process: the runner ends it with process.exit() at its deadline, and
// Claude Code SIGTERMs it on timeout (hooks-protocol §5, §8). Its children sit in their own
// process groups, so neither reaches them unless `run` passes it on.
const dir = tempDir();
let hook: string;

beforeAll(() => {
  hook = bundleScript(
    `
    import { existsSync } from 'node:fs';
    import { run } from './lib/run.ts';
    const [mode, pidFile] = process.argv.slice(2);
    if (mode === 'own-handler') process.on('SIGTERM', () => { process.stdout.write('handled'); process.exit(7); });
    void run('sh', ['-c', 'echo $$ > "$1"; exec sleep 30', 'sh', pidFile]);
    // Exit only once the child is surely running: its pid file is there.
    const ready = setInterval(() => {
      if (!existsSync(pidFile)) return;
      clearInterval(ready);
      if (mode === 'exit') setTimeout(() => process.exit(0), 100);
    }, 10);
    setTimeout(() => {}, 20_000);
    `,
    dir.file('hook.cjs'),
  );
});
afterEach(killTracked);
afterAll(() => dir.remove());

function startHook(mode: string, pidFile: string) {
  const child = spawn(process.execPath, [hook, mode, pidFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  track(child.pid ?? 0);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child, ended };
}

describe('a hook process that ends while run is in flight leaves no child behind', () => {
  it('kills the child when the hook calls process.exit()', async () => {
    const pidFile = pidLog(dir);
    const { ended } = startHook('exit', pidFile);
    const sleeper = await pidFrom(pidFile);
    expect((await ended).code).toBe(0);
    expect(await waitFor(() => isGone(sleeper), 2000)).toBe(true);
  });

  it('kills the child when the hook is SIGTERMed, then dies of SIGTERM as it would have', async () => {
    const pidFile = pidLog(dir);
    const { child, ended } = startHook('term', pidFile);
    const sleeper = await pidFrom(pidFile);
    child.kill('SIGTERM');
    expect((await ended).signal).toBe('SIGTERM');
    expect(await waitFor(() => isGone(sleeper), 2000)).toBe(true);
  });

  it('kills the child even when SIGTERM comes the instant the child has started (15 tries)', async () => {
    // The child can run before spawn() returns; the signal guard must already be in place by then.
    for (let attempt = 0; attempt < 15; attempt++) {
      const pidFile = pidLog(dir);
      const { child, ended } = startHook('term', pidFile);
      await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 5000, 1);
      child.kill('SIGTERM');
      const sleeper = track(Number(readFileSync(pidFile, 'utf8').trim()));
      expect((await ended).signal).toBe('SIGTERM');
      expect(await waitFor(() => isGone(sleeper), 2000), `attempt ${attempt}`).toBe(true);
    }
  });

  it("kills the child on SIGTERM but leaves the exit to the hook's own handler", async () => {
    const pidFile = pidLog(dir);
    const { child, ended } = startHook('own-handler', pidFile);
    const sleeper = await pidFrom(pidFile);
    child.kill('SIGTERM');
    const end = await ended;
    expect([end.code, end.stdout.endsWith('handled')]).toEqual([7, true]);
    expect(await waitFor(() => isGone(sleeper), 2000)).toBe(true);
  });
});
