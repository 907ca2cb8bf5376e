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
    const hook = /```ts\n\/\/ \.claude\/hooks\/([\w-]+)\.ts\n([\s\S]*?)```/.exec(readme);
    expect(hook, 'first ts block must start with // .claude/hooks/<name>.ts').not.toBeNull();
    const [, name, source] = hook as RegExpExecArray;
    const session =
      /```console\n\$ npx hookpack build\n\$ echo '(.*)' \| node \.claude\/hooks\/dist\/([\w-]+)\.cjs\n(.*)\n```/.exec(
        readme,
      );
    expect(session, 'console block with the sample run').not.toBeNull();
    const [, payload, runName, printed] = session as RegExpExecArray;
    expect(runName).toBe(name);

    // A project of its own, built the way the README says: `hookpack build` from its root.
    mkdirSync(join(dir, '.claude', 'hooks'), { recursive: true });
    writeFileSync(join(dir, '.claude', 'hooks', `${name}.ts`), source as string);
    const build = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'build'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, HOME: join(dir, 'home') },
    });
    expect(build.stderr).toMatch(/built 1 hook/);
    const run = spawnSync(process.execPath, [join(dir, '.claude', 'hooks', 'dist', `${name}.cjs`)], {
      input: payload,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${printed}\n`);
  });

  it('names the test command that CI runs', () => {
    expect(readme).toMatch(/npm test\s+# lint \(Biome\) \+ typecheck \+ build \+ every test/);
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
    // …and that the command does what the README's comment says: lint, typecheck, build, tests.
    expect(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { test: string } }).scripts.test,
    ).toBe('node test/run-all.mjs');
    const steps = readFileSync(join(ROOT, 'test', 'run-all.mjs'), 'utf8');
    for (const step of [
      /TOOLS\.biome, 'check', '\.'/,
      /TOOLS\.tsc, '-p', 'tsconfig\.build\.json'/,
      /'build\.mjs'/,
      /TOOLS\.vitest, 'run'/,
    ])
      expect(steps).toMatch(step);
  });
});
