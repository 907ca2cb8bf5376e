// The process groups `run` started and has not yet seen empty, and the one place that kills
// them when this process goes away. Claude Code waits for EOF on a hook's pipes and did not
// reclaim process trees on timeout (#24206, #85250, #86578, #77078); a hook must not leave that to it.

const live = new Set<number>();
const FATAL_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
let guarded = false;
// Windows has no process groups: there only the direct child is signalled.
const isWindows = process.platform === 'win32';

/** Sends `signal` (0: just probe) to the group `pid` leads; false when no process of it was there. */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(isWindows ? pid : -pid, signal);
    return true;
  } catch (error) {
    // EPERM: a member exists but is not ours to signal (a setuid program).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killAll(): void {
  for (const pid of live) signalGroup(pid, 'SIGKILL');
}

/**
 * The children sit in their own groups (`detached`), so the SIGTERM Claude Code sends to the
 * hook's group on timeout (hooks-protocol §8) no longer reaches them: pass it on as SIGKILL,
 * then die of the signal as we would have, unless the hook handles it itself.
 */
function onFatalSignal(signal: NodeJS.Signals): void {
  killAll();
  live.clear();
  for (const name of FATAL_SIGNALS) process.removeListener(name, onFatalSignal);
  guarded = false;
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/**
 * Installs, once, what SIGKILLs the tracked groups when this process exits or gets a fatal
 * signal. Called before spawning: a child can run (and the hook be signalled) before spawn()
 * returns, and a signal listener only runs after the current tick, by when the pid is tracked.
 * With no group alive the listeners change nothing: the signal is re-raised as if unhandled.
 */
export function guardGroups(): void {
  if (guarded) return;
  guarded = true;
  // 'exit' handlers must be synchronous: SIGKILL, no grace. Covers process.exit() from the runner.
  process.removeListener('exit', killAll);
  process.on('exit', killAll);
  for (const name of FATAL_SIGNALS) process.on(name, onFatalSignal);
}

/** Remembers a group so it is SIGKILLed if this process exits (or is signalled) while it may be alive. */
export function trackGroup(pid: number): void {
  live.add(pid);
}

/** Forgets a group that is empty or has been SIGKILLed. */
export function untrackGroup(pid: number): void {
  live.delete(pid);
}

/** How many groups are being tracked (for tests). */
export function trackedGroupCount(): number {
  return live.size;
}
