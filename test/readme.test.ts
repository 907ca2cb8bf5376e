// The README's first screen shows a complete hook and exactly what it prints: hold it to that.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'hookpack-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the README', () => {
  it('shows a hook that builds and prints exactly the output it claims', () => {
    const hook = /```ts\n\/\/ hooks\/([\w-]+)\.ts\n([\s\S]*?)```/.exec(readme);
    expect(hook, 'first ts block must start with // hooks/<name>.ts').not.toBeNull();
    const [, name, source] = hook as RegExpExecArray;
    const session = /```console\n\$ npm run build\n\$ echo '(.*)' \| node dist\/([\w-]+)\.cjs\n(.*)\n```/.exec(readme);
    expect(session, 'console block with the sample run').not.toBeNull();
    const [, payload, runName, printed] = session as RegExpExecArray;
    expect(runName).toBe(name);

    mkdirSync(join(dir, 'hooks'));
    writeFileSync(join(dir, 'hooks', `${name}.ts`), source as string);
    const build = spawnSync(process.execPath, [join(ROOT, 'build.mjs'), '--hooks-dir', join(dir, 'hooks'), '--out-dir', join(dir, 'dist')], { encoding: 'utf8' });
    expect(build.stderr).toMatch(/built 1 hook/);
    const run = spawnSync(process.execPath, [join(dir, 'dist', `${name}.cjs`)], { input: payload, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${printed}\n`);
  });

  it('names the test command that CI runs', () => {
    expect(readme).toMatch(/npm test\s+# typecheck \+ build \+ every test/);
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
  });
});
