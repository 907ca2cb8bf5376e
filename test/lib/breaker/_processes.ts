// Bundles _child.ts the way build.mjs bundles a hook (one CommonJS file, opossum inlined) and runs
// it as separate node processes, each killed after a deadline so no test can leave one behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { ChildConfig } from './_child.ts';

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The child's report: state before the call, the call's result, state after. */
  report: { before: string; result: string; after: string } | undefined;
}

/** Bundles the child program into a temp dir; returns its path and a cleanup. */
export function bundleChild(): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hookpack-breaker-child-'));
  const file = join(dir, 'child.cjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('./_child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: file,
    logLevel: 'silent',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the child once with `config` and HOOKPACK_HOME=`home`. */
export function runChild(
  file: string,
  home: string,
  config: ChildConfig,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], {
      env: { ...process.env, HOOKPACK_HOME: home, BREAKER_CHILD: JSON.stringify(config), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      let report: ChildRun['report'];
      try {
        report = JSON.parse(stdout) as ChildRun['report'];
      } catch {
        report = undefined;
      }
      resolve({ code, stdout, stderr, report });
    });
  });
}

/** How many times the action really ran (lines in the counter file). */
export function callCount(counter: string): number {
  return existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
