import { existsSync } from 'node:fs';
import { isRunnerCommand } from '../adopt/files.ts';
import { restoreAdopted } from '../adopt/restore.ts';
import type { Command } from '../command.ts';
import type { Io } from '../io.ts';
import { hookCommand, sameBundleCommand } from '../settings/hook-command.ts';
import { readManifest, type Manifest } from '../settings/manifest.ts';
import { hooksOfBundle, parseHookNames, planEntries } from '../settings/plan.ts';
import { readSettings } from '../settings/read.ts';
import { bundleOfFor, lookalikeNotes, ourHandlers } from '../settings/ours.ts';
import { reconcile } from '../settings/reconcile.ts';
import { changeLines, holdsOnlyOurs, saveChange } from '../settings/save.ts';
import { backupPath } from '../settings/write.ts';
import { resolveTarget, TARGET_HELP, TARGET_OPTIONS } from '../settings/target.ts';

/** The manifest when there is one: uninstalling everything must work without a build. */
function manifestIfBuilt(distDir: string): Manifest | undefined {
  try {
    return readManifest(distDir);
  } catch {
    return undefined;
  }
}

async function run({ values }: { values: Record<string, unknown> }, io: Io): Promise<number> {
  const target = resolveTarget(values, io);
  // Naming hooks needs the manifest (which bundle runs which hook); removing everything does not.
  const manifest =
    typeof values.hooks === 'string' ? readManifest(target.context.distDir) : manifestIfBuilt(target.context.distDir);
  const named =
    typeof values.hooks === 'string' && manifest !== undefined
      ? parseHookNames([values.hooks], manifest, '--hooks')
      : undefined;
  const doc = readSettings(target.path, target.label);
  for (const warning of doc.warnings) io.err(`hookpack: warning: ${warning}\n`);

  const bundleOf = bundleOfFor(target.context, manifest);
  for (const note of lookalikeNotes(doc.root, target.context, manifest, target.label))
    io.err(`hookpack: note: ${note}\n`);
  const touched =
    named === undefined || manifest === undefined
      ? undefined
      : new Set(manifest.hooks.filter((h) => named.includes(h.name)).map((h) => h.event));
  const hooksOf = (file: string) => hooksOfBundle(manifest, file);
  // The hooks of those events that stay: a bundle that ran a removed hook becomes per-hook entries.
  const staying =
    named === undefined
      ? []
      : ourHandlers(doc.root, bundleOf)
          .filter((h) => touched?.has(h.event))
          .flatMap((h) => hooksOf(h.file))
          .filter((n) => !named.includes(n));
  const desired =
    manifest === undefined || staying.length === 0
      ? []
      : planEntries(manifest, new Set(staying), 'auto', (file, network, failClosed) =>
          hookCommand(file, target.context, network, failClosed),
        );
  const result = reconcile(doc.text, desired, {
    bundleOf,
    touches: (event) => touched?.has(event) ?? true,
    label: target.label,
    sameCommand: (a, b) => sameBundleCommand(a, b, target.context),
  });

  // A file hookpack adopt rewrote gets its original bytes back (install's entries go with it).
  if (named === undefined) {
    const restored = restoreAdopted(target, doc, result.text, values['dry-run'] === true, io);
    if (restored !== undefined) return restored;
    // A clone of a committed adoption: its runner entries stay (removing them would drop the hooks).
    if (doc.text.split('\n').some(isRunnerCommand))
      io.err(
        `hookpack: note: ${target.label} runs hooks adopted on another machine or by another user, and hookpack has no record of its original here, so its adopted entries stay: get the original back from version control (e.g. \`git log -p -- ${target.label}\`), or run \`hookpack uninstall\` where it was adopted\n`,
      );
  }
  if (!result.changed) {
    io.out(
      `nothing to uninstall: ${target.label} (${target.scope} scope) has no hookpack entries${named === undefined ? '' : ` for ${named.join(', ')}`}\n`,
    );
    return 0;
  }
  // Install never backs up a file holding only its own entries, so an emptied file without a
  // .bak is one install created: delete it rather than leave a `{}` behind. Not through a
  // symlink (the link is the user's setup).
  const remove = doc.realPath === doc.path && result.text.trim() === '{}' && !existsSync(backupPath(doc.path));
  const options = { dryRun: values['dry-run'] === true, backup: !holdsOnlyOurs(doc, bundleOf, target.label), remove };
  return saveChange(target, doc, result, changeLines(result, hooksOf), options, io);
}

/** `hookpack uninstall`: removes exactly the entries install wrote, nothing else. */
export const uninstallCommand: Command = {
  name: 'uninstall',
  summary: 'remove hookpack entries from a settings file (and nothing else)',
  help: [
    'usage: hookpack uninstall [--scope project|local|user] [--settings PATH] [--hooks a,b]',
    '                          [--dist DIR] [--dry-run]',
    '',
    "Removes the handlers that run a hookpack bundle from this project's dist directory (listed in",
    'dist/manifest.json, an on-<Event>.cjs, carrying the build.mjs banner, or built from hooks/),',
    'then any matcher group, event or `hooks` key that removal left empty. Every other entry stays',
    'byte for byte; the previous file is saved as <file>.bak. A file left as `{}` that has no .bak',
    '(install created it) is deleted. A file `hookpack adopt` rewrote gets its original bytes back.',
    '',
    ...TARGET_HELP,
    '  --hooks a,b                 only these hooks (an event bundle that also ran others is',
    '                              replaced by entries for the others)',
    '  --dry-run                   print the change as a unified diff; write nothing',
  ].join('\n'),
  options: {
    ...TARGET_OPTIONS,
    hooks: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  run,
};
