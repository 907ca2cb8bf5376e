import { readTable } from '../../lib/adopt/table.ts';
import { readRecord, sha256 } from '../adopt/files.ts';
import type { Command } from '../command.ts';
import { CliError } from '../errors.ts';
import type { Io } from '../io.ts';
import { hookCommand, sameBundleCommand } from '../settings/hook-command.ts';
import { readManifest } from '../settings/manifest.ts';
import { hooksOfBundle, parseHookNames, planEntries, type Layout } from '../settings/plan.ts';
import { readSettings } from '../settings/read.ts';
import { warmHookCommand } from '../settings/warm-command.ts';
import { refuseWarmInCommitted, warmClientOrNote } from '../warm-client.ts';
import { bundleOfFor, lookalikeNotes, ourHandlers } from '../settings/ours.ts';
import { reconcile } from '../settings/reconcile.ts';
import { changeLines, holdsOnlyOurs, saveChange } from '../settings/save.ts';
import { assertPortable, resolveTarget, TARGET_HELP, TARGET_OPTIONS } from '../settings/target.ts';

/**
 * After `hookpack adopt` folded this file's install entries into its runner, the runner runs those
 * bundles: entries written again would run every hook twice. Adopt re-plans from the original.
 */
function refuseAbsorbed(realPath: string, bytes: Buffer, label: string, io: Io): void {
  const found = readRecord(realPath, io.env);
  if (found === undefined || sha256(bytes) !== found.record.adopted) return;
  let absorbed = false;
  try {
    absorbed = (readTable(found.record.table).bundles ?? []).length > 0;
  } catch {
    return;
  }
  if (absorbed)
    throw new CliError(
      'E_SETTINGS',
      `${label} was rewritten by hookpack adopt, whose runner already runs this project's built hooks of the events it adopted; installing again would run them twice: run hookpack uninstall (gives the original file back), hookpack install, then hookpack adopt again; nothing was changed`,
    );
}

function layoutOf(values: Record<string, unknown>): Layout {
  if (values['per-event'] === true && values['per-hook'] === true)
    throw new CliError(
      'E_USAGE',
      '--per-event and --per-hook contradict each other; pass one of them (or neither for bundles only where an event has several hooks)',
    );
  return values['per-event'] === true ? 'per-event' : values['per-hook'] === true ? 'per-hook' : 'auto';
}

async function run({ values }: { values: Record<string, unknown> }, io: Io): Promise<number> {
  const layout = layoutOf(values);
  const target = resolveTarget(values, io);
  const manifest = readManifest(target.context.distDir);
  if (manifest.hooks.length === 0)
    throw new CliError(
      'E_BUILD',
      'the build has no hooks: add .claude/hooks/<name>.ts (hookpack init, hookpack add) and run hookpack build',
    );
  assertPortable(target, io);
  const named = typeof values.hooks === 'string' ? parseHookNames([values.hooks], manifest, '--hooks') : undefined;
  const doc = readSettings(target.path, target.label);
  for (const warning of doc.warnings) io.err(`hookpack: warning: ${warning}\n`);
  refuseAbsorbed(doc.realPath, doc.bytes, target.label, io);

  const bundleOf = bundleOfFor(target.context, manifest);
  for (const note of lookalikeNotes(doc.root, target.context, manifest, target.label))
    io.err(`hookpack: note: ${note}\n`);
  // With --hooks, only those hooks' events change, and what is installed there stays installed.
  const touched =
    named === undefined ? undefined : new Set(manifest.hooks.filter((h) => named.includes(h.name)).map((h) => h.event));
  const installed = ourHandlers(doc.root, bundleOf)
    .filter((h) => touched?.has(h.event) ?? true)
    .flatMap((h) => hooksOfBundle(manifest, h.file));
  const selected = new Set(named === undefined ? manifest.hooks.map((h) => h.name) : [...installed, ...named]);
  const shapes = new Map<string, { network: boolean; failClosed: boolean }>();
  const planned = planEntries(manifest, selected, layout, (file, network, failClosed) => {
    shapes.set(file, { network, failClosed });
    return hookCommand(file, target.context, network, failClosed);
  });
  const warm = values.warm === true && (await warmClientFor(target, io));
  // A bundle that makes network calls keeps today's command: the daemon has none of the proxy
  // settings (NODE_EXTRA_CA_CERTS) a hook process inherits.
  const desired = warm
    ? planned.map((entry) =>
        shapes.get(entry.file)?.network === true
          ? entry
          : {
              ...entry,
              command: warmHookCommand(
                entry.file,
                target.context,
                entry.timeout,
                shapes.get(entry.file)?.failClosed === true,
              ),
            },
      )
    : planned;
  const result = reconcile(doc.text, desired, {
    bundleOf,
    touches: (event) => touched?.has(event) ?? true,
    label: target.label,
    sameCommand: (a, b) => sameBundleCommand(a, b, target.context),
  });

  if (!result.changed) {
    const entries = result.kept.map((h) => `${h.file} (${hooksOfBundle(manifest, h.file).join(', ')})`).join(', ');
    io.out(`already installed in ${target.label} (${target.scope} scope): ${entries}; nothing changed\n`);
    return 0;
  }
  const options = { dryRun: values['dry-run'] === true, backup: !holdsOnlyOurs(doc, bundleOf, target.label) };
  return saveChange(
    target,
    doc,
    result,
    changeLines(result, (file) => hooksOfBundle(manifest, file)),
    options,
    io,
  );
}

/** `--warm`: the client compiled for this machine, or a note and today's commands; never into a committed settings file. */
async function warmClientFor(target: ReturnType<typeof resolveTarget>, io: Io): Promise<boolean> {
  refuseWarmInCommitted(target);
  return warmClientOrNote(target.context.distDir, io, 'installing the plain commands (node per call)');
}

/** `hookpack install`: merges entries for the built hooks into a Claude Code settings file. */
export const installCommand: Command = {
  name: 'install',
  summary: 'add the built hooks to .claude/settings.json (or local/user settings)',
  help: [
    'usage: hookpack install [--scope project|local|user] [--settings PATH] [--hooks a,b]',
    '                        [--per-event | --per-hook] [--dist DIR] [--warm] [--dry-run]',
    '',
    'Adds one matcher group per entry for the hooks in dist/manifest.json to a Claude Code settings',
    'file, each with an explicit timeout. Other entries, comments and formatting are kept as they',
    'are; the previous file is saved as <file>.bak. Running it again changes nothing.',
    '',
    ...TARGET_HELP,
    '  --hooks a,b                 only these hooks (hooks already installed stay installed)',
    '  --per-event                 one entry per event (on-<Event>.cjs runs all its hooks in one process)',
    '  --per-hook                  one entry per hook',
    '                              (default: per event where an event has several hooks)',
    '  --warm                      answer through the warm daemon (docs/warm.md): a small client,',
    '                              compiled here with the C compiler, falls back to node per call;',
    '                              local and user scope only',
    '  --dry-run                   print the change as a unified diff; write nothing',
  ].join('\n'),
  options: {
    ...TARGET_OPTIONS,
    hooks: { type: 'string' },
    'per-event': { type: 'boolean' },
    'per-hook': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    warm: { type: 'boolean' },
  },
  run,
};
