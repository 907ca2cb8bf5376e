import { basename, dirname, join, resolve } from 'node:path';
import type { Io } from '../io.ts';
import { unifiedDiff } from './diff.ts';
import { readablePath } from './display.ts';
import { ourHandlers, type BundleOf, type OurHandler } from './ours.ts';
import type { Entry } from './plan.ts';
import type { SettingsDoc } from './read.ts';
import { reconcile, type Reconciled } from './reconcile.ts';
import { userClaudeDir } from './scope.ts';
import type { Target } from './target.ts';
import { ensureBackupsIgnored, removeUnchanged, TEMP_PATTERN, writeWithBackup } from './write.ts';

/** One line per added (+) or removed (-) handler. */
export function changeLines(result: Reconciled, hooksOf: (file: string) => string[]): string[] {
  const runs = (file: string) => {
    const names = hooksOf(file);
    return names.length === 0 ? '(no longer built)' : `runs ${names.join(', ')}`;
  };
  const width = Math.max(0, ...[...result.removed, ...result.added].map((x) => x.event.length));
  return [
    ...result.removed.map((h: OurHandler) => `  - ${h.event.padEnd(width)}  ${h.file}  ${runs(h.file)}`),
    ...result.added.map(
      (e: Entry) => `  + ${e.event.padEnd(width)}  ${e.file}  ${runs(e.file)}, timeout ${e.timeout} s`,
    ),
  ];
}

/**
 * Whether a settings file holds hookpack's entries and nothing else: install created it, or all
 * that is left is ours. Such a file gets no `.bak` (there is nothing of the user's to keep), so a
 * file without one that uninstall empties is one install created.
 */
export function holdsOnlyOurs(doc: SettingsDoc, bundleOf: BundleOf, label: string): boolean {
  if (!doc.exists || ourHandlers(doc.root, bundleOf).length === 0) return false;
  return reconcile(doc.text, [], { bundleOf, touches: () => true, label }).text.trim() === '{}';
}

/** How saveChange writes: a diff only, with or without a backup, or deleting the file. */
export interface SaveOptions {
  dryRun: boolean;
  /** Save the previous content as `<file>.bak` (not for a file that held only our entries). */
  backup: boolean;
  /** Delete the file instead of writing `{}`: install created it and nothing else is left. */
  remove?: boolean;
}

/** A backup inside a project's `.claude/` (never the user's own ~/.claude) must stay out of git. */
function ignoreBackup(target: Target, backup: string, io: Io): string | undefined {
  const dir = dirname(backup);
  if (target.scope === 'user' || basename(dir) !== '.claude') return undefined;
  try {
    if (resolve(userClaudeDir(io)) === resolve(dir)) return undefined;
  } catch {
    // no HOME: then this is not the user's directory either
  }
  const done = ensureBackupsIgnored(dir, backup);
  const gitignore = readablePath(join(dir, '.gitignore'), io);
  if (done === 'present') return undefined;
  if (typeof done === 'object')
    return `hookpack: warning: could not add *.bak and ${TEMP_PATTERN} to ${gitignore} (${done.error}): keep ${readablePath(backup, io)} out of git yourself, it may hold tokens from the settings' env\n`;
  return `${done === 'created' ? 'created' : 'added *.bak and ' + TEMP_PATTERN + ' to'} ${gitignore}${done === 'created' ? ` with *.bak and ${TEMP_PATTERN}` : ''}, so the backup (it may hold tokens from the settings' env) and the temp files of an interrupted edit stay out of git\n`;
}

/**
 * Shows or writes a changed settings text: with `dryRun` a unified diff on stdout and nothing
 * written; otherwise backup + atomic write (or, with `remove`, deletion) and a summary. Returns
 * the exit code (0).
 */
export function saveChange(
  target: Target,
  doc: SettingsDoc,
  result: Reconciled,
  lines: string[],
  options: SaveOptions,
  io: Io,
): number {
  const where = `${target.label} (${target.scope} scope)`;
  if (options.dryRun) {
    const to = options.remove ? '/dev/null' : `b/${target.label}`;
    io.out(
      unifiedDiff(
        doc.exists ? doc.bytes.toString('utf8') : '',
        options.remove ? '' : result.text,
        { from: doc.exists ? `a/${target.label}` : '/dev/null', to },
        io.color,
      ),
    );
    io.err(`dry run: ${target.label} not ${options.remove ? 'deleted' : 'written'}\n`);
    return 0;
  }
  if (options.remove) {
    removeUnchanged(doc.realPath, doc, target.label);
    io.out(
      `deleted ${where}: it held only hookpack entries and has no .bak (install created it)\n${lines.join('\n')}\n`,
    );
    return 0;
  }
  const backup = writeWithBackup(
    doc.realPath,
    result.text,
    doc.exists ? { bytes: doc.bytes, mode: doc.mode, uid: doc.uid, gid: doc.gid } : undefined,
    target.label,
    options.backup,
  );
  io.out(
    `${doc.exists ? 'updated' : 'created'} ${where}${doc.realPath === doc.path ? '' : `, a symbolic link: wrote ${readablePath(doc.realPath, io)}`}\n${lines.join('\n')}\n`,
  );
  // Through a symlink the backup sits next to the real file.
  if (backup !== undefined) {
    io.out(
      `previous version saved as ${doc.realPath === doc.path ? `${target.label}.bak` : readablePath(backup, io)}\n`,
    );
    const note = ignoreBackup(target, backup, io);
    if (note?.startsWith('hookpack: warning:')) io.err(note);
    else if (note !== undefined) io.out(note);
  }
  return 0;
}
