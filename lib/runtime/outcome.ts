/**
 * What the runtime passes between its steps: a hook's verdict on one payload (`Evaluation`) and
 * what a process prints and how it exits (`Outcome`). Types only, so policy.ts, render.ts,
 * evaluate.ts and merge.ts all depend on this and not on each other.
 */

/** What a process prints and how it exits: one hook's answer or failure, or several merged. */
export interface Outcome {
  json?: Record<string, unknown>;
  exitCode: 0 | 1 | 2;
  stderr?: string;
}

/** One hook's verdict on one payload: what to print, and what telemetry records. */
export interface Evaluation {
  name: string;
  outcome: Outcome;
  decision: string;
  error?: string;
  /** ms from process start until this hook had answered. */
  ms: number;
  /** The handler missed its deadline and may still be running. */
  timedOut?: boolean;
}
