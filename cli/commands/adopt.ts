import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { DEFAULT_BREAKER } from '../../lib/adopt/spawn.ts';
import type { AdoptedHook, BreakerSettings } from '../../lib/adopt/table.ts';
import { BREAKER_LIMITS, readTable, tableFileName } from '../../lib/adopt/table.ts';
import {
  adoptDir,
  isRunnerCommand,
  readRecord,
  refreshRunner,
  removeRecord,
  removeRunnerAndTable,
  runnerCommand,
  sha256,
  writeRecord,
  writeRunnerAndTable,
} from '../adopt/files.ts';
import { planAdoption, type AdoptPlan } from '../adopt/plan.ts';
import type { Command } from '../command.ts';
import { CliError } from '../errors.ts';
import type { Io } from '../io.ts';
import { bundlePathOf, splitFailClosed } from '../settings/hook-command.ts';
import { parseTree } from '../settings/jsonc.ts';
import { readManifest, type Manifest } from '../settings/manifest.ts';
import { bundleOfFor } from '../settings/ours.ts';
import { readSettings, type SettingsDoc } from '../settings/read.ts';
import { saveChange } from '../settings/save.ts';
import { SCOPES } from '../settings/scope.ts';
import { resolveTarget, TARGET_HELP, TARGET_OPTIONS, type Target } from '../settings/target.ts';
import { refuseWarmInCommitted, warmClientOrNote } from '../warm-client.ts';

/** What `adopt --warm` writes when no warm client can be compiled. */
const PLAIN_RUNNER = 'adopting with the plain runner commands (node per event)';

function manifestIfBuilt(distDir: string): Manifest | undefined {
  try {
    return readManifest(distDir);
  } catch {
    return undefined;
  }
}

/** `--guard a,b --guard c` as one set of names. */
function guardNames(value: unknown): Set<string> {
  const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return new Set(
    values
      .flatMap((v: string) => v.split(','))
      .map((n) => n.trim())
      .filter(Boolean),
  );
}

/**
 * Names already adopted from the other settings files Claude Code layers over this project (user,
 * project, local): names are what telemetry, \`hookpack disable\` and HOOKPACK_SKIP go by, so a
 * user-level \`guard\` and a project-level \`guard\` must not share one.
 */
function namesAdoptedElsewhere(target: Target, io: Io): string[] {
  const names: string[] = [];
  for (const scope of SCOPES) {
    try {
      const other = resolveTarget({ scope }, io);
      if (other.path === target.path) continue;
      const table = readTable(join(adoptDir(other, io.env), tableFileName(basename(other.path))));
      names.push(...table.hooks.map((h) => h.name));
    } catch {
      // No such scope here, nothing adopted there, or a table adopt would refuse anyway: no names.
    }
  }
  return names;
}

/** --breaker-failures and --breaker-cool-down, checked; undefined when neither is given (the runner's default). */
function breakerSettings(values: Record<string, unknown>): BreakerSettings | undefined {
  if (values['breaker-failures'] === undefined && values['breaker-cool-down'] === undefined) return undefined;
  const number = (flag: string, fallback: number, [low, high]: readonly [number, number], unit: string) => {
    const raw = values[flag];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(String(raw)) || value < low || value > high)
      throw new CliError(
        'E_USAGE',
        `--${flag} must be a whole number of ${unit} from ${low} to ${high}, got \`${String(raw)}\``,
      );
    return value;
  };
  return {
    failures: number('breaker-failures', DEFAULT_BREAKER.failures, BREAKER_LIMITS.failures, 'failures'),
    coolDownSeconds: number(
      'breaker-cool-down',
      DEFAULT_BREAKER.coolDownSeconds,
      BREAKER_LIMITS.coolDownSeconds,
      'seconds',
    ),
  };
}

function plan(
  target: Target,
  text: string,
  manifest: Manifest | undefined,
  guards: Set<string>,
  elsewhere: string[],
  breaker: BreakerSettings | undefined,
  warm: boolean,
): AdoptPlan {
  const root = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  if (root === undefined) throw new CliError('E_SETTINGS', `cannot parse ${target.label}`);
  const bundleOf = bundleOfFor(target.context, manifest);
  const settingsFile = basename(target.path);
  return planAdoption(root, text, {
    runnerCommand: (event, hook, guard, timeoutSeconds) =>
      runnerCommand(target, settingsFile, event, hook, guard, warm ? { timeoutSeconds } : undefined),
    isOurs: (command) => bundleOf(command) !== undefined || isRunnerCommand(command),
    ownBundle: (command) => {
      const file = bundleOf(command);
      if (file === undefined || typeof command !== 'string') return undefined;
      const path = bundlePathOf(command, target.context) ?? join(target.context.distDir, file);
      const rel = relative(adoptDir(target), path);
      // Relative to the runner inside the project (every clone); absolute from a runner outside it.
      return {
        path: isAbsolute(rel) || target.scope === 'local' ? path : rel.split(sep).join('/'),
        failClosed: splitFailClosed(command.trim()).failClosed,
      };
    },
    taken: new Set([...(manifest?.hooks.map((h) => h.name) ?? []), ...elsewhere]),
    guards,
    ...(breaker !== undefined ? { breaker } : {}),
  });
}

function describe(hook: AdoptedHook): string {
  const command = hook.args === undefined ? hook.command : [hook.command, ...hook.args].join(' ');
  const shown = command.length > 70 ? `${command.slice(0, 69)}…` : command;
  return `  ${hook.name.padEnd(16)} ${hook.event.padEnd(17)} ${`${hook.timeout} s`.padStart(6)}${hook.guard ? '  guard' : '       '}  ${hook.own ? '(own entry: keeps its `if`)  ' : ''}${shown}`;
}

async function run({ values }: { values: Record<string, unknown> }, io: Io): Promise<number> {
  const target = resolveTarget(values, io);
  const guards = guardNames(values.guard);
  const manifest = manifestIfBuilt(target.context.distDir);
  const doc: SettingsDoc = readSettings(target.path, target.label);
  const previous = readRecord(doc.realPath, io.env);
  // Adopted before: plan again from the original (so --guard can change), unless the file was edited since.
  let source = doc.text;
  if (previous !== undefined) {
    if (sha256(doc.bytes) !== previous.record.adopted) {
      throw new CliError(
        'E_SETTINGS',
        `${target.label} was adopted before and has changed since, so hookpack can no longer give its original back byte for byte: the original is saved in ${previous.path} (base64, "original"); restore it by hand and delete that file, then adopt again; nothing was changed`,
      );
    }
    source = Buffer.from(previous.record.original, 'base64').toString('utf8');
  }
  const warm = values.warm === true;
  const dryRun = values['dry-run'] === true;
  if (warm) refuseWarmInCommitted(target);
  const elsewhere = namesAdoptedElsewhere(target, io);
  const breaker = breakerSettings(values);
  let result = plan(target, source, manifest, guards, elsewhere, breaker, warm);
  // Entries adopted where hookpack has no record of the original (a clone of a committed adoption):
  // a new table would hold only the new hooks, and those entries, a guard's too, would run nothing.
  const tablePath = join(adoptDir(target), tableFileName(basename(target.path)));
  if (previous === undefined && result.hooks.length > 0 && source.split('\n').some(isRunnerCommand)) {
    let names = 'its table is missing or unreadable';
    try {
      names = `its table lists ${
        readTable(tablePath)
          .hooks.map((h) => h.name)
          .join(', ') || 'none'
      }`;
    } catch {
      // refused all the same: the entries are there
    }
    throw new CliError(
      'E_SETTINGS',
      `${target.label} already runs hooks adopted elsewhere (${names}) and hookpack has no record of its original here, so adopting again would drop them: adopt on the machine that adopted it, or use --scope local for the new hooks; nothing was changed`,
    );
  }
  const unknown = [...guards].filter((name) => !result.hooks.some((h) => h.name === name));
  if (unknown.length > 0) {
    const names = result.hooks.map((h) => h.name).join(', ') || '(none)';
    throw new CliError(
      'E_USAGE',
      `--guard ${unknown.join(', ')}: no adopted hook has that name; adopted hooks: ${names} (names come from each command's script file name)`,
    );
  }
  for (const left of result.left)
    io.err(`hookpack: note: left ${left.where} in ${target.label} as it is: ${left.why}\n`);
  if (result.hooks.length === 0) {
    io.out(
      `nothing to adopt in ${target.label} (${target.scope} scope): it has no command hooks hookpack does not already run\n`,
    );
    return 0;
  }
  const lines = [
    'adopted (name, event, timeout, guard, command):',
    ...result.hooks.map(describe),
    ...result.bundles.map(
      (b) => `  and hookpack's own ${b.path.replace(/^.*\//, '')} (${b.event}) now runs in the same process`,
    ),
  ];
  if (result.text === doc.text) {
    // After an upgrade: the runner (and a warm entry's client) become this hookpack's, or the warm daemon would send every call back.
    const refreshed = !dryRun && previous !== undefined && refreshRunner(target);
    if (warm && !dryRun) await warmClientOrNote(adoptDir(target), io, PLAIN_RUNNER);
    io.out(
      `already adopted in ${target.label}; ${refreshed ? "the runner was replaced by this hookpack's" : 'nothing changed'}\n${lines.join('\n')}\n`,
    );
    return 0;
  }
  // Compiled only now, when something will be written (a dry run shows the warm commands and compiles nothing).
  if (warm && !dryRun && !(await warmClientOrNote(adoptDir(target), io, PLAIN_RUNNER)))
    result = plan(target, source, manifest, guards, elsewhere, breaker, false);
  const reconciled = { text: result.text, changed: true, added: [], removed: [], kept: [] };
  let undo = () => {};
  if (!dryRun) {
    const settingsFile = basename(target.path);
    const table = writeRunnerAndTable(target, settingsFile, {
      version: 1,
      settings: target.label,
      hooks: result.hooks,
      ...(result.bundles.length > 0 ? { bundles: result.bundles } : {}),
    });
    // The original is saved before the settings change: uninstall must always be able to give it back.
    const original = previous?.record.original ?? doc.bytes.toString('base64');
    const recordPath = writeRecord(
      { version: 1, settings: doc.realPath, original, adopted: sha256(result.text), table },
      io.env,
    );
    // A save that fails leaves the file as it was, so the record must be too: one naming text never
    // written would make adopt and uninstall refuse the file from then on.
    undo = () => {
      if (previous !== undefined) writeRecord(previous.record, io.env);
      else {
        removeRecord(recordPath);
        removeRunnerAndTable(table);
      }
    };
  }
  let code: number;
  try {
    code = saveChange(target, doc, reconciled, lines, { dryRun, backup: !dryRun && previous === undefined }, io);
  } catch (error) {
    undo();
    throw error;
  }
  if (!dryRun)
    io.out(
      '`hookpack uninstall` gives the original file back byte for byte; `hookpack disable <name>` switches one off\n',
    );
  return code;
}

/** `hookpack adopt`: runs a settings file's own command hooks (any language) through hookpack. */
export const adoptCommand: Command = {
  name: 'adopt',
  summary: "run a settings file's existing command hooks (Python, shell, …) through hookpack",
  help: [
    'usage: hookpack adopt [--scope project|local|user] [--settings PATH] [--guard NAME]...',
    '                      [--breaker-failures N] [--breaker-cool-down SECONDS] [--warm] [--dry-run]',
    '',
    "Rewrites a settings file so each event's command hooks run through one hookpack process per",
    'event (<settings dir>/hookpack/adopt.cjs, which needs only node), keeping their matchers, `if`,',
    'order and timeouts: each gets the payload on stdin then EOF, its own timeout that stops its',
    "whole process group, an output cap, Claude Code's reading of its exit code and output, a",
    'circuit breaker, telemetry (hookpack stats), and switches (hookpack disable <name>,',
    'HOOKPACK_SKIP). Names come from the script file name. http, prompt, agent, mcp_tool and async',
    'hooks stay as they are. `hookpack uninstall` gives the original file back byte for byte.',
    'Reference: docs/cli.md#adopt.',
    '',
    ...TARGET_HELP,
    '  --guard NAME                this adopted hook fails closed: when it times out, crashes,',
    '                              cannot start or its breaker is open, the call is blocked',
    '                              (repeat, or a,b)',
    "  --breaker-failures N        consecutive failures or timeouts that open a hook's circuit",
    '                              breaker (default 3; a guard blocks while it is open)',
    '  --breaker-cool-down SECONDS how long it stays open before one call tries again (default 60)',
    '  --warm                      run each event through the warm daemon (docs/warm.md): no node',
    '                              start per event; local or user scope only; falls back to the',
    '                              runner on any problem',
    '  --dry-run                   print the change as a unified diff; write nothing',
  ].join('\n'),
  options: {
    ...TARGET_OPTIONS,
    guard: { type: 'string', multiple: true },
    'breaker-failures': { type: 'string' },
    'breaker-cool-down': { type: 'string' },
    'dry-run': { type: 'boolean' },
    warm: { type: 'boolean' },
  },
  run,
};
