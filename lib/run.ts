/**
 * Subprocesses for hooks: argv arrays (never a shell string), a timeout and an AbortSignal that
 * stop the whole process group, capped output, and a result object instead of throws.
 *
 * The contract, in the order things happen:
 * - Bad arguments reject with a TypeError naming the option in backticks (unknown keys too).
 * - An already-aborted `signal` resolves at once with `aborted: true`; nothing is spawned.
 * - The child is spawned with `shell: false` and `detached: true`, so it leads its own process
 *   group and session. `env` extends `process.env` (`extendEnv: false` to replace it; a value of
 *   `undefined` removes a variable). Without `input` the child's stdin is /dev/null.
 * - A start failure (ENOENT, EACCES, ENOTDIR, a missing `cwd` …) resolves with `exitCode: null` and
 *   `error: { code, message }`, the message one line naming the fix ("`git` not found on PATH; …").
 * - On `timeoutMs` or abort: SIGTERM to the group, SIGKILL to it `killGraceMs` (500) later.
 * - When the direct child exits, anything still in its group (a shell's `cmd &`) gets the same
 *   SIGTERM-then-SIGKILL; the result comes as soon as the pipes reach EOF, or 150 ms after the exit
 *   if something still holds them (a leftover ignoring SIGTERM, SIGKILLed later all the same, or a
 *   process that left the group with `setsid`): our ends are then closed and the result holds what
 *   arrived. A `setsid` escapee is beyond any group signal and keeps running.
 * - Output is kept up to `maxOutputBytes` (1 MiB) per stream and read and discarded beyond, so the
 *   child never blocks on a full pipe; `truncated` says so. A never-ending writer runs until `timeoutMs`.
 * - If this process exits (`process.exit`, or SIGTERM/SIGINT/SIGHUP) while groups may be alive,
 *   they are SIGKILLed; the signal is then re-raised unless the hook listens for it itself. The
 *   listeners are installed at the first `run`. A SIGKILL of this process can't be caught: then the
 *   children outlive it (they are not in its process group).
 * - Windows has no process groups: only the direct child is signalled there.
 */
export { run } from './run/run.ts';
export type { RunError, RunOptions, RunResult } from './run/types.ts';
