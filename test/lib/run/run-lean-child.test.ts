import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleScript, tempDir, writeScript } from './_processes.ts';

// run starts children on libuv's process and pipe handles (lib/run/lean-child.ts) where node
// offers them, and with child_process elsewhere. Both must give the same result for everything a
// child can do: these scenarios run in a real node process each way and are compared field by field.
const dir = tempDir();
afterAll(() => dir.remove());
const notExecutable = writeScript(dir.file('not-executable.sh'), '#!/bin/sh\necho hi\n', 0o644);

const SCENARIOS = `
  const big = 'x'.repeat(3_000_000);
  const scenarios = {
    'echoes its input and exit status': () => run('sh', ['-c', 'cat; echo oops >&2; exit 3'], { input: 'hé\\n' }),
    'takes a Buffer as input': () => run('sh', ['-c', 'od -An -tx1'], { input: Buffer.from([0, 255, 10]) }),
    'has /dev/null as stdin without input': () => run('sh', ['-c', 'cat; echo done']),
    'reads a 3 MB input to its end': () => run('sh', ['-c', 'wc -c'], { input: big }),
    'exits without reading a 3 MB input': () => run('sh', ['-c', 'exit 0'], { input: big }),
    'caps what it prints': () => run('sh', ['-c', 'yes | head -c 200000'], { maxOutputBytes: 1000 }),
    'dies of a signal': () => run('sh', ['-c', 'kill -9 $$']),
    'times out and is stopped': () => run('sleep', ['30'], { timeoutMs: 100 }),
    'leaves a grandchild holding the pipe': () => run('sh', ['-c', 'sleep 30 & echo started']),
    'escapes its group with setsid and holds the pipe': () =>
      run('sh', ['-c', 'setsid sleep 2 & echo started'], { timeoutMs: 5000 }),
    'gets the environment it was given': () =>
      run('sh', ['-c', 'echo "$A:$B:\${HOME+home}"'], { env: { A: 'ä b', B: undefined, HOME: undefined } }),
    'gets only the given environment without extendEnv': () =>
      run('/usr/bin/env', [], { env: { ONLY: '1' }, extendEnv: false }),
    'runs in the given directory': () => run('pwd', [], { cwd: ${JSON.stringify(dir.path)} }),
    'is not found on PATH': () => run('hookpack-no-such-program', []),
    'is not executable': () => run(${JSON.stringify(notExecutable)}, []),
    'has a cwd that does not exist': () => run('true', [], { cwd: ${JSON.stringify(dir.file('missing'))} }),
    'is aborted': () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      return run('sleep', ['30'], { signal: controller.signal });
    },
  };
  const background = async (file) => {
    const started = await runInBackground(file, []);
    return 'pid' in started ? { started: Number.isInteger(started.pid) && started.pid > 0 } : started;
  };
  scenarios['is started in the background'] = () => background('true');
  scenarios['is started in the background but not found on PATH'] = () => background('hookpack-no-such-program');
  const results = {};
  for (const [name, start] of Object.entries(scenarios)) {
    const { durationMs, ...result } = await start();
    results[name] = result;
  }
  process.stdout.write(JSON.stringify(results));
`;
const script = bundleScript(
  `import { run } from './lib/run.ts';\nimport { runInBackground } from './lib/background.ts';\nvoid (async () => {${SCENARIOS}})();`,
  dir.file('scenarios.cjs'),
);

function scenarios(env: Record<string, string | undefined>, execArgv: string[] = []) {
  const result = spawnSync(process.execPath, [...execArgv, script], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, HOOKPACK_NODE_SPAWN: undefined, ...env },
  });
  return { stderr: result.stderr, results: JSON.parse(result.stdout) as Record<string, Record<string, unknown>> };
}

describe('run on libuv handles and on child_process', () => {
  const lean = scenarios({});
  const portable = scenarios({ HOOKPACK_NODE_SPAWN: '1' });

  it.each(Object.keys(portable.results))('gives the same result when a child %s', (name) => {
    expect(lean.results[name]).toEqual(portable.results[name]);
  });

  it('reads what the children did, not just that they ran', () => {
    const r = lean.results;
    expect(r['echoes its input and exit status']).toMatchObject({ stdout: 'hé\n', stderr: 'oops\n', exitCode: 3 });
    expect(r['reads a 3 MB input to its end']).toMatchObject({ stdout: '3000000\n', exitCode: 0 });
    expect(r['caps what it prints']).toMatchObject({ truncated: true, exitCode: 0 });
    expect(r['caps what it prints']?.stdout).toHaveLength(1000);
    expect(r['dies of a signal']).toMatchObject({ exitCode: null, signal: 'SIGKILL' });
    expect(r['times out and is stopped']).toMatchObject({ timedOut: true, signal: 'SIGTERM' });
    expect(r['gets the environment it was given']).toMatchObject({ stdout: 'ä b::\n' });
    expect(r['gets only the given environment without extendEnv']).toMatchObject({ stdout: 'ONLY=1\n' });
    expect(r['is not found on PATH']?.error).toMatchObject({ code: 'ENOENT' });
    expect(r['is not executable']?.error).toMatchObject({ code: 'EACCES' });
    expect(r['has a cwd that does not exist']?.error).toMatchObject({ code: 'ENOENT' });
    expect(r['is aborted']).toMatchObject({ aborted: true });
    expect(r['is started in the background']).toEqual({ started: true });
    expect(r['is started in the background but not found on PATH']?.error).toMatchObject({ code: 'ENOENT' });
    expect(lean.stderr).toBe('');
  });

  it('keeps a Buffer input alive until a slow reader has read it all, through garbage collections', () => {
    const gcScript = bundleScript(
      `import { createHash } from 'node:crypto';
       import { run } from './lib/run.ts';
       const input = new Uint8Array(4 * 1024 * 1024).map((_, i) => (i * 7919) % 251);
       const expected = createHash('sha256').update(input).digest('hex');
       const churn = setInterval(() => { for (let i = 0; i < 50; i++) new Uint8Array(1 << 16); globalThis.gc?.(); }, 5);
       void run('sh', ['-c', 'sleep 0.3; sha256sum'], { input: new Uint8Array(input) }).then((r) => {
         clearInterval(churn);
         process.stdout.write(JSON.stringify({ same: r.stdout.startsWith(expected), exitCode: r.exitCode }));
       });`,
      dir.file('gc-input.cjs'),
    );
    for (const env of [{ HOOKPACK_NODE_SPAWN: undefined }, { HOOKPACK_NODE_SPAWN: '1' }]) {
      const result = spawnSync(process.execPath, ['--expose-gc', gcScript], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, ...env },
      });
      expect(JSON.parse(result.stdout), result.stderr).toEqual({ same: true, exitCode: 0 });
    }
  });

  it('prints no deprecation warning under --pending-deprecation (it uses child_process then)', () => {
    const warned = scenarios({}, ['--pending-deprecation']);
    expect(warned.stderr).toBe('');
    expect(warned.results['echoes its input and exit status']).toEqual(
      lean.results['echoes its input and exit status'],
    );
  });
});
