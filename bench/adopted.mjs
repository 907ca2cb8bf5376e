// The adoption scenario: five Python hooks of the kinds people keep (a Bash guard, a glob of a
// scratch folder, a notes file, a JSON config, a git-branch check on the file system), on one
// PreToolUse call, started the way Claude Code starts them (five `sh -c` processes at once) and
// the way `hookpack adopt` runs them (one `node adopt.cjs` that starts the same five at once).
// The difference of the medians is what adoption costs per event.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError } from './errors.mjs';

const HOOKS = {
  guard: [
    'import json, sys',
    'data = json.load(sys.stdin)',
    "command = data.get('tool_input', {}).get('command', '')",
    "if 'rm -rf /' in command:",
    "    print('no', file=sys.stderr)",
    '    sys.exit(2)',
  ],
  scratch: [
    'import glob, json, os, sys',
    'json.load(sys.stdin)',
    "files = glob.glob(os.path.join(os.path.dirname(__file__), 'scratch', '*.md'))",
    'if len(files) > 100:',
    "    print(json.dumps({'systemMessage': 'scratch is full'}))",
  ],
  notes: [
    'import json, os, sys',
    'json.load(sys.stdin)',
    "path = os.path.join(os.path.dirname(__file__), 'notes.md')",
    'text = open(path).read() if os.path.exists(path) else ""',
    "if 'STOP' in text:",
    "    print('stop', file=sys.stderr)",
    '    sys.exit(2)',
  ],
  config: [
    'import json, os, sys',
    'data = json.load(sys.stdin)',
    "config = json.load(open(os.path.join(os.path.dirname(__file__), 'config.json')))",
    "if data.get('tool_name') in config.get('blocked', []):",
    "    print('blocked', file=sys.stderr)",
    '    sys.exit(2)',
  ],
  branch: [
    'import json, os, sys',
    'json.load(sys.stdin)',
    "head = os.path.join(os.path.dirname(__file__), 'HEAD')",
    "branch = open(head).read().strip().rsplit('/', 1)[-1] if os.path.exists(head) else ''",
    "if branch == 'production':",
    "    print('not on production', file=sys.stderr)",
    '    sys.exit(2)',
  ],
};

const quote = (text) => `'${String(text).replace(/'/g, "'\\''")}'`;

/**
 * Lays out the scenario in `outDir`: the five scripts, the runner copied from dist/adopt.cjs and
 * its table. Returns the five direct commands and the runner's command (absolute paths: no
 * variable the bench would have to set).
 */
export function buildAdopted(root, outDir, python, node = quote(process.execPath)) {
  rmSync(outDir, { recursive: true, force: true });
  const hooksDir = join(outDir, 'hooks');
  const runnerDir = join(outDir, 'hookpack');
  mkdirSync(join(hooksDir, 'scratch'), { recursive: true });
  mkdirSync(runnerDir, { recursive: true });
  writeFileSync(join(hooksDir, 'notes.md'), '# notes\nnothing to stop for\n');
  writeFileSync(join(hooksDir, 'config.json'), JSON.stringify({ blocked: ['NotebookEdit'] }));
  writeFileSync(join(hooksDir, 'HEAD'), 'ref: refs/heads/main\n');
  for (let i = 0; i < 20; i++) writeFileSync(join(hooksDir, 'scratch', `note-${i}.md`), `note ${i}\n`);
  const scripts = Object.entries(HOOKS).map(([name, lines]) => {
    writeFileSync(join(hooksDir, `${name}.py`), `${lines.join('\n')}\n`);
    return `${quote(python)} ${quote(join(hooksDir, `${name}.py`))}`;
  });
  // Claude Code starts every hook in a session of its own (hooks-protocol §8), and so does the
  // runner (lib/run): on Linux with autogroup scheduling a session gets its own CPU share, so the
  // direct starts get one too, or a busy machine makes the runner look faster than the hooks alone.
  const own = setsidAvailable() ? 'setsid -w ' : '';
  const commands = scripts.map((command) => `${own}${command}`);
  try {
    cpSync(join(root, 'dist', 'adopt.cjs'), join(runnerDir, 'adopt.cjs'));
  } catch (error) {
    throw new BenchError(
      'E_BENCH_BUILD',
      `dist/adopt.cjs is missing (${error.code ?? error.message}): run npm run build`,
      { cause: error },
    );
  }
  const table = {
    version: 1,
    settings: 'bench',
    hooks: Object.keys(HOOKS).map((name, i) => ({
      name: `bench-${name}`,
      event: 'PreToolUse',
      matcher: 'Bash',
      command: scripts[i],
      timeout: 10,
      guard: name === 'guard',
    })),
  };
  writeFileSync(join(runnerDir, 'adopted.settings.json'), JSON.stringify(table));
  // As adopt writes it (env -u spares node the CA load; the variable is unset in the bench anyway).
  const runner = `${own}env -u NODE_EXTRA_CA_CERTS ${node} ${quote(join(runnerDir, 'adopt.cjs'))} settings.json PreToolUse || exit 2`;
  // As `hookpack adopt --warm` writes it: the warm client asks the daemon, which runs the same five.
  const warmRunner = (client) =>
    `${own}env -u NODE_EXTRA_CA_CERTS ${quote(client)} 12 ${quote(join(runnerDir, 'adopt.cjs'))} settings.json PreToolUse || exit 2`;
  return { commands, runner, warmRunner, ownSession: own !== '' };
}

/** Whether util-linux's `setsid` (with -w, wait) is on PATH. */
function setsidAvailable() {
  return spawnSync('setsid', ['-w', 'true'], { stdio: 'ignore' }).status === 0;
}
