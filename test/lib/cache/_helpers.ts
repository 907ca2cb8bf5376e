// Shared fixtures for the cache tests: a fresh HOOKPACK_HOME per test, and a bundled worker
// program to run as real processes.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { clearMemoryCache } from '../../../lib/cache/index.ts';
import { racyWindow } from '../../../lib/cache/_stamp.ts';
import { resetHookpackHome } from '../../../lib/home.ts';
import { runStats } from '../../../lib/runtime/stats.ts';

/** Where one test's files live: `root` is removed afterwards; `home` is HOOKPACK_HOME (not created). */
export interface TempHome {
  root: string;
  home: string;
  /** `<home>/cache`, where entries go. */
  cache: string;
  /** A directory for the files under test. */
  work: string;
}

const DEFAULT_RACY_MS = racyWindow.ms;

/** Makes every test in the file run against a fresh HOOKPACK_HOME and a cold memory layer. */
export function useTempHome(): TempHome {
  const state: TempHome = { root: '', home: '', cache: '', work: '' };
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.HOOKPACK_HOME;
    state.root = mkdtempSync(join(tmpdir(), 'hookpack-cache-test-'));
    state.home = join(state.root, 'home');
    state.cache = join(state.home, 'cache');
    state.work = join(state.root, 'work');
    mkdirSync(state.work);
    process.env.HOOKPACK_HOME = state.home;
    resetHookpackHome();
    clearMemoryCache();
    runStats.cacheHits = 0;
    runStats.cacheMisses = 0;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.HOOKPACK_HOME;
    else process.env.HOOKPACK_HOME = saved;
    resetHookpackHome();
    clearMemoryCache();
    racyWindow.ms = DEFAULT_RACY_MS;
    restoreModes(state.root);
    rmSync(state.root, { recursive: true, force: true });
  });
  return state;
}

/** Makes every directory under root writable again so a test that chmods one can still be cleaned up. */
function restoreModes(root: string): void {
  try {
    if (!statSync(root).isDirectory()) return;
    chmodSync(root, 0o700);
    for (const name of readdirSync(root)) restoreModes(join(root, name));
  } catch {
    // a file or already gone
  }
}

/**
 * Trusts stamps however fresh (only a future mtime stays racy), so a test can see stamp-only hits
 * without waiting out the racy window.
 */
export function trustFreshStamps(): void {
  racyWindow.ms = -60_000;
}

/** The cache directory's entries and temp files, sorted. */
export function cacheFiles(cache: string): { entries: string[]; temps: string[] } {
  let names: string[] = [];
  try {
    names = readdirSync(cache).sort();
  } catch {
    // no directory: no files
  }
  return {
    entries: names.filter((name) => name.endsWith('.json')),
    temps: names.filter((name) => name.endsWith('.tmp')),
  };
}

/** Bundles test/lib/cache/_worker.ts once for the file; returns its path. */
export function useWorker(): { path: string } {
  const worker = { path: '' };
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookpack-cache-worker-'));
    worker.path = join(dir, 'worker.cjs');
    buildSync({
      entryPoints: [fileURLToPath(new URL('./_worker.ts', import.meta.url))],
      outfile: worker.path,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return worker;
}

/** What a worker process printed, parsed. */
export interface WorkerResult {
  value?: unknown;
  calls: number;
  hits: number;
  misses: number;
  torn?: number;
  seen?: number;
}

/** Runs the worker once as a process (the command on stdin) with HOOKPACK_HOME set; rejects on a non-zero exit. Killed after 30 s. */
export function runWorker(worker: string, command: Record<string, unknown>): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker], {
      env: { ...process.env, HOOKPACK_DEBUG: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) reject(new Error(`worker exited ${code ?? signal}: ${stderr}`));
      else resolve(JSON.parse(stdout) as WorkerResult);
    });
    child.stdin.end(JSON.stringify(command));
  });
}

/**
 * Starts `count` workers at once, all released by one barrier instant so their cache operations
 * overlap, and waits for every one of them (even after a failure: no process is left behind).
 */
export async function runBatch(
  worker: string,
  count: number,
  command: (index: number) => Record<string, unknown>,
): Promise<WorkerResult[]> {
  const startAt = Date.now() + 1500; // long enough for every process to boot before the barrier
  const settled = await Promise.allSettled(
    Array.from({ length: count }, (_, index) => runWorker(worker, { ...command(index), startAt })),
  );
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<WorkerResult>).value);
}
