import { processStartMs } from './clock.ts';

/**
 * When the hook must have answered, as epoch ms. Claude Code's timer starts when it spawns the
 * hook, so the budget counts from process start, and keeps a margin
 * to print the answer and exit before Claude Code kills the hook (a killed hook fails open).
 * `HOOKPACK_DEADLINE_MS` overrides the whole budget (tests, or a settings.json timeout edited by hand).
 * In-process callers count from when their call started (`startMs`): the warm daemon from its
 * client's start, the Agent SDK adapter from the callback's.
 */
export function hookDeadline(
  timeoutSeconds: number,
  env: NodeJS.ProcessEnv = process.env,
  startMs: number = processStartMs(),
): number {
  const override = Number(env.HOOKPACK_DEADLINE_MS);
  const timeoutMs = timeoutSeconds * 1000;
  const margin = Math.min(1000, Math.max(200, timeoutMs / 10));
  const budget = Number.isFinite(override) && override > 0 ? override : Math.max(100, timeoutMs - margin);
  return startMs + budget;
}
