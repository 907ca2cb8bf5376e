import { expect, it } from 'vitest';
import { renderTable, WIDTH, wrap, type TableReport } from '../../bench/table.mjs';

const report: TableReport = {
  machine: { node: 'v20.20.2', cpu: 'AMD EPYC 7B13 64-Core Processor with a very long model name', cores: 2 },
  settings: { rounds: 30, quick: false },
  sections: [
    {
      title: 'baselines',
      rows: [
        { name: 'node -e 0', bytes: null, medianMs: 35.21, p95Ms: 41.02, ratio: 1, rssMb: 41.2 },
        { name: 'python3 bash_guard.py', bytes: 3195, medianMs: 43.9, p95Ms: 1234.5, ratio: 1.247, rssMb: 13.4 },
      ],
      notes: [
        'python3 is /root/.pyenv/versions/3.11.7/bin/python3, started directly (a pyenv shim in front of it adds ~80 ms)',
      ],
    },
    {
      title: "today's setup: 17 PreToolUse hooks, with a title long enough to need cutting at the edge",
      rows: [
        {
          name: '17 processes at once, a name far longer than its column',
          bytes: 1_234_567,
          medianMs: 12_345.67,
          p95Ms: 99_999.9,
          ratio: 123.456,
          rssMb: 12_345.6,
        },
        { name: '1 bundle: on-PreToolUse.cjs', bytes: 25_542, medianMs: 41, p95Ms: 52, ratio: 1.17, rssMb: null },
      ],
      notes: ['17 processes / 1 bundle: 17.98x wall time (489 vs 27 ms), 17.1x memory (674 vs 39 MB).'],
    },
  ],
  inProcess: [
    {
      name: 'bash-guard analyzeCommand x100 over a very long task name',
      p50Us: 123_456.78,
      p99Us: 9_999_999.9,
      opsPerSec: 12_345_678,
      note: 'a note '.repeat(30),
    },
    {
      name: 'readCached: disk hit',
      skipped: `lib/cache/index.ts does not build yet (${'/work/main/lib/cache/'.repeat(8)}read-cached.ts:12: No matching export)`,
    },
  ],
  checks: {
    lines: [
      'FAIL bytes dist/bash-guard.cjs is 80,123 B, 1,123 B (1.4%) over its budget of 79,000 B. Every byte is parsed on every hook start.',
    ],
  },
  notes: ['ratio = median / median of `node -e 0` in the same run.', `path: ${'x'.repeat(200)}`],
};

it('renders every line of a report within 80 columns', () => {
  const lines = renderTable(report).trimEnd().split('\n');
  expect(WIDTH).toBe(80);
  expect(lines.filter((line) => [...line].length > 80)).toEqual([]);
  expect(lines.length).toBeGreaterThan(15);
});

it('keeps every row name and value visible, cutting long names with an ellipsis', () => {
  const text = renderTable(report);
  expect(text).toContain('python3 bash_guard.py');
  expect(text).toMatch(/17 processes at once, a name f…/);
  expect(text).toMatch(/── today's setup: 17 PreToolUse hooks, with a title long enough to need cutti… ─\n/);
  expect(text).toContain('1,234,567');
  expect(text).toContain('12,345,678');
  expect(text).toContain('skipped, lib/cache/index.ts does not build yet');
});

it('wraps long words and indents continuation lines', () => {
  const lines = wrap(`short words then ${'y'.repeat(100)} end`, 40, 2);
  expect(lines.every((l) => l.length <= 40)).toBe(true);
  expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
  expect(lines.join('').replace(/\s/g, '')).toBe(`shortwordsthen${'y'.repeat(100)}end`);
});
