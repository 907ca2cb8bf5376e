import { bundleWord, FAIL_CLOSED_SUFFIX, type CommandContext } from './hook-command.ts';

/** Where `hookpack install --warm` compiles the client, relative to the dist directory (build/warm-client.mjs). */
export const WARM_CLIENT_FILE = 'warm/hookpack-warm';

/**
 * The settings command of `hookpack install --warm` for one bundle: the warm client, the entry's
 * timeout (the client's waits and the bundle's deadline count down from it) and the bundle it
 * runs itself whenever the daemon can't answer. `|| exit 2` as for today's command: a client that
 * cannot start still blocks a guarded event. Paths as today's: `$CLAUDE_PROJECT_DIR` where it can.
 */
export function warmHookCommand(
  file: string,
  context: CommandContext,
  timeoutSeconds: number,
  failClosed: boolean,
): string {
  return `${bundleWord(WARM_CLIENT_FILE, context)} ${timeoutSeconds} ${bundleWord(file, context)}${failClosed ? FAIL_CLOSED_SUFFIX : ''}`;
}
