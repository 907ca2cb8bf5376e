// @ts-check
// Type-checks the hook files before they are bundled (esbuild strips types without checking).
// In this repository: its own TypeScript and tsconfig, hooks against lib/'s sources. In a user's
// project: the project's own `typescript`, hooks against the package's declaration files; a
// project without TypeScript is told how to add it, and the build goes on.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.mjs';

/** This checkout is hookpack's own repository (the published package has no tsconfig.json). */
export const IN_REPOSITORY = existsSync(join(PACKAGE_ROOT, 'tsconfig.json'));

/**
 * The `tsc` a project has, if any.
 * @param {string} from
 * @returns {string | undefined}
 */
function findTsc(from) {
  try {
    const pkg = createRequire(join(from, 'package.json')).resolve('typescript/package.json');
    const tsc = join(dirname(pkg), 'bin', 'tsc');
    return existsSync(tsc) ? tsc : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {string[]} files the hook files
 * @param {string} projectRoot
 * @returns {Record<string, unknown>}
 */
function configFor(files, projectRoot) {
  if (IN_REPOSITORY) {
    return {
      extends: join(PACKAGE_ROOT, 'tsconfig.json'),
      compilerOptions: {
        typeRoots: [join(PACKAGE_ROOT, 'node_modules', '@types')],
        paths: {
          hookpack: [join(PACKAGE_ROOT, 'lib', 'index.ts')],
          'hookpack/hooks/*': [join(PACKAGE_ROOT, 'hooks', '*.ts')],
          'hookpack/*': [join(PACKAGE_ROOT, 'lib', '*')],
          // Hook files kept outside the repository still see its packages (as esbuild's nodePaths does).
          '*': [join(PACKAGE_ROOT, 'node_modules', '*'), join(PACKAGE_ROOT, 'node_modules', '@types', '*')],
        },
      },
      include: [...files, join(PACKAGE_ROOT, 'lib', '**', '*.ts')],
    };
  }
  const types = join(PACKAGE_ROOT, 'dist', 'types');
  return {
    compilerOptions: {
      // The settings `hookpack init` writes into .claude/hooks/tsconfig.json for editors.
      ...JSON.parse(readFileSync(join(PACKAGE_ROOT, 'build', 'hooks-compiler-options.json'), 'utf8')),
      typeRoots: [join(projectRoot, 'node_modules', '@types'), join(dirname(PACKAGE_ROOT), '@types')],
      paths: {
        hookpack: [join(types, 'lib', 'index.d.ts')],
        'hookpack/hooks/*': [join(types, 'hooks', '*.d.ts')],
        'hookpack/*': [join(types, 'lib', '*.d.ts'), join(types, 'lib', '*', 'index.d.ts')],
      },
    },
    files,
  };
}

/**
 * @param {string[]} files
 * @param {string} projectRoot
 * @returns {Promise<{ ok: true, skipped?: string } | { ok: false, output: string }>}
 */
export async function typecheck(files, projectRoot) {
  const tsc = findTsc(IN_REPOSITORY ? PACKAGE_ROOT : projectRoot);
  if (tsc === undefined) {
    return {
      ok: true,
      skipped:
        'this project has no TypeScript, so hook files were bundled without a type check; add it with `npm install --save-dev typescript @types/node`',
    };
  }
  const work = mkdtempSync(join(tmpdir(), 'hookpack-tsc-'));
  const config = join(work, 'tsconfig.json');
  writeFileSync(config, JSON.stringify(configFor(files, projectRoot)));
  try {
    return await new Promise((resolveRun) => {
      const child = spawn(process.execPath, [tsc, '-p', config, '--pretty', 'false'], {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (code) => resolveRun(code === 0 ? { ok: true } : { ok: false, output: out.trim() }));
      child.on('error', (error) => resolveRun({ ok: false, output: `cannot run ${tsc}: ${error.message}` }));
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
