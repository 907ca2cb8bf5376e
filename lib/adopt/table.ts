import { readRegularFile } from '../private-file.ts';

/**
 * One settings-file command hook that `hookpack adopt` moved under the adopted runner
 * (lib/adopt/runner.ts). Written by the CLI (cli/adopt/), read by the runner on every event.
 */
export interface AdoptedHook {
  /** Unique, readable: the script's file name without extension (`guard`, `guard-2`); telemetry, switches and breakers use it. */
  name: string;
  event: string;
  /** The matcher of its group as written (absent: every occurrence). */
  matcher?: string;
  /** Shell form: run with `/bin/sh -c`; with `args`: the executable, run without a shell. */
  command: string;
  args?: string[];
  /** Its own timeout in seconds (the entry's, or adopt's default). */
  timeout: number;
  /** Marked with `adopt --guard`: never fails open. */
  guard: boolean;
  /** Runs in its own runner entry (it has an `if`, which only Claude Code evaluates). */
  own?: boolean;
  /** Its circuit breaker, when not the default (3 consecutive failures, 60 s): `adopt --breaker-failures/--breaker-cool-down`. */
  breaker?: BreakerSettings;
}

/** When an adopted hook's breaker opens, and for how long. */
export interface BreakerSettings {
  /** Consecutive failures or timeouts that open it: 1-1000. */
  failures: number;
  /** Seconds it then stays open: 1-86,400. */
  coolDownSeconds: number;
}

/** The bounds adopt checks and the runner trusts. */
export const BREAKER_LIMITS = { failures: [1, 1000], coolDownSeconds: [1, 86_400] } as const;

const within = (value: unknown, [low, high]: readonly [number, number]) =>
  typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;

/** Whether `value` is a breaker setting the runner can use. */
export function isBreakerSettings(value: unknown): value is BreakerSettings {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Partial<BreakerSettings>;
  return within(b.failures, BREAKER_LIMITS.failures) && within(b.coolDownSeconds, BREAKER_LIMITS.coolDownSeconds);
}

/** A project's own hookpack bundle whose settings entry adopt folded into the runner's entry of its event. */
export interface OwnBundle {
  event: string;
  /** The bundle, relative to the runner's directory (or absolute when it lies elsewhere). */
  path: string;
  /** Its entry ended in `|| exit 2`: a bundle that cannot load blocks. */
  failClosed: boolean;
  /** Its entry's timeout, seconds. */
  timeout: number;
}

/** The file `adopt` writes next to the runner: every adopted hook of one settings file, in file order. */
export interface AdoptedTable {
  version: 1;
  /** The settings file these hooks came from (for messages). */
  settings: string;
  hooks: AdoptedHook[];
  /** The project's own bundles run in the same process, per event (hookpack install's entries). */
  bundles?: OwnBundle[];
}

const MAX_TABLE_BYTES = 4 * 1024 * 1024;

const isString = (value: unknown): value is string => typeof value === 'string';

/** Whether a parsed value is a table the runner can trust to have the fields it uses. */
function isTable(value: unknown): value is AdoptedTable {
  if (typeof value !== 'object' || value === null) return false;
  const table = value as Partial<AdoptedTable>;
  return (
    table.version === 1 &&
    Array.isArray(table.hooks) &&
    table.hooks.every(
      (h) =>
        typeof h === 'object' &&
        h !== null &&
        isString(h.name) &&
        isString(h.event) &&
        isString(h.command) &&
        (h.matcher === undefined || isString(h.matcher)) &&
        (h.args === undefined || (Array.isArray(h.args) && h.args.every(isString))) &&
        typeof h.timeout === 'number' &&
        h.timeout > 0 &&
        typeof h.guard === 'boolean' &&
        (h.breaker === undefined || isBreakerSettings(h.breaker)),
    ) &&
    (table.bundles === undefined ||
      (Array.isArray(table.bundles) &&
        table.bundles.every(
          (b) =>
            typeof b === 'object' &&
            b !== null &&
            isString(b.event) &&
            isString(b.path) &&
            typeof b.failClosed === 'boolean' &&
            typeof b.timeout === 'number',
        )))
  );
}

/**
 * Reads a table: a small regular file (a FIFO or a link to /dev/zero in a cloned repository
 * can't hang the runner), strict JSON of the expected shape. Throws an Error with one line.
 */
export function readTable(path: string): AdoptedTable {
  const read = readRegularFile(path, MAX_TABLE_BYTES);
  if (read === 'missing')
    throw new Error(
      `${path} is missing: run \`hookpack adopt\` again (or \`hookpack uninstall\` to restore the settings)`,
    );
  if (!Buffer.isBuffer(read)) throw new Error(`cannot read ${path}: ${read.refused}`);
  let data: unknown;
  try {
    data = JSON.parse(read.toString('utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}): run \`hookpack adopt\` again`);
  }
  if (!isTable(data)) throw new Error(`${path} is not a table of adopted hooks: run \`hookpack adopt\` again`);
  return data;
}

/** The name of the table for a settings file: `adopted.<file name>` next to the runner. */
export function tableFileName(settingsFileName: string): string {
  return `adopted.${settingsFileName}`;
}

/** The runner's file name, in `<settings dir>/hookpack/`. */
export const RUNNER_FILE = 'adopt.cjs';
