import { closeSync, existsSync, openSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { plainWords } from '../shell-words.ts';
import type { Manifest } from './manifest.ts';
import type { Scope } from './scope.ts';

/** Where the bundles are and which settings file the command goes to: all a command line depends on. */
export interface CommandContext {
  scope: Scope;
  /** The project the CLI runs for (its cwd); `$CLAUDE_PROJECT_DIR` in project and local settings. */
  projectDir: string;
  /** The directory holding the built bundles (absolute). */
  distDir: string;
}

/** The file names build.mjs gives bundles; the CLI's own bundle is never a hook. */
const BUNDLE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.cjs$/;
const CLI_FILE = 'cli.cjs';
const PLAIN_WORD = /^[A-Za-z0-9_./-]+$/;

/** A word sh reads back as exactly `text`. */
export function shQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function bundleWord(file: string, context: CommandContext): string {
  const path = join(context.distDir, file);
  const inProject = relative(context.projectDir, path);
  if (context.scope !== 'user' && !inProject.startsWith('..') && !isAbsolute(inProject)) {
    // Claude Code sets $CLAUDE_PROJECT_DIR for every hook, so the command works from any cwd and on
    // every clone of a committed .claude/settings.json.
    const rel = inProject.split(sep).join('/');
    return `"$CLAUDE_PROJECT_DIR"/${PLAIN_WORD.test(rel) ? rel : shQuote(rel)}`;
  }
  return shQuote(path);
}

/**
 * The settings.json command that runs one bundle: `node "$CLAUDE_PROJECT_DIR"/dist/<file>` for
 * project and local scope, `node '<absolute path>'` for user scope (no project variable there
 * points at this checkout). A bundle that makes no network calls starts as
 * `env -u NODE_EXTRA_CA_CERTS node …` on POSIX: proxy users set that variable, hooks inherit it,
 * and it makes Node 20 start 3x slower (bench: "NODE_EXTRA_CA_CERTS trap"). The only place that
 * shapes a command line.
 */
export function hookCommand(file: string, context: CommandContext, network = false, failClosed = false): string {
  // One shape on every platform: a committed file is shared by a team, and Claude Code runs
  // shell-form hooks through a POSIX shell everywhere (Git Bash on Windows), where `env -u` and
  // `||` work; a Windows teammate's install must not write a guard that fails open.
  const prefix = !network ? 'env -u NODE_EXTRA_CA_CERTS ' : '';
  // A guard's last line of defence: when the bundle cannot even start (no `node` on PATH: 127, a
  // deleted bundle, killed by a signal or out of memory: 128+n), the shell turns that into exit 2,
  // which blocks. Right because a bundle holding a guard never exits 1 (lib/runtime/protocol.ts).
  const suffix = failClosed ? FAIL_CLOSED_SUFFIX : '';
  return `${prefix}node ${bundleWord(file, context)}${suffix}`;
}

/** What `install` appends to the command of a bundle with a fail-closed hook. */
export const FAIL_CLOSED_SUFFIX = ' || exit 2';
const FAIL_CLOSED_TAIL = /\s*\|\|\s*exit\s+2\s*$/;

/** The command without install's `|| exit 2`, and whether it had one. */
export function splitFailClosed(command: string): { base: string; failClosed: boolean } {
  const match = FAIL_CLOSED_TAIL.exec(command);
  return match === null
    ? { base: command, failClosed: false }
    : { base: command.slice(0, match.index), failClosed: true };
}

/**
 * The bundle file a settings command runs, when the command is ours: `node <path>` (optionally
 * after `env -u NAME` / `NAME=value` words) where <path> is a bundle file name directly in this
 * project's dist directory, written with `$CLAUDE_PROJECT_DIR` (project and local scope) or as an
 * absolute path, quoted or not. Anything else, however similar, belongs to someone else.
 */
export function bundleFileOf(command: unknown, context: CommandContext): string | undefined {
  const path = bundlePathOf(command, context);
  return path !== undefined && sameDir(dirname(path), context.distDir) ? basename(path) : undefined;
}

/**
 * The bundle path a command runs when it has the shape install writes (`[env -u NAME …] node
 * <path>/<file>.cjs [|| exit 2]`), wherever that path is; undefined for anything else.
 */
export function bundlePathOf(command: unknown, context: CommandContext): string | undefined {
  if (typeof command !== 'string') return undefined;
  const words = plainWords(
    splitFailClosed(command.trim()).base,
    context.scope === 'user' ? {} : { CLAUDE_PROJECT_DIR: context.projectDir },
  );
  if (words === undefined) return undefined;
  let i = 0;
  if (words[i] === 'env') {
    i++;
    while (words[i] === '-u' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? '')) i += words[i] === '-u' ? 2 : 1;
  }
  // `hookpack install --warm`'s shape: `<dist>/warm/hookpack-warm <timeout> <bundle>` (cli/settings/warm-command.ts).
  const warm = i === 0 && /(^|\/)hookpack-warm$/.test(words[0] ?? '') && /^\d+(\.\d+)?$/.test(words[1] ?? '') ? 2 : 0;
  const [runner, path, ...rest] = warm ? ['node', ...words.slice(warm)] : words.slice(i);
  if (
    runner === undefined ||
    !/(^|[/\\])node(\.exe)?$/.test(runner) ||
    path === undefined ||
    rest.length > 0 ||
    !isAbsolute(path)
  )
    return undefined;
  const file = basename(path);
  if (!BUNDLE_FILE.test(file) || file === CLI_FILE) return undefined;
  return path;
}

/**
 * Whether two commands run the same bundle the same way: equal, or equal but for how the
 * bundle's directory is written (`/link/proj/dist` and `/data/proj/dist` when `link` points at
 * `data`). Install then leaves an entry as it is rather than rewrite it to the other spelling.
 */
export function sameBundleCommand(a: unknown, b: unknown, context: CommandContext): boolean {
  if (a === b) return true;
  const file = bundleFileOf(a, context);
  if (typeof a !== 'string' || typeof b !== 'string' || file === undefined || file !== bundleFileOf(b, context))
    return false;
  // An absolute path is not a spelling of "$CLAUDE_PROJECT_DIR" (that one works on every clone).
  if (a.includes('CLAUDE_PROJECT_DIR') !== b.includes('CLAUDE_PROJECT_DIR')) return false;
  const [sa, sb] = [splitFailClosed(a.trim()), splitFailClosed(b.trim())];
  // One with `|| exit 2` and one without run the same bundle, but only one of them fails closed.
  if (sa.failClosed !== sb.failClosed) return false;
  const vars = context.scope === 'user' ? {} : { CLAUDE_PROJECT_DIR: context.projectDir };
  const [x, y] = [plainWords(sa.base, vars), plainWords(sb.base, vars)];
  return (
    x !== undefined && y !== undefined && x.length === y.length && x.slice(0, -1).every((word, i) => word === y[i])
  );
}

/** A directory with its symlinks resolved, or just made absolute when it does not exist. */
export function realDir(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Whether two paths name the same directory, however each is reached (a project opened through a symlink). */
export function sameDir(a: string, b: string): boolean {
  return resolve(a) === resolve(b) || realDir(a) === realDir(b);
}

/** The text a hookpack build puts in the first lines of every file it writes (`generated by build.mjs` before 0.2). */
const BANNERS = ['generated by hookpack', 'generated by build.mjs'];

function hasBanner(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(300);
    const text = head.toString('utf8', 0, readSync(fd, head, 0, 300, 0));
    return BANNERS.some((banner) => text.includes(banner));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Whether a bundle file in this project's dist directory is hookpack's, not a user's own script
 * that happens to live there (`dist/notify.cjs`): the manifest lists it, it is an event bundle
 * (`on-<Event>.cjs`), it carries build.mjs's banner, or this project has the hook's source
 * (`hooks/<name>.ts`, which build.mjs would bundle to exactly that file).
 */
export function isHookpackBundle(file: string, context: CommandContext, manifest: Manifest | undefined): boolean {
  if (manifest !== undefined && [...manifest.hooks, ...manifest.events].some((entry) => entry.file === file))
    return true;
  if (/^on-[A-Z][A-Za-z]*\.cjs$/.test(file)) return true;
  if (hasBanner(join(context.distDir, file))) return true;
  const source = file.replace(/\.cjs$/, '.ts');
  return (
    existsSync(join(context.projectDir, '.claude', 'hooks', source)) ||
    existsSync(join(context.projectDir, 'hooks', source))
  );
}

/** The hooks hookpack ships: a bundle of one of these names in a `dist` directory is ours even when it is gone. */
const SHIPPED_BUNDLES = new Set([
  'bash-guard.cjs',
  'file-guard.cjs',
  'session-context.cjs',
  'prompt-context.cjs',
  'context-bundle.cjs',
]);

/**
 * A bundle of ours that a command runs from somewhere other than this project's dist directory:
 * an install from a clone that has since moved or vanished, or from an old layout (dist/ before
 * .claude/hooks/dist). Ours when it is an event bundle, carries our banner, or is gone from a
 * `dist` directory under a name this manifest or hookpack's shipped hooks use.
 */
function movedBundleOf(command: unknown, context: CommandContext, manifest: Manifest | undefined): string | undefined {
  const path = bundlePathOf(command, context);
  if (path === undefined) return undefined;
  const file = basename(path);
  if (/^on-[A-Z][A-Za-z]*\.cjs$/.test(file) || hasBanner(path)) return file;
  if (existsSync(path) || basename(dirname(path)) !== 'dist') return undefined;
  const named = SHIPPED_BUNDLES.has(file) || manifest?.hooks.some((h) => h.file === file);
  return named ? file : undefined;
}

/** The bundle a settings command runs when it is one of hookpack's (see isHookpackBundle), else undefined. */
export function ourBundleOf(
  command: unknown,
  context: CommandContext,
  manifest: Manifest | undefined,
): string | undefined {
  const file = bundleFileOf(command, context);
  if (file !== undefined) return isHookpackBundle(file, context, manifest) ? file : undefined;
  return movedBundleOf(command, context, manifest);
}
