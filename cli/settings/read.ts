import { lstatSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from '../errors.ts';
import { duplicateKeys, duplicatePlace, hidesHooks } from './duplicates.ts';
import { parseTree, visit, type Node, type ParseError } from './jsonc.ts';
import { lineColumn, parseErrorText } from './position.ts';
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
  root: Node;
  /** Things Claude Code may dislike that we keep as they are: comments, trailing commas. */
  warnings: string[];
}

const describe = (node: Node) => (node.type === 'array' ? 'an array' : node.type === 'object' ? 'an object' : node.type === 'null' ? 'null' : `a ${node.type}`);

function refuse(label: string, text: string, offset: number, problem: string, cause?: unknown): never {
  throw new CliError('E_SETTINGS', `cannot use ${label}: ${lineColumn(text, offset)}: ${problem}; fix the file by hand (it must be a JSON object) and run again; it was not changed`, { cause });
}

/** Comments and trailing commas parse (JSONC) but are not JSON: say where the first of each is. */
function nonJsonWarnings(label: string, text: string): string[] {
  let comment: number | undefined;
  let trailingComma: number | undefined;
  let lastComma: number | undefined;
  const token = () => {
    lastComma = undefined;
  };
  const close = () => {
    if (lastComma !== undefined) trailingComma ??= lastComma;
    lastComma = undefined;
  };
  visit(
    text,
    {
      onComment: (offset) => {
        comment ??= offset;
      },
      onSeparator: (character, offset) => {
        lastComma = character === ',' ? offset : undefined;
      },
      onObjectBegin: token,
      onArrayBegin: token,
      onObjectProperty: token,
      onLiteralValue: token,
      onObjectEnd: close,
      onArrayEnd: close,
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  const warnings: string[] = [];
  if (comment !== undefined) warnings.push(`${label} has comments (first at ${lineColumn(text, comment)}); hookpack keeps them, but Claude Code reads settings as JSON and may reject the file`);
  if (trailingComma !== undefined) {
    warnings.push(`${label} has a trailing comma at ${lineColumn(text, trailingComma)}; hookpack keeps it, but Claude Code reports such settings as invalid (SchemaStore/schemastore#5574): remove it`);
  }
  return warnings;
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
  throw new CliError('E_IO', `cannot read ${label}: it is a symbolic link that loops (or goes through more than ${MAX_LINKS} links); point it at a file and run again; nothing was changed`);
}

function readBytes(path: string, label: string): { bytes: Buffer; realPath: string; mode?: number } | { realPath: string; missing: true } {
  const target = linkTarget(path, label);
  try {
    const bytes = readFileSync(target);
    const realPath = target === path ? path : realpathSync(target);
    return { bytes, realPath, mode: lstatSync(realPath).mode & 0o7777 };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a file; the write will say so with the fix.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { realPath: target, missing: true };
    const why = code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied; make it readable (chmod u+r)' : (code ?? String(error));
    throw new CliError('E_IO', `cannot read ${label}: ${why}`, { cause: error });
  }
}

/**
 * Reads and parses a settings file. Refuses (CliError E_SETTINGS, exit 3, file untouched) a file
 * that is not UTF-8, does not parse, whose top level is not an object, whose `hooks` is not an
 * object, or that repeats a key on the way to a handler (see duplicateKeys), naming the line.
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
    throw new CliError('E_SETTINGS', `cannot use ${label}: ${byteLineColumn(bytes, at)}: byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} is not UTF-8 (the file is in another encoding, e.g. Latin-1, or damaged); JSON settings must be UTF-8, and hookpack would change those bytes if it rewrote the file: save it as UTF-8 and run again; it was not changed`);
  }
  if (original.charCodeAt(0) === 0xfeff) refuse(label, original, 0, 'the file starts with a byte-order mark (BOM), which JSON does not allow; save it as UTF-8 without BOM');
  const text = original.trim() === '' ? '{}\n' : original;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first !== undefined) refuse(label, text, first.offset, parseErrorText(first.error));
  if (root === undefined || root.type !== 'object') refuse(label, text, root?.offset ?? 0, `the top level must be a JSON object, found ${root ? describe(root) : 'nothing'}`);
  const hooks = root.children?.findLast((p) => p.children?.[0]?.value === 'hooks')?.children?.[1];
  if (hooks !== undefined && hooks.type !== 'object') refuse(label, text, hooks.offset, `\`hooks\` must be an object of event names, found ${describe(hooks)}`);
  const duplicate = duplicateKeys(root)[0];
  if (duplicate !== undefined) {
    const line = (offset: number) => lineColumn(text, offset).replace(/, column \d+$/, '');
    const effect = hidesHooks(duplicate) ? 'Claude Code reads only the last copy (the hooks in the first never run), while an edit would land in the first' : 'Claude Code reads only the last value';
    throw new CliError('E_SETTINGS', `cannot use ${label}: ${lineColumn(text, duplicate.offset)}: duplicate key "${duplicate.key}" in ${duplicatePlace(duplicate)} (first at ${line(duplicate.firstOffset)}); ${effect}: merge the two or delete one by hand and run again; it was not changed`);
  }
  return { path, realPath: read.realPath, exists: found !== undefined, bytes, text, mode: found?.mode, root, warnings: nonJsonWarnings(label, text) };
}
