import { hookpackHomePath, unsafeReason } from '../lib/home.ts';

/**
 * Why the hooks refuse their state directory (`$HOOKPACK_HOME`, else ~/.cache/hookpack), or
 * undefined when they can use it. Refused, they run without telemetry, caches, circuit-breaker
 * state and the user toggle file, and say so only under HOOKPACK_DEBUG. A directory that does not
 * exist yet is fine: the first hook run creates it 0700.
 */
export function stateDirProblem(env: NodeJS.ProcessEnv): { path: string; reason: string } | undefined {
  const path = hookpackHomePath(env);
  try {
    const reason = unsafeReason(path);
    return reason === undefined ? undefined : { path, reason };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    return {
      path,
      reason:
        code === 'ENOTDIR'
          ? 'a parent of it is a file, not a directory'
          : `it cannot be checked (${code ?? String(error)})`,
    };
  }
}
