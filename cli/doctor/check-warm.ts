import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { hookpackHomePath } from '../../lib/home.ts';
import { runnerIsCurrent } from '../adopt/files.ts';
import { askDaemon } from '../daemon-client.ts';
import type { DoctorContext, Finding } from './finding.ts';

/** A command `hookpack install --warm` wrote: the warm client runs the bundle (cli/settings/warm-command.ts). */
const WARM_COMMAND = /(^|[/"'])hookpack-warm["']?\s/;

/** The runners of `adopt --warm` entries (an absolute path, quoted: local and user scope only) that are not this hookpack's. */
function staleRunners(commands: string[]): string[] {
  const paths = new Set<string>();
  for (const command of commands) {
    const path = /'(\/[^']*\/hookpack\/adopt\.cjs)'/.exec(command)?.[1];
    if (path !== undefined && existsSync(path) && !runnerIsCurrent(path)) paths.add(path);
  }
  return [...paths];
}

/** Why the warm client would refuse the daemon's directory (native/warm-client.c), or undefined. */
function refusedDir(dir: string): string | undefined {
  try {
    const st = lstatSync(dir);
    if (!st.isDirectory()) return st.isSymbolicLink() ? 'it is a symbolic link' : 'it is not a directory';
    if (process.getuid !== undefined && st.uid !== process.getuid()) return `it is owned by uid ${st.uid}, not by you`;
    if ((st.mode & 0o077) !== 0) return `its mode is ${(st.mode & 0o777).toString(8)}, not 700`;
    return undefined;
  } catch {
    return undefined; // missing: the client creates it
  }
}

/**
 * The warm path (docs/warm.md), when a settings file has its commands: whether the daemon runs
 * (pid, requests, memory), and a daemon directory the client would refuse, which makes every
 * call fall back to the bundle (correct answers, none of the speed).
 */
export async function checkWarm(context: DoctorContext): Promise<Finding[]> {
  const warm = context.hooks.filter(({ hook }) => WARM_COMMAND.test(hook.command));
  if (warm.length === 0) return [];
  const env = context.io.env;
  const dir = join(hookpackHomePath(env), 'daemon');
  const refused = refusedDir(dir);
  if (refused !== undefined) {
    return [
      {
        severity: 'warning',
        code: 'warm-daemon-dir-refused',
        message: `${warm.length} warm command(s), but the warm client refuses ${dir} (${refused}): every call runs its bundle as a process of its own, with none of the warm path's speed`,
        fix: `remove it (\`rm -rf ${dir}\`): the next warm call creates it 0700 and starts the daemon`,
        layer: 'environment',
        path: dir,
      },
    ];
  }
  const stale = staleRunners(warm.map(({ hook }) => hook.command));
  const staleFindings: Finding[] = stale.map((path) => ({
    severity: 'warning',
    code: 'warm-adopted-runner-stale',
    message: `${path} is not this hookpack's runner (adopted with another version): the warm daemon sends its calls back, so each event starts node, as without --warm`,
    fix: 'run `hookpack adopt --warm` again with the same --scope: it puts in the current runner',
    layer: 'environment',
    path,
  }));
  const status = await askDaemon('status', env, 1_000);
  if (status === undefined) {
    return [
      ...staleFindings,
      {
        severity: 'info',
        code: 'warm-daemon',
        message: `${warm.length} warm command(s); no warm daemon runs now: the next warm call starts it (that call runs its bundle itself)`,
        fix: 'nothing to do; `hookpack daemon status` shows it once it runs',
        layer: 'environment',
        path: dir,
      },
    ];
  }
  const memory = (status.memory ?? {}) as { rssBytes?: number; capBytes?: number };
  const mb = (bytes: number | undefined) => `${Math.round(Number(bytes) / 2 ** 20)} MB`;
  return [
    ...staleFindings,
    {
      severity: 'info',
      code: 'warm-daemon',
      message: `${warm.length} warm command(s); the warm daemon runs: pid ${String(status.pid)}, up ${Math.round(Number(status.uptimeMs) / 1000)} s, ${String(status.requests)} calls (${String(status.fallbacks)} sent back to the bundle), ${mb(memory.rssBytes)} resident of a ${mb(memory.capBytes)} cap`,
      fix: '`hookpack daemon stop` stops it; the next warm call starts it again',
      layer: 'environment',
      path: dir,
    },
  ];
}
