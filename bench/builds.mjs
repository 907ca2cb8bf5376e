// Everything the bench times must exist first: dist/ (built when missing), the validation
// variants, and the 17-hook scenario, the last two under bench/.out. Builds run concurrently.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as esbuild from 'esbuild';
import { BenchError } from './errors.mjs';
import { writeSeventeen } from './seventeen.mjs';

/** `node build.mjs --no-typecheck <args>`: the real build, exactly as users' hooks go through it. */
function runBuild(root, args, what) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'build.mjs'), '--no-typecheck', ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error) =>
      reject(new BenchError('E_BENCH_BUILD', `cannot run build.mjs for ${what}: ${error.message}`, { cause: error })),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new BenchError(
            'E_BENCH_BUILD',
            `building ${what} failed (build.mjs exited ${code}); fix the build, then rerun the bench:\n${stderr.trim()}`,
          ),
        );
    });
  });
}

/** dist/manifest.json, building dist/ first when it is missing. Never rebuilds an existing dist/. */
export async function ensureDist(root, progress) {
  const manifest = join(root, 'dist', 'manifest.json');
  if (!existsSync(manifest)) {
    progress('dist/ is missing: building it first (node build.mjs --no-typecheck)');
    await runBuild(root, [], 'dist/');
  }
  return JSON.parse(readFileSync(manifest, 'utf8'));
}

/** The validation variants (bench/variants): one hook, four ways to check its payload. Returns { name, file }. */
export async function buildVariants(root, outDir) {
  const dir = join(root, 'bench', 'variants');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'hooks'), { recursive: true });
  const entries = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('_'));
  await esbuild
    .build({
      entryPoints: entries.map((f) => join(dir, f)),
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'silent',
      alias: { hookpack: join(root, 'lib', 'index.ts') },
    })
    .catch((error) => {
      throw new BenchError('E_BENCH_BUILD', `bundling bench/variants failed: ${error.message}`, { cause: error });
    });
  // The generated validator goes through the real build, exactly as users' hooks do.
  cpSync(join(dir, '_hook.ts'), join(outDir, 'hooks', 'generated-validator.ts'));
  await runBuild(root, ['--hooks-dir', join(outDir, 'hooks'), '--out-dir', outDir], 'the generated-validator variant');
  return ['generated-validator', ...entries.map((f) => basename(f, '.ts'))].map((name) => ({
    name,
    file: join(outDir, `${name}.cjs`),
  }));
}

/** Generates the 17 hooks into <outDir>/hooks and builds them into <outDir>/dist; returns that manifest. */
/**
 * A user's project as the README's Quick start makes one: `hookpack init`, `hookpack add
 * bash-guard file-guard`, `hookpack build`, all through the built CLI. Returns { dir, manifest }.
 */
export async function buildProject(root, outDir) {
  const project = join(outDir, 'myapp');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'package.json'), '{ "name": "myapp", "private": true }\n');
  // Its own .claude/: inside this repository's tree, the project would otherwise be the repository.
  mkdirSync(join(project, '.claude'));
  const cli = join(root, 'dist', 'cli.cjs');
  for (const args of [['init'], ['add', 'bash-guard', 'file-guard'], ['build', '--no-typecheck']]) {
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], {
        cwd: project,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, HOME: outDir },
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', (error) =>
        reject(new BenchError('E_BENCH_BUILD', `cannot run hookpack ${args[0]}: ${error.message}`, { cause: error })),
      );
      child.on('close', (code) =>
        code === 0
          ? resolve()
          : reject(
              new BenchError(
                'E_BENCH_BUILD',
                `hookpack ${args.join(' ')} in the bench project failed (exit ${code}):\n${stderr.trim()}`,
              ),
            ),
      );
    });
  }
  const dir = join(project, '.claude', 'hooks', 'dist');
  return { dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) };
}

export async function buildSeventeen(root, outDir) {
  writeSeventeen(join(outDir, 'hooks'));
  rmSync(join(outDir, 'dist'), { recursive: true, force: true });
  await runBuild(
    root,
    ['--hooks-dir', join(outDir, 'hooks'), '--out-dir', join(outDir, 'dist')],
    'the 17 generated hooks',
  );
  const manifest = JSON.parse(readFileSync(join(outDir, 'dist', 'manifest.json'), 'utf8'));
  if (manifest.hooks.length !== 17 || manifest.events.length !== 1) {
    throw new BenchError(
      'E_BENCH_BUILD',
      `the 17-hook scenario built ${manifest.hooks.length} hooks and ${manifest.events.length} event bundles; expected 17 and 1`,
    );
  }
  return { dir: join(outDir, 'dist'), manifest };
}
