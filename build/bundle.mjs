// @ts-check
// esbuild, configured once: how `hookpack` imports resolve, the generated validators, the rule
// that a bundle needs only Node built-ins, and one function that bundles an entry source.
import { existsSync, statSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { BuildError, formatEsbuildErrors } from './errors.mjs';
import { lazyChunks } from './lazy-chunks.mjs';
import { PACKAGE_ROOT } from './package-root.mjs';

/** Node 20 is the oldest runtime we support (package.json engines); esbuild lowers nothing below it. */
export const TARGET = 'node20';
/** CommonJS: ESM costs 1.26-1.33x at startup (docs: startup facts). */
const FORMAT = 'cjs';

const LIB = join(PACKAGE_ROOT, 'lib');
const SHIPPED_HOOKS = join(PACKAGE_ROOT, 'hooks');

/**
 * `hookpack` → lib/index.ts, `hookpack/<module>` → lib/<module>(.ts | /index.ts) and
 * `hookpack/hooks/<name>` → the shipped hook's source (what `hookpack add` writes), in any hook
 * file, inside this repository or in a user's project, however the package was installed.
 * @param {string} path
 */
export function resolveHookpackImport(path) {
  if (path === 'hookpack') return join(LIB, 'index.ts');
  const sub = path.slice('hookpack/'.length);
  if (sub.startsWith('hooks/')) {
    const file = join(SHIPPED_HOOKS, `${sub.slice('hooks/'.length)}.ts`);
    return existsSync(file) ? file : undefined;
  }
  for (const file of [join(LIB, sub.endsWith('.ts') ? sub : `${sub}.ts`), join(LIB, sub, 'index.ts')]) {
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** @type {esbuild.Plugin} */
const hookpackImports = {
  name: 'hookpack-imports',
  setup(build) {
    build.onResolve({ filter: /^hookpack(\/.*)?$/ }, (args) => {
      const path = resolveHookpackImport(args.path);
      if (path !== undefined) return { path };
      return {
        errors: [
          {
            text: `hookpack has no module "${args.path}": import from 'hookpack', 'hookpack/cache', 'hookpack/run', 'hookpack/breaker', 'hookpack/background' or a shipped hook 'hookpack/hooks/<name>'`,
          },
        ],
      };
    });
  },
};

/**
 * The options every bundle shares.
 * @param {string} projectRoot where the user's own packages are installed
 * @returns {esbuild.BuildOptions}
 */
export function sharedOptions(projectRoot) {
  return {
    bundle: true,
    platform: 'node',
    target: TARGET,
    format: FORMAT,
    write: false,
    logLevel: 'silent',
    absWorkingDir: projectRoot,
    plugins: [hookpackImports],
    // Packages the project or hookpack installed resolve for every hook file, wherever it is.
    nodePaths: [join(projectRoot, 'node_modules'), join(PACKAGE_ROOT, 'node_modules'), dirname(PACKAGE_ROOT)],
  };
}

/**
 * Resolves `hookpack:validator` to the validator generated for one event (a hook or event
 * bundle), `hookpack:validator/<Event>` to that event's (a single executable holds several), and
 * `hookpack:startup/<json>` to the startup guard installed with that metadata.
 * @param {string} validator
 * @param {(event: string) => string} validatorSource
 * @returns {esbuild.Plugin}
 */
function entryPlugin(validator, validatorSource) {
  return {
    name: 'hookpack-entry',
    setup(build) {
      build.onResolve({ filter: /^hookpack:validator(\/[A-Za-z]+)?$/ }, (args) => ({
        path: args.path.slice('hookpack:validator'.length + 1) || '-',
        namespace: 'hookpack-validator',
      }));
      build.onLoad({ filter: /.*/, namespace: 'hookpack-validator' }, (args) => ({
        contents: args.path === '-' ? validator : validatorSource(args.path),
        loader: 'js',
      }));
      build.onResolve({ filter: /^hookpack:startup\// }, (args) => ({
        path: args.path.slice('hookpack:startup/'.length),
        namespace: 'hookpack-startup',
        sideEffects: true,
      }));
      build.onLoad({ filter: /.*/, namespace: 'hookpack-startup' }, (args) => ({
        contents: [
          `import { guardStartup } from ${JSON.stringify(join(LIB, 'runtime', 'startup.ts'))};`,
          `guardStartup(${JSON.stringify(JSON.parse(args.path))});`,
        ].join('\n'),
        loader: 'js',
        resolveDir: PACKAGE_ROOT,
      }));
    },
  };
}

/**
 * Every `require()` left in a bundle must be a Node built-in: a bundle runs copied alone.
 * @param {string} where
 * @param {string} code
 */
export function assertOnlyBuiltins(where, code) {
  const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '');
  const foreign = required.filter((id) => !isBuiltin(id));
  if (foreign.length)
    throw new BuildError(
      `${where}: the bundle requires ${foreign.join(', ')}; bundles may only require Node built-ins (install the package so esbuild can bundle it, or import it lazily from a node: module)`,
    );
}

/**
 * Bundles one entry source into minified CommonJS; returns the code, the files that went in and,
 * with `lazy`, the chunks its `*.lazy.ts` imports became (build/lazy-chunks.mjs; without it they
 * are bundled in place).
 * @param {{ name: string, contents: string, bannerText: string, validator: string, validatorSource: (event: string) => string, projectRoot: string, shortPath: (file: string) => string, where: string, lazy?: boolean }} options
 */
export async function bundle({
  name,
  contents,
  bannerText,
  validator,
  validatorSource,
  projectRoot,
  shortPath,
  where,
  lazy = false,
}) {
  const shared = sharedOptions(projectRoot);
  /** @type {Map<string, { name: string, path: string, code: string, inputs: string[] }>} */
  const chunks = new Map();
  const chunkPlugins = lazy ? [lazyChunks({ options: shared, shortPath, chunks })] : [];
  const result = await esbuild
    .build({
      ...shared,
      stdin: { contents, resolveDir: PACKAGE_ROOT, sourcefile: `hookpack-entry:${name}`, loader: 'js' },
      minify: true,
      legalComments: 'none',
      metafile: true,
      banner: { js: bannerText },
      plugins: [...chunkPlugins, ...(shared.plugins ?? []), entryPlugin(validator, validatorSource)],
    })
    .catch((error) => {
      throw new BuildError(formatEsbuildErrors(error, shortPath), { cause: error });
    });
  const code = result.outputFiles?.[0]?.text ?? '';
  assertOnlyBuiltins(where, code);
  for (const chunk of chunks.values()) assertOnlyBuiltins(`${where} (chunk ${chunk.name})`, chunk.code);
  // Absolute paths of the files that went in (the entry's generated modules left out).
  const inputs = [
    ...new Set([...Object.keys(result.metafile.inputs), ...[...chunks.values()].flatMap((chunk) => chunk.inputs)]),
  ]
    .filter((input) => !/^hookpack-[a-z]+:/.test(input))
    .map((input) => resolve(projectRoot, input));
  return { code, inputs, chunks: [...chunks.values()] };
}

/**
 * An unminified build of every hook file, evaluated once to read the definitions.
 * @param {string[]} files
 * @param {string} projectRoot
 * @param {(file: string) => string} shortPath
 */
export async function bundleForDefinitions(files, projectRoot, shortPath) {
  return esbuild
    .build({
      ...sharedOptions(projectRoot),
      entryPoints: files,
      outdir: join(PACKAGE_ROOT, '.hookpack-meta'),
      minify: false,
    })
    .catch((error) => {
      throw new BuildError(formatEsbuildErrors(error, shortPath), { cause: error });
    });
}

/**
 * Loads lib/schemas/codegen.ts (with full zod) in the build process; zod never reaches a bundle.
 * @returns {Promise<(event: string) => string>}
 */
export async function loadValidatorCodegen() {
  return /** @type {(event: string) => string} */ (
    (await loadLibModule(join('schemas', 'codegen.ts'))).validatorSource
  );
}

/**
 * `unionMatcher` from lib/runtime/matcher.ts: the build and the runtime read matchers with one
 * piece of code.
 * @returns {Promise<(matchers: readonly (string | null | undefined)[]) => string | null>}
 */
export async function loadUnionMatcher() {
  return (await loadLibModule(join('runtime', 'matcher.ts'))).unionMatcher;
}

/**
 * A lib/ module, bundled for node and evaluated here (the build runs on plain node, without a
 * TypeScript loader).
 * @param {string} file relative to lib/
 * @returns {Promise<Record<string, any>>}
 */
async function loadLibModule(file) {
  const result = await esbuild.build({
    ...sharedOptions(PACKAGE_ROOT),
    entryPoints: [join(LIB, file)],
    outfile: join(PACKAGE_ROOT, `.hookpack-${file.replace(/[\\/.]/g, '-')}.cjs`),
    packages: 'external',
  });
  const module = { exports: /** @type {any} */ ({}) };
  new Function('module', 'exports', 'require', result.outputFiles?.[0]?.text ?? '')(
    module,
    module.exports,
    createRequire(join(PACKAGE_ROOT, 'package.json')),
  );
  return module.exports;
}
