import type { Io } from '../io.ts';
import { unifiedDiff } from './diff.ts';
import { displayPath } from './display.ts';
import type { Entry } from './plan.ts';
import type { SettingsDoc } from './read.ts';
import type { OurHandler } from './ours.ts';
import type { Reconciled } from './reconcile.ts';
import type { Target } from './target.ts';
import { writeWithBackup } from './write.ts';

/** One line per added (+) or removed (-) handler. */
export function changeLines(result: Reconciled, hooksOf: (file: string) => string[]): string[] {
  const runs = (file: string) => {
    const names = hooksOf(file);
    return names.length === 0 ? '(no longer built)' : `runs ${names.join(', ')}`;
  };
  const width = Math.max(0, ...[...result.removed, ...result.added].map((x) => x.event.length));
  return [
    ...result.removed.map((h: OurHandler) => `  - ${h.event.padEnd(width)}  ${h.file}  ${runs(h.file)}`),
    ...result.added.map((e: Entry) => `  + ${e.event.padEnd(width)}  ${e.file}  ${runs(e.file)}, timeout ${e.timeout} s`),
  ];
}

/**
 * Shows or writes a changed settings text: with `dryRun` a unified diff on stdout and nothing
 * written; otherwise backup + atomic write and a summary. Returns the exit code (0).
 */
export function saveChange(target: Target, doc: SettingsDoc, result: Reconciled, lines: string[], dryRun: boolean, io: Io): number {
  const where = `${target.label} (${target.scope} scope)`;
  if (dryRun) {
    io.out(unifiedDiff(doc.exists ? doc.bytes.toString('utf8') : '', result.text, { from: doc.exists ? `a/${target.label}` : '/dev/null', to: `b/${target.label}` }, io.color));
    io.err(`dry run: ${target.label} not written\n`);
    return 0;
  }
  const backup = writeWithBackup(doc.realPath, result.text, doc.exists ? { bytes: doc.bytes, mode: doc.mode } : undefined, target.label);
  io.out(`${doc.exists ? 'updated' : 'created'} ${where}\n${lines.join('\n')}\n`);
  // Through a symlink the backup sits next to the real file.
  if (backup !== undefined) io.out(`previous version saved as ${doc.realPath === doc.path ? `${target.label}.bak` : displayPath(backup, io)}\n`);
  return 0;
}
