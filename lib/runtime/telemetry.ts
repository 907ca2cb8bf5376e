import { closeSync, constants, fstatSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { hookpackHome } from '../home.ts';
import { isoTime, sinceStartMs } from './clock.ts';
import { debugNote } from './debug.ts';
import { runStats } from './stats.ts';

export const TELEMETRY_FILE = 'telemetry.jsonl';
/** Past this size the log is rotated to telemetry.jsonl.1 (one generation kept). */
export const TELEMETRY_MAX_BYTES = 10 * 1024 * 1024;

/**
 * One line per hook run. Readers (cli/stats/read.ts) keep the fields they know and ignore the
 * rest, so fields can be added (adopted hooks write through the same functions) without
 * breaking older readers.
 */
export interface TelemetryRecord {
  ts: string;
  hook: string;
  event: string;
  ms: number;
  exit: number;
  decision: string;
  cacheHits: number;
  cacheMisses: number;
  breakers: string[];
  error?: string;
  /**
   * The project the hook ran for: `$CLAUDE_PROJECT_DIR` as Claude Code set it (not resolved here:
   * no filesystem work at hook start; `hookpack stats` resolves it). Absent in lines written
   * before it existed, and when the variable is unset or longer than a path can be.
   */
  project?: string;
  /**
   * The plugin directory the hook ran from (`$CLAUDE_PLUGIN_ROOT`, which Claude Code sets only
   * for a plugin's hooks), so `hookpack stats` can tell a guard that runs from a plugin and from
   * settings, twice per call. Absent for hooks from settings files.
   */
  plugin?: string;
  /**
   * How the call reached the hook: `warm` when the warm daemon ran it in its process (docs/warm.md);
   * absent for a hook process of its own (`process`), so lines written before it existed read the same.
   * `sdk` when an Agent SDK host ran it as a callback (lib/sdk/, docs/sdk.md).
   */
  transport?: 'warm' | 'sdk';
}

/** Longest project path recorded (Linux PATH_MAX): a longer value is no real directory, and it keeps lines bounded. */
const MAX_PROJECT_CHARS = 4096;
/** Longest name, decision or error code recorded: adopted hooks are named after their script files. */
const MAX_FIELD_CHARS = 256;
const bounded = (text: string) => (text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS - 1)}…` : text);

/**
 * Appends one JSON line for this run to `$HOOKPACK_HOME/telemetry.jsonl`: one `write` on an
 * O_APPEND descriptor, so parallel hooks never interleave or lose lines. `HOOKPACK_TELEMETRY=0`
 * turns it off. Never throws: telemetry must not change what a hook answers.
 */
export function recordRun(fields: RunFields, env: NodeJS.ProcessEnv = process.env): void {
  recordRuns([fields], env);
}

/** The fields a caller supplies; the rest come from the clock and lib/runtime/stats.ts. */
export type RunFields = Pick<TelemetryRecord, 'hook' | 'event' | 'exit' | 'decision' | 'error' | 'transport'> & {
  ms?: number;
  project?: string;
  /** The run's own counters, where this process's (lib/runtime/stats.ts) serve many calls (the warm daemon). */
  stats?: Pick<TelemetryRecord, 'cacheHits' | 'cacheMisses' | 'breakers'>;
};

/** Appends one line per run, all in one `write` (an event bundle runs several hooks). */
export function recordRuns(runs: RunFields[], env: NodeJS.ProcessEnv = process.env): void {
  if (env.HOOKPACK_TELEMETRY === '0' || env.HOOKPACK_TELEMETRY === 'off') return;
  try {
    const home = hookpackHome(env);
    if (home === undefined) return;
    if (runs.length === 0) return;
    const ts = isoTime();
    const lines = runs.map((fields) => {
      const project = fields.project ?? env.CLAUDE_PROJECT_DIR;
      const counts = fields.stats ?? runStats;
      const record: TelemetryRecord = {
        ts,
        hook: bounded(fields.hook),
        event: bounded(fields.event),
        ms: Math.round((fields.ms ?? sinceStartMs()) * 100) / 100,
        exit: fields.exit,
        decision: bounded(fields.decision),
        cacheHits: counts.cacheHits,
        cacheMisses: counts.cacheMisses,
        breakers: counts.breakers,
        ...(fields.error ? { error: bounded(fields.error) } : {}),
        ...(project && project.length <= MAX_PROJECT_CHARS ? { project } : {}),
        ...(env.CLAUDE_PLUGIN_ROOT && env.CLAUDE_PLUGIN_ROOT.length <= MAX_PROJECT_CHARS
          ? { plugin: env.CLAUDE_PLUGIN_ROOT }
          : {}),
        ...(fields.transport ? { transport: fields.transport } : {}),
      };
      return `${JSON.stringify(record)}\n`;
    });
    const path = join(home, TELEMETRY_FILE);
    // O_NOFOLLOW: a link planted in place of the log must not make us append to another file.
    const open = () =>
      openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0), 0o600);
    let fd = open();
    try {
      const stat = fstatSync(fd);
      if (stat.size > TELEMETRY_MAX_BYTES) {
        // Rotating by rename keeps every line whole: writers holding the old file finish into it.
        // Only the file we hold is renamed, and only by the writer that wins the lock, so parallel
        // writers neither rename each other's fresh file over the history nor lose their line.
        const lock = `${path}.rotating`;
        try {
          closeSync(openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600));
          try {
            if (statSync(path).ino === stat.ino) renameSync(path, `${path}.1`);
          } finally {
            rmSync(lock, { force: true });
          }
        } catch {
          // another writer is rotating (or a lock left by a crash: older than a minute, remove it)
          try {
            if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { force: true });
          } catch {
            // gone already
          }
        }
        closeSync(fd);
        fd = open();
      }
      writeSync(fd, lines.join(''));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    debugNote(`telemetry not written: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, env);
  }
}
