// A hook-sized program for the process tests: one cache operation per run, its result as one
// JSON line on stdout. Bundled by _helpers.ts with esbuild, as a hook would be.
import { readFileSync } from 'node:fs';
import { runStats } from '../../../lib/runtime/stats.ts';
import { cacheDir, entryPath, writeEntry } from '../../../lib/cache/_disk.ts';
import { racyWindow } from '../../../lib/cache/_stamp.ts';
import { globCached, memo, readCached } from '../../../lib/cache/index.ts';

type Command =
  | { op: 'read'; path: string; version?: string }
  | { op: 'memo'; key: string; ttlMs: number; value: unknown; delayMs?: number }
  | { op: 'glob'; dir: string; pattern: string }
  | { op: 'hammer-write'; key: string; durationMs: number; chars: number }
  | { op: 'hammer-read'; key: string; durationMs: number };

const command = JSON.parse(readFileSync(0, 'utf8')) as Command & { startAt?: number; racyMs?: number };
if (command.racyMs !== undefined) racyWindow.ms = command.racyMs; // see trustFreshStamps()
// A barrier: every process of a batch starts its operation at the same instant.
const wait = (command.startAt ?? 0) - Date.now();
if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);

let calls = 0;
const print = (result: Record<string, unknown>) =>
  process.stdout.write(
    `${JSON.stringify({ ...result, calls, hits: runStats.cacheHits, misses: runStats.cacheMisses })}\n`,
  );

async function main(): Promise<void> {
  switch (command.op) {
    case 'read': {
      const value = readCached(command.path, (text) => (calls++, JSON.parse(text) as unknown), {
        version: command.version,
      });
      print({ value });
      break;
    }
    case 'memo': {
      const { value, delayMs = 0 } = command;
      const result = await memo(command.key, command.ttlMs, async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return value;
      });
      print({ value: result });
      break;
    }
    case 'glob':
      print({ value: globCached(command.dir, command.pattern) });
      break;
    case 'hammer-write':
      for (const end = Date.now() + command.durationMs; Date.now() < end; ) {
        writeEntry('memo', command.key, '', {
          expiresAt: Date.now() + 60_000,
          value: String(process.pid % 10).repeat(command.chars),
        });
      }
      print({});
      break;
    case 'hammer-read': {
      const dir = cacheDir() as string;
      let torn = 0;
      let seen = 0;
      for (const end = Date.now() + command.durationMs; Date.now() < end; ) {
        let text: string;
        try {
          text = readFileSync(entryPath(dir, 'memo', command.key, ''), 'utf8');
        } catch {
          continue; // not written yet
        }
        seen++;
        try {
          const value = (JSON.parse(text) as { value: string }).value;
          if (!/^(\d)\1*$/.test(value)) torn++;
        } catch {
          torn++;
        }
      }
      print({ torn, seen });
      break;
    }
  }
}

void main();
