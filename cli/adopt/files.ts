import type * as crypto from 'node:crypto';
import { builtin } from '../../lib/runtime/builtin.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../../lib/atomic.ts';
import { RUNNER_FILE, tableFileName, type AdoptedTable } from '../../lib/adopt/table.ts';
import { hookpackSubdir } from '../../lib/home.ts';
import { readPrivateText } from '../../lib/private-file.ts';
import { CliError } from '../errors.ts';
import { packageRoot } from '../package-root.ts';
import { realDir, shQuote } from '../settings/hook-command.ts';
import { WARM_CLIENT_FILE } from '../settings/warm-command.ts';
import { ioError } from '../settings/write.ts';
import type { Target } from '../settings/target.ts';

/**
 * Where adopt keeps the runner and a settings file's table: `hookpack/` next to the settings
 * file, so a committed adoption works on every clone. For local scope (settings.local.json, the
 * user's own, never committed) it is in the user's private state directory instead: next to the
 * settings file is the repository's `.claude/`, and a runner a repository can supply (commit, or
 * replace on the next pull) could let the user's local guards' calls through.
 */
export function adoptDir(target: Target, env: NodeJS.ProcessEnv = process.env): string {
  if (target.scope !== 'local') return join(dirname(target.path), 'hookpack');
  const adopted = hookpackSubdir('adopted', env);
  if (adopted === undefined) {
    throw new CliError(
      'E_IO',
      'cannot keep the runner of local-scope hooks safely: the hookpack state directory ($HOOKPACK_HOME, else ~/.cache/hookpack) is not a private directory of yours (HOOKPACK_DEBUG=1 says why); nothing was changed',
    );
  }
  return join(adopted, `local-${sha256(realDir(target.context.projectDir)).slice(0, 24)}`, 'hookpack');
}

/** A file of the adopt directory as the settings command names it: through $CLAUDE_PROJECT_DIR inside the project (every clone), else its absolute path. */
function adoptedWord(target: Target, file: string): string {
  const path = join(adoptDir(target), file);
  const rel = relative(target.context.projectDir, path);
  if (target.scope !== 'user' && !rel.startsWith('..') && !isAbsolute(rel)) {
    const posix = rel.split(sep).join('/');
    return `"$CLAUDE_PROJECT_DIR"/${/^[A-Za-z0-9_./-]+$/.test(posix) ? posix : shQuote(posix)}`;
  }
  return shQuote(path);
}

/**
 * The command of a runner entry. `env -u NODE_EXTRA_CA_CERTS` spares node's start the
 * certificate load (3x slower, bench "NODE_EXTRA_CA_CERTS trap"); the value rides along in
 * HOOKPACK_EXTRA_CA_CERTS and the runner gives it back to the adopted commands. An entry holding
 * a guard ends with install's `|| exit 2`: a runner that cannot start still blocks. `warm`: the
 * warm client (`warm/hookpack-warm` in the adopt directory, docs/warm.md) asks the daemon to run
 * the entry and runs `node <runner> …` itself whenever the daemon can't; it needs the entry's
 * timeout to know how long it may wait.
 */
export function runnerCommand(
  target: Target,
  settingsFile: string,
  event: string,
  hook: string | undefined,
  guard: boolean,
  warm?: { timeoutSeconds: number },
): string {
  const file = /^[A-Za-z0-9._-]+$/.test(settingsFile) ? settingsFile : shQuote(settingsFile);
  const start = warm === undefined ? 'node' : `${adoptedWord(target, WARM_CLIENT_FILE)} ${warm.timeoutSeconds}`;
  return `env -u NODE_EXTRA_CA_CERTS HOOKPACK_EXTRA_CA_CERTS="$NODE_EXTRA_CA_CERTS" ${start} ${adoptedWord(target, RUNNER_FILE)} ${file} ${event}${hook === undefined ? '' : ` ${hook}`}${guard ? ' || exit 2' : ''}`;
}

/** Whether a settings command runs an adopt runner (ours: adopt never adopts it again). */
export function isRunnerCommand(command: unknown): boolean {
  return typeof command === 'string' && /hookpack\/adopt\.cjs['"]? /.test(command);
}

/** What adopt remembers about a settings file it rewrote: the original bytes and what it wrote. */
export interface AdoptionRecord {
  version: 1;
  settings: string;
  /** The file before adopt, base64: uninstall writes it back byte for byte. */
  original: string;
  /** sha256 of what adopt wrote: uninstall restores only a file adopt's text still holds. */
  adopted: string;
  table: string;
}

// node:crypto on first use: it costs every `hookpack` command ~7 ms to load, and most never hash.
export const sha256 = (data: string | Buffer) =>
  builtin<typeof crypto>('node:crypto').createHash('sha256').update(data).digest('hex');

/**
 * The record's path: in the user's 0700 state directory, not next to the settings file (a
 * project's .claude/ is committed, and settings.local.json's env may hold tokens).
 */
function recordPath(realPath: string, env: NodeJS.ProcessEnv, create: boolean): string | undefined {
  const dir = create ? hookpackSubdir('adopted', env) : undefined;
  if (create && dir === undefined) {
    throw new CliError(
      'E_IO',
      'cannot store the original settings safely: the hookpack state directory ($HOOKPACK_HOME, else ~/.cache/hookpack) is not a private directory of yours (HOOKPACK_DEBUG=1 says why); nothing was changed',
    );
  }
  return dir === undefined ? undefined : join(dir, `${sha256(realPath).slice(0, 24)}.json`);
}

/** The adoption record of a settings file, if adopt rewrote it. */
export function readRecord(
  realPath: string,
  env: NodeJS.ProcessEnv,
): { path: string; record: AdoptionRecord } | undefined {
  let path: string | undefined;
  try {
    path = recordPath(realPath, env, true);
  } catch {
    return undefined;
  }
  if (path === undefined) return undefined;
  const text = readPrivateText(path, 16 * 1024 * 1024);
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as AdoptionRecord;
    return record.version === 1 &&
      record.settings === realPath &&
      typeof record.original === 'string' &&
      typeof record.adopted === 'string'
      ? { path, record }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the record (0600 in the 0700 state directory). */
export function writeRecord(record: AdoptionRecord, env: NodeJS.ProcessEnv): string {
  const path = recordPath(record.settings, env, true) as string;
  try {
    writeFileAtomic(path, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  } catch (error) {
    throw ioError('write', path, error);
  }
  return path;
}

declare const __dirname: string | undefined;

/** The runner to copy: next to the CLI bundle (dist/cli.cjs and dist/adopt.cjs are built together), else the package's dist/. */
function runnerSource(): string {
  if (typeof __dirname === 'string' && existsSync(join(__dirname, RUNNER_FILE))) return join(__dirname, RUNNER_FILE);
  return join(packageRoot(), 'dist', RUNNER_FILE);
}

/** Writes the runner (copied from the package's dist/adopt.cjs) and the table next to the settings file. */
export function writeRunnerAndTable(target: Target, settingsFile: string, table: AdoptedTable): string {
  const dir = adoptDir(target);
  const source = runnerSource();
  let runner: Buffer;
  try {
    runner = readFileSync(source);
  } catch (error) {
    throw new CliError(
      'E_BUILD',
      `cannot read hookpack's runner ${source} (${(error as NodeJS.ErrnoException).code ?? 'error'}): reinstall hookpack, or run npm run build in its checkout; nothing was changed`,
      { cause: error },
    );
  }
  const tablePath = join(dir, tableFileName(settingsFile));
  try {
    // 0755 even under umask 0: a directory others can write is refused below.
    mkdirSync(dir, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw ioError('write', dir, error);
  }
  // Whoever can write the directory can swap the runner (or the table) for one that lets a guarded call through.
  const stat = statSync(dir);
  if ((stat.mode & 0o002) !== 0 || (typeof process.getuid === 'function' && stat.uid !== process.getuid())) {
    throw new CliError(
      'E_IO',
      `${dir} is writable by others or not yours, and a guard would run the runner written there: make it yours and chmod o-w it (or remove it); nothing was changed`,
    );
  }
  try {
    writeFileAtomic(join(dir, RUNNER_FILE), runner, { mode: 0o755 });
    writeFileAtomic(tablePath, `${JSON.stringify(table, null, 2)}\n`, { mode: 0o644 });
  } catch (error) {
    throw ioError('write', dir, error);
  }
  return tablePath;
}

/**
 * Whether a runner on disk is this hookpack's own (byte for byte). The warm daemon serves only
 * its own runner (lib/daemon/adopted.ts): after an upgrade an older copy still answers, through
 * `node`, every call.
 */
export function runnerIsCurrent(path: string): boolean {
  try {
    return readFileSync(path).equals(readFileSync(runnerSource()));
  } catch {
    return false;
  }
}

/** Replaces an adopted runner that is not this hookpack's with this one (adopt run again after an upgrade); true when it did. */
export function refreshRunner(target: Target): boolean {
  const path = join(adoptDir(target), RUNNER_FILE);
  if (!existsSync(path) || runnerIsCurrent(path)) return false;
  try {
    writeFileAtomic(path, readFileSync(runnerSource()), { mode: 0o755 });
    return true;
  } catch (error) {
    throw ioError('write', path, error);
  }
}

/** Removes a table and, when no other table is left, the runner and an empty `hookpack/` directory. */
export function removeRunnerAndTable(tablePath: string): void {
  const dir = dirname(tablePath);
  rmSync(tablePath, { force: true });
  try {
    if (!readdirSync(dir).some((f) => f.startsWith('adopted.'))) {
      rmSync(join(dir, RUNNER_FILE), { force: true });
      // The warm client `adopt --warm` compiled (WARM_CLIENT_FILE's directory): of no use without a runner.
      rmSync(join(dir, dirname(WARM_CLIENT_FILE)), { recursive: true, force: true });
    }
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // leftovers are harmless: the settings no longer name them
  }
}

/** Removes a record once its file is restored. */
export function removeRecord(path: string): void {
  rmSync(path, { force: true });
}
