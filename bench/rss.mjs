// Peak resident memory per program (median over a few runs), measured by a tiny python3 helper
// (bench/rss.py): node's spawn APIs do not expose a child's rusage. The helper uses GNU time when
// the machine has it, else os.wait4. For a program of several processes the peaks are summed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './stats.mjs';

/** { method, mb: Map id -> peak RSS in MB (median of `runs`) }, or { error } when python3 is missing or the helper fails. */
export function measureRss(programs, { python, runs, benchDir }) {
  if (!python) return { error: 'python3 not found: RSS not measured' };
  const spec = { runs, programs: programs.map(({ id, commands, input, env }) => ({ id, commands, input, env })) };
  const r = spawnSync(python, [join(benchDir, 'rss.py')], {
    input: JSON.stringify(spec),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0)
    return {
      error: `bench/rss.py failed (exit ${r.status}): ${(r.stderr || r.error?.message || '').trim().slice(0, 300)}`,
    };
  const { method, kib } = JSON.parse(r.stdout);
  return {
    method,
    mb: new Map(Object.entries(kib).map(([id, values]) => [id, Math.round((median(values) / 1024) * 10) / 10])),
  };
}
