// Shared by the CLI tests: a fake Io that records what a command writes, temp dirs, and the
// built CLI for black-box runs.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../../cli/command.ts';
import type { Io } from '../../cli/io.ts';
import { main } from '../../cli/main.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** An Io whose output is kept in strings; `stdin` feeds `--input -`. */
export interface FakeIo extends Io {
  readonly stdout: string;
  readonly stderr: string;
  readonly progressLines: string[];
  readStdin(): string;
}

export interface FakeIoOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  color?: boolean;
  stdin?: string;
}

export function fakeIo(options: FakeIoOptions): FakeIo {
  let stdout = '';
  let stderr = '';
  const progressLines: string[] = [];
  return {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    progress: (text) => void progressLines.push(text),
    color: options.color ?? false,
    env: options.env ?? {},
    cwd: options.cwd,
    readStdin: () => options.stdin ?? '',
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    progressLines,
  };
}

/** What one in-process CLI run did. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  io: FakeIo;
}

/** Runs `hookpack <argv>` in-process through `main` with `commands`, as dist/cli.cjs would. */
export async function runCli(commands: Command[], argv: string[], options: FakeIoOptions): Promise<CliRun> {
  const io = fakeIo(options);
  const code = await main(argv, io, commands);
  return { code, stdout: io.stdout, stderr: io.stderr, io };
}

/** A fresh temp directory; call the returned `cleanup` in afterAll. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `hookpack-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a file (creating its directory); `mode` e.g. 0o755 for scripts. */
export function writeFile(path: string, content: string, mode?: number): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  if (mode !== undefined) chmodSync(path, mode);
  return path;
}

/**
 * A minimal environment for a command under test: PATH and a temp HOME, HOOKPACK_HOME and
 * managed-settings path inside `dir`, nothing from the developer's shell (NODE_EXTRA_CA_CERTS,
 * HOOKPACK_SKIP …) unless the test adds it.
 */
export function cleanEnv(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    HOOKPACK_HOME: join(dir, 'hookpack-home'),
    HOOKPACK_MANAGED_SETTINGS: join(dir, 'managed', 'managed-settings.json'),
    ...extra,
  };
}

/**
 * The CLI and the hook bundles in `outDir` (never the shared dist/, which other work may be
 * rebuilding), a copy of the run's own build (test/setup/build-test-hooks.ts: the same output
 * `node build.mjs --no-typecheck --out-dir <dir>` gives, byte for byte), and the path of cli.cjs.
 */
export function buildCli(outDir: string): string {
  const built = process.env.HOOKPACK_TEST_REPO_DIST;
  if (built && existsSync(join(built, 'manifest.json'))) {
    cpSync(built, outDir, { recursive: true });
  } else {
    const result = spawnSync(process.execPath, ['build.mjs', '--no-typecheck', '--out-dir', outDir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
  }
  return join(outDir, 'cli.cjs');
}

/** Running, not a zombie (a container's PID 1 may never reap the orphans we killed). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
