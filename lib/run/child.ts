// What `run` needs of a started child, whichever way it was started: node:child_process
// (node-child.ts), or libuv's process and pipe handles directly (lean-child.ts), which spares a
// hook loading child_process, net and the stream classes (~10 ms of CPU for five children).
import type { CappedOutput } from './capped-output.ts';

/** How to start one child: no shell, its own process group, stdin from `input` (or /dev/null), stdout and stderr captured. */
export interface ChildSpec {
  file: string;
  args: readonly string[];
  cwd: string | undefined;
  /** The whole environment, or undefined for process.env as it is. */
  env: Record<string, string> | undefined;
  input: string | Uint8Array | undefined;
  maxOutputBytes: number;
}

/** What the child does, reported once each: `exit` when it exits, `close` after the exit and EOF on both pipes. */
export interface ChildEvents {
  exit(code: number | null, signal: NodeJS.Signals | null): void;
  close(): void;
}

/** A running child. */
export interface StartedChild {
  readonly pid: number;
  readonly stdout: CappedOutput;
  readonly stderr: CappedOutput;
  /** Closes this side of every pipe; nothing more is reported after it. */
  release(): void;
}

/** A child that started, or why none did (an error carrying a `code` such as ENOENT, maybe only known a tick later). */
export type Started = { child: StartedChild } | { error: unknown | Promise<unknown> };
