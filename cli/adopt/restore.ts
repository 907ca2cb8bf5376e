import { CliError } from '../errors.ts';
import type { Io } from '../io.ts';
import { unifiedDiff } from '../settings/diff.ts';
import type { SettingsDoc } from '../settings/read.ts';
import type { Target } from '../settings/target.ts';
import { writeWithBackup } from '../settings/write.ts';
import { readRecord, removeRecord, removeRunnerAndTable, sha256 } from './files.ts';

/**
 * Gives an adopted settings file its original bytes back, when adopt rewrote it: the file must
 * still hold what adopt wrote, or would once uninstall has removed install's entries (`withoutOurs`,
 * install run after adopt). Through the settings writer (lock, atomic rename, mode and owner
 * kept); then the table, the runner when no other table needs it, and the record go. Returns the
 * exit code, or undefined when the file was never adopted.
 */
export function restoreAdopted(
  target: Target,
  doc: SettingsDoc,
  withoutOurs: string,
  dryRun: boolean,
  io: Io,
): number | undefined {
  const found = readRecord(doc.realPath, io.env);
  if (found === undefined) return undefined;
  const { record, path } = found;
  if (sha256(doc.bytes) !== record.adopted && sha256(withoutOurs) !== record.adopted) {
    throw new CliError(
      'E_SETTINGS',
      `${target.label} was rewritten by hookpack adopt and has changed since, so uninstall cannot give its original back byte for byte: the original is saved in ${path} (base64, "original"); restore it by hand and delete that file; nothing was changed`,
    );
  }
  const original = Buffer.from(record.original, 'base64');
  if (dryRun) {
    io.out(
      unifiedDiff(
        doc.bytes.toString('utf8'),
        original.toString('utf8'),
        { from: `a/${target.label}`, to: `b/${target.label}` },
        io.color,
      ),
    );
    io.err(`dry run: ${target.label} not written\n`);
    return 0;
  }
  // No new .bak: the one adopt wrote holds the original already.
  writeWithBackup(
    doc.realPath,
    original.toString('utf8'),
    { bytes: doc.bytes, mode: doc.mode, uid: doc.uid, gid: doc.gid },
    target.label,
    false,
  );
  removeRunnerAndTable(record.table);
  removeRecord(path);
  io.out(
    `restored ${target.label} (${target.scope} scope) to its bytes before hookpack adopt; the adopted hooks run as they did before\n`,
  );
  return 0;
}
