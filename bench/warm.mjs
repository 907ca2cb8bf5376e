// The warm path's scenario (docs/warm.md): the warm client compiled against dist/daemon.cjs, a
// private state directory of its own with the daemon started and hot, a state directory where the
// daemon can't be used (the fallback), and a heavy hook (a 2 MB rule file) built twice over.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { compileWarmClient } from '../build/warm-client.mjs';
import { BenchError } from './errors.mjs';

const quote = (text) => `'${String(text).replace(/'/g, "'\\''")}'`;

/** A rule file of about 2 MB: 4,000 rules of 40 made-up words each. */
function writeRules(path) {
  const rules = [];
  for (let i = 0; i < 4000; i++)
    rules.push({
      id: `rule-${i}`,
      words: Array.from({ length: 40 }, (_, j) => `zq${i.toString(36)}x${j.toString(36)}word`),
    });
  writeFileSync(path, JSON.stringify(rules));
}

function ask(socket, kind) {
  return new Promise((resolve) => {
    let text = '';
    const s = connect(socket);
    const timer = setTimeout(() => (s.destroy(), resolve(undefined)), 2000);
    s.on('error', () => (clearTimeout(timer), resolve(undefined)));
    s.on('connect', () => s.end(`HPK1-${kind}`));
    s.on('data', (d) => (text += d));
    s.on('end', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(text.replace(/^A/, '')));
      } catch {
        resolve(undefined);
      }
    });
  });
}

/**
 * Lays out the scenario under `outDir` and starts the daemon (hot: both bundles loaded). Returns
 * the commands to time and `stop()`; undefined with a reason when no client can be compiled.
 */
export async function prepareWarm(root, outDir, env, input) {
  rmSync(outDir, { recursive: true, force: true });
  const hooks = join(outDir, 'hooks');
  const heavy = join(outDir, 'heavy');
  mkdirSync(hooks, { recursive: true });
  writeFileSync(
    join(hooks, 'heavy-rules.ts'),
    `export { default } from ${JSON.stringify(join(root, 'bench', 'warm', 'heavy-rules.ts'))};\n`,
  );
  const built = spawnSync(
    process.execPath,
    [join(root, 'build.mjs'), '--no-typecheck', '--hooks-dir', hooks, '--out-dir', heavy],
    { cwd: root, encoding: 'utf8' },
  );
  if (built.status !== 0)
    throw new BenchError('E_BENCH_BUILD', `building the heavy hook failed: ${built.stderr.trim()}`);
  writeRules(join(heavy, 'rules.json'));
  const client = compileWarmClient(join(outDir, 'client'), { env, daemonScript: join(root, 'dist', 'daemon.cjs') });
  if (!('path' in client)) return { reason: client.reason };
  // State directories outside the repository (a bundle keeps no code cache in one inside the
  // project it runs from). The fallback uses the default one, as today's rows do, with a file
  // where the daemon's directory would be: the client checks, refuses and runs the bundle.
  const home = join(env.HOME, 'warm-home');
  const absent = join(env.HOME, '.cache', 'hookpack');
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { mode: 0o700 });
  mkdirSync(absent, { recursive: true, mode: 0o700 });
  rmSync(join(absent, 'daemon'), { recursive: true, force: true });
  writeFileSync(join(absent, 'daemon'), '');
  const warmEnv = { ...env, HOOKPACK_HOME: home, HOOKPACK_DAEMON_IDLE_MS: '3600000' };
  const absentEnv = env;
  const bundle = join(root, 'dist', 'on-PreToolUse.cjs');
  const heavyBundle = join(heavy, 'heavy-rules.cjs');
  const command = (file) => `${quote(client.path)} 10 ${quote(file)}`;
  const socket = join(home, 'daemon', 'sock');
  for (let i = 0; i < 100; i++) {
    for (const file of [bundle, heavyBundle]) spawnSync('sh', ['-c', command(file)], { input, env: warmEnv });
    const status = await ask(socket, 'status');
    if (status !== undefined && status.bundles.length >= 2) {
      return {
        client: client.path,
        bundle,
        heavyBundle,
        command,
        warmEnv,
        absentEnv,
        status,
        statusNow: () => ask(socket, 'status'),
        stop: () => ask(socket, 'stop'),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new BenchError('E_BENCH_BUILD', 'the warm daemon did not come up for the bench');
}
