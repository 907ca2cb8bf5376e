import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from '../errors.ts';
import { duplicateKeys, duplicatePlace, hidesHooks } from './duplicates.ts';
import { parseTree, type Node, type ParseError } from './jsonc.ts';
import { firstNotJson, notJsonText } from './not-json.ts';
import { holdLock } from './lock.ts';
import { lineColumn, parseErrorText } from './position.ts';
import { readSettingsBytes } from './read-bytes.ts';
import { byteLineColumn, decodeUtf8, firstInvalidUtf8 } from './utf8.ts';

/** A settings file as read from disk, parsed, and checked to be an object with an object `hooks`. */
export interface SettingsDoc {
  /** The path as given (a symlink stays a symlink: we write through to `realPath`). */
  path: string;
  /** The file to read and write: `path`, or where its symlink(s) lead, even when that does not exist yet. */
  realPath: string;
  exists: boolean;
  /** The bytes on disk (for the backup), and the text we edit (`{}` for a missing or blank file). */
  bytes: Buffer;
  text: string;
  /** Permission bits of the existing file, kept on rewrite. */
  mode?: number;
  /** Owner of the existing file, kept on rewrite (when we may: as root). */
  uid?: number;
  gid?: number;
  root: Node;
  /** Things to tell the user that do not stop the edit (none today: comments and trailing commas are refused). */
  warnings: string[];
}

const describe = (node: Node) =>
  node.type === 'array'
    ? 'an array'
    : node.type === 'object'
      ? 'an object'
      : node.type === 'null'
        ? 'null'
        : `a ${node.type}`;

function refuse(label: string, text: string, offset: number, problem: string, cause?: unknown): never {
  throw new CliError(
    'E_SETTINGS',
    `cannot use ${label}: ${lineColumn(text, offset)}: ${problem}; fix the file by hand (it must be a JSON object) and run again; it was not changed`,
    { cause },
  );
}

/** Most symlinks a path may go through, as Linux's MAXSYMLINKS. */
const MAX_LINKS = 40;

/**
 * Where `path` leads: itself when it is not a symlink, else the end of its chain of links, which
 * may not exist (a dotfiles link to a file not created yet). Writing there, instead of renaming a
 * new file over `path`, keeps the user's link.
 */
function linkTarget(path: string, label: string): string {
  let current = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      return current; // missing (or a parent is missing): the end of the chain
    }
    if (!isLink) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new CliError(
    'E_IO',
    `cannot read ${label}: it is a symbolic link that loops (or goes through more than ${MAX_LINKS} links); point it at a file and run again; nothing was changed`,
  );
}

/** No lock next to a device or FIFO (`--settings /dev/null` must not create files in /dev): the read refuses those. */
function isRegularOrMissing(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return true;
  }
}

/** The file's bytes, owner and mode, or where it would be; a file that is not regular is refused. */
function readBytes(
  path: string,
  label: string,
): { bytes: Buffer; realPath: string; mode: number; uid: number; gid: number } | { realPath: string; missing: true } {
  const target = linkTarget(path, label);
  // Held until this synchronous run ends: another hookpack's install waits rather than both
  // editing what they read and the last rename dropping the other's entries.
  if (isRegularOrMissing(target)) holdLock(target, label);
  const read = readSettingsBytes(target);
  // ENOTDIR (a parent is a file) reads as missing too: the write will say so with the fix.
  if (read.kind === 'missing') return { realPath: target, missing: true };
  if (read.kind === 'refused') {
    // Writing would replace a device, FIFO or directory with a regular file (as root,
    // `--settings /dev/null` did): refuse, as for a file we cannot parse.
    const where = `${label}${target === path ? '' : ` (a link to ${target})`}`;
    if (read.code === 'ENOTREG' || read.code === 'EISDIR') {
      throw new CliError(
        'E_IO',
        `cannot use ${where}: ${read.why}; settings must be a regular file (writing would replace this one): ${target === path ? 'pass --settings with the path of a settings file' : 'point the link at a regular file'} and run again; nothing was changed`,
      );
    }
    throw new CliError('E_IO', `cannot read ${where}: ${read.why}; nothing was changed`);
  }
  return {
    bytes: read.bytes,
    realPath: target === path ? path : realpathSync(target),
    mode: read.mode,
    uid: read.uid,
    gid: read.gid,
  };
}

/**
 * Reads and parses a settings file. Refuses (CliError, exit 3, file untouched) a file that is not
 * a regular file of at most 4 MiB, is not UTF-8, is not strict JSON (comments and trailing commas
 * make Claude Code ignore the whole file), nests absurdly deep, does not parse, whose top level is
 * not an object, whose `hooks` is not an object, or that repeats a key on the way to a handler
 * (see duplicateKeys), naming the line. Takes the file's edit lock for the rest of the current
 * synchronous run (see holdLock): read, change and save it without an `await` in between.
 * A missing or blank file reads as `{}`; a symlink, even a dangling one, is followed to where it
 * leads (`realPath`). `label` names the file in messages.
 */
export function readSettings(path: string, label = path): SettingsDoc {
  const read = readBytes(path, label);
  const found = 'bytes' in read ? read : undefined;
  const bytes = found?.bytes ?? Buffer.alloc(0);
  const original = decodeUtf8(bytes);
  if (original === undefined) {
    const at = firstInvalidUtf8(bytes);
    throw new CliError(
      'E_SETTINGS',
      `cannot use ${label}: ${byteLineColumn(bytes, at)}: byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} is not UTF-8 (the file is in another encoding, e.g. Latin-1, or damaged); JSON settings must be UTF-8, and hookpack would change those bytes if it rewrote the file: save it as UTF-8 and run again; it was not changed`,
    );
  }
  if (original.charCodeAt(0) === 0xfeff)
    refuse(
      label,
      original,
      0,
      'the file starts with a byte-order mark (BOM), which JSON does not allow; save it as UTF-8 without BOM',
    );
  const text = original.trim() === '' ? '{}\n' : original;
  // Before parsing: jsonc-parser recurses, and 100,000 `[` would overflow the stack.
  const notJson = firstNotJson(text);
  if (notJson !== undefined) {
    const { problem, fix } = notJsonText(notJson);
    throw new CliError(
      'E_SETTINGS',
      `cannot use ${label}: ${lineColumn(text, notJson.offset)}: ${problem}: ${fix} and run again; it was not changed`,
    );
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first !== undefined) refuse(label, text, first.offset, parseErrorText(first.error));
  if (root === undefined || root.type !== 'object')
    refuse(
      label,
      text,
      root?.offset ?? 0,
      `the top level must be a JSON object, found ${root ? describe(root) : 'nothing'}`,
    );
  const hooks = root.children?.findLast((p) => p.children?.[0]?.value === 'hooks')?.children?.[1];
  if (hooks !== undefined && hooks.type !== 'object')
    refuse(label, text, hooks.offset, `\`hooks\` must be an object of event names, found ${describe(hooks)}`);
  const duplicate = duplicateKeys(root)[0];
  if (duplicate !== undefined) {
    const line = (offset: number) => lineColumn(text, offset).replace(/, column \d+$/, '');
    const effect = hidesHooks(duplicate)
      ? 'Claude Code reads only the last copy (the hooks in the first never run), while an edit would land in the first'
      : 'Claude Code reads only the last value';
    throw new CliError(
      'E_SETTINGS',
      `cannot use ${label}: ${lineColumn(text, duplicate.offset)}: duplicate key "${duplicate.key}" in ${duplicatePlace(duplicate)} (first at ${line(duplicate.firstOffset)}); ${effect}: merge the two or delete one by hand and run again; it was not changed`,
    );
  }
  return {
    path,
    realPath: read.realPath,
    exists: found !== undefined,
    bytes,
    text,
    mode: found?.mode,
    uid: found?.uid,
    gid: found?.gid,
    root,
    warnings: [],
  };
}
