// `hookpack init` and `hookpack add` in a user's project: they make .claude/hooks/ and its files
// from the project's root or any directory below it, say what they made and what to run next,
// and never overwrite anything.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCommand } from '../../cli/commands/add.ts';
import { initCommand } from '../../cli/commands/init.ts';
import { SHIPPED_HOOKS } from '../../cli/shipped-hooks.ts';
import { cleanEnv, ROOT, runCli, tempDir, writeFile } from './_helpers.ts';

const COMMANDS = [initCommand, addCommand];
let temp: ReturnType<typeof tempDir>;
afterEach(() => temp.cleanup());

function project(files: Record<string, string> = { 'package.json': '{}\n' }) {
  temp = tempDir('project-init');
  const root = join(temp.dir, 'myapp');
  for (const [rel, content] of Object.entries(files)) writeFile(join(root, rel), content);
  mkdirSync(join(temp.dir, 'home'), { recursive: true });
  const run = (cwd: string, ...argv: string[]) => runCli(COMMANDS, argv, { cwd, env: cleanEnv(temp.dir) });
  return { root, hooks: join(root, '.claude', 'hooks'), run };
}

describe('hookpack init', () => {
  it('creates .claude/hooks with an example hook and a tsconfig, and says what to run next', async () => {
    const p = project();
    const run = await p.run(p.root, 'init');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^created \.claude\/hooks\/\ncreated \.claude\/hooks\/no-publish\.ts\ncreated \.claude\/hooks\/tsconfig\.json\ncreated \.claude\/hooks\/\.gitignore\n\nnext:\n/,
    );
    // The bundles are committed, whatever a `dist/` line in the project's .gitignore says.
    expect(readFileSync(join(p.hooks, '.gitignore'), 'utf8')).toBe('!dist/\n');
    expect(run.stdout).toContain('npx hookpack build');
    expect(readFileSync(join(p.hooks, 'no-publish.ts'), 'utf8')).toContain("from 'hookpack'");
    expect(JSON.parse(readFileSync(join(p.hooks, 'tsconfig.json'), 'utf8')).compilerOptions.strict).toBe(true);
  });

  it('finds the project from a directory below its root (the nearest with package.json or .git)', async () => {
    const p = project({ 'package.json': '{}\n', 'src/deep/x.js': '' });
    const run = await p.run(join(p.root, 'src', 'deep'), 'init');
    expect(run.code).toBe(0);
    expect(existsSync(join(p.hooks, 'no-publish.ts'))).toBe(true);
    expect(run.stdout).toContain('created ../../.claude/hooks/no-publish.ts');
  });

  it('never overwrites a file, and says which it kept', async () => {
    const p = project({ 'package.json': '{}\n', '.claude/hooks/no-publish.ts': '// mine\n' });
    const run = await p.run(p.root, 'init');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kept    .claude/hooks/no-publish.ts (already there)');
    expect(readFileSync(join(p.hooks, 'no-publish.ts'), 'utf8')).toBe('// mine\n');
  });

  it("refuses to run in hookpack's own repository", async () => {
    temp = tempDir('project-init-repo');
    const run = await runCli(COMMANDS, ['init'], { cwd: ROOT, env: cleanEnv(temp.dir) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hookpack: .* is hookpack's own repository/);
  });
});

describe('hookpack add', () => {
  it('writes a one-line entry per shipped hook, re-exporting it from the package', async () => {
    const p = project();
    const run = await p.run(p.root, 'add', 'bash-guard', 'file-guard');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'added   .claude/hooks/bash-guard.ts\nadded   .claude/hooks/file-guard.ts\n\nnext: npx hookpack build, then npx hookpack install\n',
    );
    expect(readFileSync(join(p.hooks, 'bash-guard.ts'), 'utf8')).toMatch(
      /^\/\/ bash-guard, shipped with hookpack.*\nexport \{ default \} from 'hookpack\/hooks\/bash-guard';\n$/,
    );
  });

  it('describes every shipped hook in a line with --list, and they are the hooks/ of this package', async () => {
    const p = project();
    const run = await p.run(p.root, 'add', '--list');
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(' ')[0]),
    ).toEqual(SHIPPED_HOOKS.map((h) => h.name));
    for (const hook of SHIPPED_HOOKS) expect(existsSync(join(ROOT, 'hooks', `${hook.name}.ts`)), hook.name).toBe(true);
  });

  it('names an unknown hook and lists the valid ones (exit 2), writing nothing', async () => {
    const p = project();
    const run = await p.run(p.root, 'add', 'bash-guard', 'rm-guard');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `hookpack: unknown shipped hook \`rm-guard\`; shipped hooks: ${SHIPPED_HOOKS.map((h) => h.name).join(', ')}\n`,
    );
    expect(existsSync(join(p.hooks, 'bash-guard.ts'))).toBe(false);
  });

  it('keeps a file that is already there', async () => {
    const p = project({ 'package.json': '{}\n', '.claude/hooks/bash-guard.ts': '// my own bash guard\n' });
    const run = await p.run(p.root, 'add', 'bash-guard');
    expect(run.stdout).toContain('kept    .claude/hooks/bash-guard.ts (already there)');
    expect(readFileSync(join(p.hooks, 'bash-guard.ts'), 'utf8')).toBe('// my own bash guard\n');
  });

  it("says so in one line (exit 3) when .claude/hooks is a file, and keeps a dangling link at the entry's name", async () => {
    const p = project({ 'package.json': '{}\n', '.claude/hooks': 'not a directory\n' });
    const run = await p.run(p.root, 'add', 'bash-guard');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('hookpack: .claude/hooks is not a directory: move that file away and run again\n');
    rmSync(p.hooks);
    mkdirSync(p.hooks, { recursive: true });
    symlinkSync(join(p.root, 'nowhere.ts'), join(p.hooks, 'bash-guard.ts'));
    const kept = await p.run(p.root, 'add', 'bash-guard');
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('kept    .claude/hooks/bash-guard.ts (already there)');
  });

  it('needs at least one name (exit 2)', async () => {
    const p = project();
    const run = await p.run(p.root, 'add');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hookpack: `hookpack add` needs hook names; shipped hooks: bash-guard, /);
  });
});
