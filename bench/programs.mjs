// What the bench starts: every program as a command line for `sh -c` (how Claude Code starts
// hooks), the payload it reads on stdin, its environment, and the section its row belongs to.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { BenchError } from './errors.mjs';

/** Row groups, in table order. */
export const SECTIONS = {
  baselines: 'baselines',
  hooks: 'hook bundles (dist/*.cjs)',
  events: 'event bundles (dist/on-*.cjs)',
  variants: 'payload validation strategies (bench/variants)',
  seventeen: "today's setup: 17 PreToolUse hooks",
  adopted: 'hookpack adopt: 5 python3 PreToolUse hooks (bench/adopted.mjs)',
  project: "a user's project (init, add bash-guard file-guard, hookpack build)",
  ca: 'NODE_EXTRA_CA_CERTS trap (bash-guard.cjs)',
  sea: 'single executable (dist/hookpack, npm run build -- --sea)',
  warm: 'warm path: native client + daemon (bench/warm.mjs, docs/warm.md)',
};

export const BASELINE_ID = 'node -e 0';

/** A POSIX-shell single-quoted word. */
export function quote(arg) {
  return `'${String(arg).replace(/'/g, "'\\''")}'`;
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/**
 * The payload a hook of `event` with `matcher` really receives: the event's fixture, and for a
 * matcher that names tools, a payload for the first tool it names (when a fixture exists for it).
 */
export function payloadFor(fixtures, event, matcher) {
  const file = join(fixtures, `${event}.json`);
  if (!existsSync(file))
    throw new BenchError(
      'E_BENCH_PROGRAM',
      `no payload fixture for ${event}: add cli/payloads/${event}.json (a real payload of that event) so its hooks can be timed`,
    );
  const payload = readJson(file);
  const tool = typeof matcher === 'string' ? matcher.split(/[|,]/)[0]?.trim() : undefined;
  if (!tool || !('tool_name' in payload) || tool === payload.tool_name) return payload;
  const toolFixture = join(fixtures, 'tools', `${tool}.${event}.json`);
  if (!existsSync(toolFixture)) return payload;
  return { ...payload, tool_name: tool, tool_input: readJson(toolFixture).tool_input };
}

/**
 * The environment every program runs in: the caller's, minus what would skew every row
 * (NODE_EXTRA_CA_CERTS costs 3x on Node 20; NODE_OPTIONS may preload anything) and minus every
 * hookpack variable, so hooks take the path a user's hooks take: state in ~/.cache/hookpack,
 * config in ~/.config/hookpack. HOME is a private (0700) temp directory per run, outside the
 * repository (the code-cache loader rightly stays off for a cache inside the hook's working
 * directory), so nothing a timed hook reads or writes is the developer's.
 */
let benchHome;

export function benchEnv(parent = process.env) {
  const env = { ...parent };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  for (const name of Object.keys(env)) if (name.startsWith('HOOKPACK')) delete env[name];
  delete env.CLAUDE_PROJECT_DIR;
  delete env.XDG_CONFIG_HOME;
  delete env.XDG_CACHE_HOME;
  env.HOME = benchHome ??= mkdtempSync(join(tmpdir(), 'hookpack-bench-home-'));
  mkdirSync(join(env.HOME, '.config', 'hookpack'), { recursive: true, mode: 0o700 });
  return env;
}

/** A real CA bundle: the system's, else node's own root store written out as PEM (no openssl needed). */
export function caBundle(outDir) {
  const system = '/etc/ssl/certs/ca-certificates.crt';
  if (existsSync(system)) return system;
  const file = join(outDir, 'ca-bundle.pem');
  writeFileSync(file, `${rootCertificates.join('\n')}\n`);
  return file;
}

/** The real python3 interpreter (not a pyenv/asdf shim, which adds ~80 ms of bash), or undefined. */
export function findPython() {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  const path = r.status === 0 ? r.stdout.trim() : '';
  return path ? path : undefined;
}

const node = quote(process.execPath);
const line = (payload) => `${JSON.stringify(payload)}\n`;

/**
 * Every program of a run. `commands` holds one command line, or several for a program that is
 * several processes started at once (wall time until the last exits).
 */
export function listPrograms({ root, env, manifest, variants, seventeen, project, python, caFile, adopted, warm }) {
  const fixtures = join(root, 'cli', 'payloads');
  const bash = line(payloadFor(fixtures, 'PreToolUse', 'Bash'));
  const dist = join(root, 'dist');
  const programs = [];
  const add = (section, name, fields) =>
    programs.push({ id: `${section}:${name}`, section, name, bytes: null, input: bash, env, ...fields });

  add('baselines', BASELINE_ID, { commands: [`${node} -e 0`], baseline: true, note: 'the floor of any Node hook' });
  add('baselines', '/bin/true', { commands: ['/bin/true'], note: 'the process floor' });
  if (python) {
    const script = join(root, 'bench', 'baselines', 'bash_guard.py');
    add('baselines', 'python3 bash_guard.py', {
      commands: [`${quote(python)} ${quote(script)}`],
      bytes: statSync(script).size,
      note: `bash-guard in Python, as most hooks are written today (${python})`,
    });
  }

  const inManifest = new Set();
  for (const hook of manifest.hooks) {
    inManifest.add(hook.file);
    add('hooks', hook.file, {
      commands: [`${node} ${quote(join(dist, hook.file))}`],
      bytes: hook.bytes,
      input: line(payloadFor(fixtures, hook.event, hook.matcher)),
    });
  }
  for (const event of manifest.events) {
    inManifest.add(event.file);
    add('events', event.file, {
      commands: [`${node} ${quote(join(dist, event.file))}`],
      bytes: event.bytes,
      input: line(payloadFor(fixtures, event.event, event.matcher)),
      note: event.hooks.join(', '),
    });
  }
  const skipped = readdirSync(dist).filter((f) => f.endsWith('.cjs') && !inManifest.has(f));

  // The single executable, when built: the same hooks and event bundles, dispatched by argument.
  const sea = manifest.sea && existsSync(join(dist, manifest.sea.file)) ? join(dist, manifest.sea.file) : undefined;
  if (sea) {
    for (const entry of [
      ...manifest.hooks.map((h) => ({ ...h, arg: h.name })),
      ...manifest.events.map((e) => ({ ...e, arg: e.file.replace(/\.cjs$/, '') })),
    ]) {
      add('sea', `hookpack ${entry.arg}`, {
        commands: [`${quote(sea)} ${quote(entry.arg)}`],
        bytes: entry.bytes,
        input: line(payloadFor(fixtures, entry.event, entry.matcher)),
        note: `${manifest.sea.mode}; compare with ${entry.file} above`,
      });
    }
  }

  for (const v of variants) {
    add('variants', `validate: ${v.name}`, { commands: [`${node} ${quote(v.file)}`], bytes: statSync(v.file).size });
  }

  if (seventeen) {
    const { dir, manifest: m } = seventeen;
    const event = m.events[0];
    const input = line(payloadFor(fixtures, event.event, event.matcher));
    add('seventeen', '17 processes at once', {
      commands: m.hooks.map((h) => `${node} ${quote(join(dir, h.file))}`),
      bytes: m.hooks.reduce((sum, h) => sum + h.bytes, 0),
      input,
      note: 'Claude Code today: one process per hook, all started together; bytes and RSS are sums',
    });
    add('seventeen', `1 bundle: ${event.file}`, {
      commands: [`${node} ${quote(join(dir, event.file))}`],
      bytes: event.bytes,
      input,
      note: `all 17 hooks in one process`,
    });
  }

  if (adopted) {
    const session = adopted.ownSession ? ', each in a session of its own (setsid -w)' : '';
    add('adopted', '5 processes at once', {
      commands: adopted.commands,
      note: `as Claude Code starts them: five sh -c python3 at once${session}, wall time until the last exits`,
    });
    add('adopted', '1 runner: adopt.cjs', {
      commands: [adopted.runner],
      note: `after hookpack adopt: one node process${session} starts the same five at once, reads and merges their answers`,
    });
  }

  if (adopted && warm && !warm.reason) {
    const session = adopted.ownSession ? ' (setsid -w)' : '';
    add('adopted', '1 runner, warm: hookpack-warm adopt.cjs', {
      commands: [adopted.warmRunner(warm.client)],
      env: warm.warmEnv,
      note: `after hookpack adopt --warm: the native client${session} asks the warm daemon, which starts the same five at once`,
    });
  }

  if (project) {
    for (const event of project.manifest.events) {
      add('project', `project ${event.file}`, {
        commands: [`${node} ${quote(join(project.dir, event.file))}`],
        bytes: event.bytes,
        input: line(payloadFor(fixtures, event.event, event.matcher)),
        note: event.hooks.join(', '),
      });
    }
  }

  if (warm && !warm.reason) {
    const bytes = statSync(warm.client).size;
    add('warm', 'warm on-PreToolUse.cjs (hot)', {
      commands: [warm.command(warm.bundle)],
      bytes,
      env: warm.warmEnv,
      note: 'the client, answered by the running daemon',
    });
    add('warm', 'fallback: daemon unusable', {
      commands: [warm.command(warm.bundle)],
      bytes,
      env: warm.absentEnv,
      note: 'the client checks, refuses, execs node on-PreToolUse.cjs; compare with events: on-PreToolUse.cjs',
    });
    add('warm', 'heavy hook, cold: node heavy-rules.cjs', {
      commands: [`${node} ${quote(warm.heavyBundle)}`],
      input: line({ ...payloadFor(fixtures, 'PreToolUse', 'Bash') }),
      note: 'loads and compiles a 2 MB rule file on every call',
    });
    add('warm', 'heavy hook, warm', {
      commands: [warm.command(warm.heavyBundle)],
      bytes,
      env: warm.warmEnv,
      note: 'the daemon loaded the rules once',
    });
  }

  const guard = manifest.hooks.find((h) => h.name === 'bash-guard');
  if (guard && caFile) {
    const file = quote(join(dist, guard.file));
    const withCa = { ...env, NODE_EXTRA_CA_CERTS: caFile };
    add('ca', 'NODE_EXTRA_CA_CERTS set', {
      commands: [`${node} ${file}`],
      bytes: guard.bytes,
      env: withCa,
      note: `NODE_EXTRA_CA_CERTS=${caFile}`,
    });
    add('ca', 'set, started via env -u', {
      commands: [`env -u NODE_EXTRA_CA_CERTS ${node} ${file}`],
      bytes: guard.bytes,
      env: withCa,
      note: 'env -u NODE_EXTRA_CA_CERTS node …: the workaround',
    });
    add('ca', 'unset', {
      commands: [`${node} ${file}`],
      bytes: guard.bytes,
      note: 'no NODE_EXTRA_CA_CERTS in the environment',
    });
  }
  return { programs, skipped };
}

/** Keeps the baselines plus the programs whose name contains one of `only`. */
export function selectPrograms(programs, only) {
  if (!only) return programs;
  return programs.filter((p) => p.section === 'baselines' || only.some((o) => p.name.includes(o) || p.section === o));
}
