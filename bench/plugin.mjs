#!/usr/bin/env node
// The guards plugin as Claude Code starts it: its hooks.json command through `sh -c` with
// CLAUDE_PLUGIN_ROOT set, a PreToolUse Bash payload (`ls`) on stdin, against `sh -c 'node -e 0'`
// and bare `node -e 0`; interleaved runs, medians; NODE_EXTRA_CA_CERTS unset for all. Also the
// plugin's size on disk. Never a pass/fail test (timings vary with the machine's load).
// Usage: node bench/plugin.mjs [--runs N] [--plugin DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '25' },
    plugin: { type: 'string', default: join(ROOT, 'plugins', 'hookpack-guards') },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 5) {
  process.stderr.write('bench/plugin.mjs: --runs must be a whole number >= 5\n');
  process.exit(2);
}
const plugin = String(values.plugin);
const hooks = JSON.parse(readFileSync(join(plugin, 'hooks', 'hooks.json'), 'utf8'));
const command = hooks.hooks.PreToolUse[0].hooks[0].command;
const state = mkdtempSync(join(tmpdir(), 'hookpack-plugin-bench-'));
const project = join(state, 'project');
const env = {
  PATH: process.env.PATH,
  HOME: join(state, 'home'),
  HOOKPACK_HOME: join(state, 'hookpack-home'),
  CLAUDE_PLUGIN_ROOT: plugin,
  CLAUDE_PROJECT_DIR: project,
};
const payload = `${JSON.stringify({ session_id: 's', transcript_path: join(state, 't.jsonl'), cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls', description: 'list' }, tool_use_id: 'toolu_1', permission_mode: 'default' })}\n`;

const programs = [
  { name: 'node -e 0', file: process.execPath, args: ['-e', '0'] },
  { name: "sh -c 'node -e 0'", file: '/bin/sh', args: ['-c', 'node -e 0'] },
  {
    name: 'node <plugin>/dist/on-PreToolUse.cjs',
    file: process.execPath,
    args: [join(plugin, 'dist', 'on-PreToolUse.cjs')],
    check: true,
  },
  { name: 'plugin hooks.json command (sh -c)', file: '/bin/sh', args: ['-c', command], check: true },
];

function once(program) {
  const started = process.hrtime.bigint();
  const result = spawnSync(program.file, program.args, { env, cwd: ROOT, input: payload, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (program.check && result.status !== 0)
    throw new Error(`the plugin's command exited ${result.status}: ${result.stderr.split('\n')[0]}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

try {
  for (const p of programs) once(p); // warm: the code cache is written on the first run
  const times = programs.map(() => []);
  for (let i = 0; i < runs; i++) programs.forEach((p, j) => times[j].push(once(p)));
  const medians = times.map(median);
  const base = medians[0];
  const shBase = medians[1];
  for (const [j, p] of programs.entries())
    process.stdout.write(
      `${p.name.padEnd(38)} median ${medians[j].toFixed(1).padStart(6)} ms  ${(medians[j] / base).toFixed(2)}x node -e 0  ${(medians[j] / shBase).toFixed(2)}x sh -c 'node -e 0'\n`,
    );
  const files = readdirSync(plugin, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(plugin, f)).isFile(),
  );
  const bytes = files.reduce((sum, f) => sum + statSync(join(plugin, f)).size, 0);
  process.stdout.write(
    `plugin ${plugin}: ${files.length} files, ${bytes} B (${(bytes / 1024).toFixed(1)} KiB); runs ${runs} each, interleaved, NODE_EXTRA_CA_CERTS unset\n`,
  );
} finally {
  rmSync(state, { recursive: true, force: true });
}
