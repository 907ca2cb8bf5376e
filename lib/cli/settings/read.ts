import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { parseTree, visit, type Node, type ParseError } from './jsonc.ts';
import { CliError } from '../errors.ts';
import { lineColumn, parseErrorText } from './position.ts';

/** A settings file as read from disk, parsed, and checked to be an object with an object `hooks`. */
export interface SettingsDoc {
  /** The path as given (a symlink stays a symlink: we write through to `realPath`). */
  path: string;
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

function readBytes(path: string, label: string): { bytes: Buffer; realPath: string; mode?: number } | undefined {
  try {
    const bytes = readFileSync(path);
    const realPath = lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
    return { bytes, realPath, mode: lstatSync(realPath).mode & 0o7777 };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a file; the write will say so with the fix.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    const why = code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied; make it readable (chmod u+r)' : (code ?? String(error));
    throw new CliError('E_IO', `cannot read ${label}: ${why}`, { cause: error });
  }
}

/**
 * Reads and parses a settings file. Refuses (CliError E_SETTINGS, exit 3, file untouched) a file
 * that does not parse, whose top level is not an object, or whose `hooks` is not an object,
 * naming the line and column. A missing or blank file reads as `{}`. `label` names the file in messages.
 */
export function readSettings(path: string, label = path): SettingsDoc {
  const read = readBytes(path, label);
  const bytes = read?.bytes ?? Buffer.alloc(0);
  const original = bytes.toString('utf8');
  if (original.charCodeAt(0) === 0xfeff) refuse(label, original, 0, 'the file starts with a byte-order mark (BOM), which JSON does not allow; save it as UTF-8 without BOM');
  const text = original.trim() === '' ? '{}\n' : original;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first !== undefined) refuse(label, text, first.offset, parseErrorText(first.error));
  if (root === undefined || root.type !== 'object') refuse(label, text, root?.offset ?? 0, `the top level must be a JSON object, found ${root ? describe(root) : 'nothing'}`);
  const hooks = root.children?.findLast((p) => p.children?.[0]?.value === 'hooks')?.children?.[1];
  if (hooks !== undefined && hooks.type !== 'object') refuse(label, text, hooks.offset, `\`hooks\` must be an object of event names, found ${describe(hooks)}`);
  return { path, realPath: read?.realPath ?? path, exists: read !== undefined, bytes, text, mode: read?.mode, root, warnings: nonJsonWarnings(label, text) };
}
