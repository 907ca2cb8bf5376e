import type * as childProcess from 'node:child_process';
import type * as fs from 'node:fs';
import type * as path from 'node:path';
import { builtin } from './runtime/builtin.ts';
import { checkCommand, checkOptions } from './run/check-options.ts';
import { childEnv } from './run/child-env.ts';
import { leanChildAvailable, startLeanDetached } from './run/lean-child.ts';
import { describeSpawnError } from './run/spawn-error.ts';
import type { RunError } from './run/types.ts';

/** Options for {@link runInBackground}. */
export interface BackgroundOptions {
  /** The process's working directory. Default: this process's. */
  cwd?: string;
  /** Variables laid over `process.env` (or used alone with `extendEnv: false`); `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** Start from `process.env` (default true) or from nothing but `env`. */
  extendEnv?: boolean;
}

/** The started process's pid, or why it could not start. */
export type BackgroundStart = { pid: number } | { error: RunError };

const BACKGROUND_OPTIONS = ['cwd', 'env', 'extendEnv'];

/**
 * Starts work that needs no answer (metrics, indexing, a notification) in a detached process and
 * returns without waiting for it; never rejects except for a bad argument (TypeError naming it).
 *
 * The process gets its own session, stdin/stdout/stderr all on /dev/null, and is unref'd: the hook
 * exits at once and holds none of Claude Code's pipes. A child that inherits them keeps the event
 * waiting for EOF (only redirecting *both* stdout and stderr unblocks it, zilliztech/memsearch#676;
 * hangs on Windows and older versions, #77078, #85250; ~0.5 s on Linux 2.1.329). The process
 * outlives the hook and the session, can't talk back to Claude, nobody reads its output, and no
 * timeout applies: it must bound its own run time and log to a file if anyone should know how it went.
 *
 * Prefer Claude Code's `"async": true` on the hook in settings.json instead when the work has
 * something to say: an async hook's `additionalContext`/`systemMessage` reach Claude on the next
 * turn, its `timeout` still applies, and `-p` cancels it at exit (hooks-protocol §5). Use this for
 * work that must survive the session or that a synchronous hook starts after deciding.
 *
 * @example
 * const started = await runInBackground('git', ['maintenance', 'run', '--auto'], { cwd: input.cwd });
 * if ('error' in started) context.debug(started.error.message);
 */
export async function runInBackground(
  file: string,
  args: readonly string[],
  options?: BackgroundOptions,
): Promise<BackgroundStart> {
  checkCommand(file, args);
  const { cwd, env, extendEnv } = checkOptions(options, BACKGROUND_OPTIONS);
  const lean = leanChildAvailable() ? startLeanDetached(file, args, cwd, childEnv(env, extendEnv)) : undefined;
  if (lean !== undefined) return 'error' in lean ? { error: describeSpawnError(lean.error, file, cwd) } : lean;
  const { spawn } = builtin<typeof childProcess>('node:child_process');
  return new Promise((resolve) => {
    let child: childProcess.ChildProcess;
    try {
      child = spawn(file, args, {
        cwd,
        env: childEnv(env, extendEnv),
        shell: false,
        detached: true,
        stdio: 'ignore',
        windowsHide: true,
      });
    } catch (error) {
      return resolve({ error: describeSpawnError(error, file, cwd) });
    }
    // Without an 'error' listener a failed start would crash the hook.
    child.once('error', (error) => resolve({ error: describeSpawnError(error, file, cwd) }));
    child.unref();
    if (child.pid !== undefined) resolve({ pid: child.pid });
  });
}

/**
 * {@link runInBackground} for a Node script, run by this same `node` binary. A missing script is
 * reported here (ENOENT), since nobody would see node's own complaint about it.
 */
export async function runNodeInBackground(
  scriptPath: string,
  args: readonly string[] = [],
  options?: BackgroundOptions,
): Promise<BackgroundStart> {
  checkCommand(scriptPath, args);
  const full = builtin<typeof path>('node:path').resolve(options?.cwd ?? '', scriptPath);
  if (!builtin<typeof fs>('node:fs').existsSync(full))
    return { error: { code: 'ENOENT', message: `\`${full}\` does not exist; check the script's path` } };
  return runInBackground(process.execPath, [scriptPath, ...args], options);
}
