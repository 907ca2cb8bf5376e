import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleScript, tempDir } from './_processes.ts';

// Every hook start pays for what its bundle holds and loads (style.md habit 9). To raise a ceiling,
// change it here in the same commit as the code that needs it, and say why in the commit message.
// run: 8,500 since it starts children on libuv's handles (lib/run/lean-child.ts, +2.3 KB), which
// spares loading child_process, net and the streams (~6 ms of CPU) on every hook that runs one.
// background: 5,500 since runInBackground starts its child the same way (+1.1 KB).
const CEILINGS = { run: 8500, background: 5500 };
const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = tempDir();
afterAll(() => dir.remove());

function minified(source: string): string {
  const result = buildSync({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('what importing run and runInBackground costs a hook', () => {
  it.each([
    ['run', "import { run } from './lib/run.ts'; run('x', []);"],
    [
      'background',
      "import { runInBackground, runNodeInBackground } from './lib/background.ts'; runInBackground('x', []); runNodeInBackground('y');",
    ],
  ] as const)('keeps %s under its byte ceiling, built-ins only', (name, source) => {
    const text = minified(source);
    expect(text.length, `${name} is ${text.length} bytes minified`).toBeLessThanOrEqual(CEILINGS[name]);
    expect(text).not.toMatch(/require\("(?!node:)/);
    expect(text).not.toMatch(/require\("node:child_process"\)/);
  });

  const childProcessLoads = (env: NodeJS.ProcessEnv, nodeVersion?: string, newSpawnContract = false) => {
    let pretend = nodeVersion
      ? `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${nodeVersion}' } });\n`
      : '';
    // Node 24's process_wrap, whose spawn takes its options positionally, exports \`constants\`.
    if (newSpawnContract)
      pretend += `const original = process.binding;
        process.binding = function binding(name) {
          const b = original.call(process, name);
          return name === 'process_wrap' ? { ...b, constants: {} } : b;
        };\n`;
    const script = bundleScript(
      `${pretend}import { run } from './lib/run.ts';
       const loaded = () => process.moduleLoadList.some((name) => name === 'NativeModule child_process');
       const before = loaded();
       void run('true', []).then((r) => process.stdout.write(JSON.stringify([before, loaded(), r.exitCode])));`,
      dir.file(`lazy-${nodeVersion ?? 'this'}-${newSpawnContract}.cjs`),
    );
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 10_000, env });
    return JSON.parse(result.stdout);
  };

  it('never loads child_process where node offers the process and pipe handles', () => {
    expect(childProcessLoads({ ...process.env, HOOKPACK_NODE_SPAWN: undefined })).toEqual([false, false, 0]);
  });

  it('starts children with child_process on a Node major its handles have not been checked on', () => {
    for (const version of ['24.0.0', '99.0.0', '18.20.0'])
      expect(childProcessLoads({ ...process.env, HOOKPACK_NODE_SPAWN: undefined }, version)).toEqual([false, true, 0]);
  });

  it("starts children with child_process where the process binding has Node 24's spawn contract, whatever the version", () => {
    expect(childProcessLoads({ ...process.env, HOOKPACK_NODE_SPAWN: undefined }, undefined, true)).toEqual([
      false,
      true,
      0,
    ]);
  });

  it('loads child_process only when run is first called, where it starts children with it', () => {
    expect(childProcessLoads({ ...process.env, HOOKPACK_NODE_SPAWN: '1' })).toEqual([false, true, 0]);
  });
});
