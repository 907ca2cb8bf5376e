/** Options for {@link run}; every one is optional. */
export interface RunOptions {
  /** Milliseconds before the child's whole process group is stopped (SIGTERM, then SIGKILL). No limit by default. */
  timeoutMs?: number;
  /** Written to the child's stdin, which is then closed. Without it the child's stdin is /dev/null. */
  input?: string | Uint8Array;
  /** The child's working directory. Default: this process's. */
  cwd?: string;
  /** Variables laid over `process.env` (or used alone with `extendEnv: false`); `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** Start the child's environment from `process.env` (default true) or from nothing but `env`. */
  extendEnv?: boolean;
  /** Bytes kept per stream (stdout, stderr); the rest is read and discarded. Default 1 MiB. */
  maxOutputBytes?: number;
  /** Aborting it stops the child like a timeout does; already aborted means nothing is spawned. */
  signal?: AbortSignal;
  /** Milliseconds between SIGTERM and SIGKILL when stopping the group. Default 500. */
  killGraceMs?: number;
}

/** Why a child could not be started: a stable code (`ENOENT`, `EACCES`, `ENOTDIR` …) and one line saying what to fix. */
export interface RunError {
  code: string;
  message: string;
}

/** What a child did. `run` never throws for anything the child or the OS did; this says it all. */
export interface RunResult {
  /** What the child wrote, decoded as UTF-8, exactly as written (no trimming), cut at `maxOutputBytes`. */
  stdout: string;
  stderr: string;
  /** The exit status, or null when a signal ended the child or it never started. */
  exitCode: number | null;
  /** The signal that ended the child (`SIGKILL` after an ignored SIGTERM), else null. */
  signal: NodeJS.Signals | null;
  /** `timeoutMs` passed before the child exited. */
  timedOut: boolean;
  /** The caller's `signal` aborted before the child exited (or before it was spawned). */
  aborted: boolean;
  /** Wall time from the call to the result. */
  durationMs: number;
  /** stdout or stderr wrote more than `maxOutputBytes`. */
  truncated: boolean;
  /** Set when the child could not be started; `exitCode` and `signal` are then null. */
  error?: RunError;
}
