// @ts-check
// Lazily loaded chunks: a module named `<name>.lazy.ts` is bundled on its own, and the bundle
// that imports it gets a stub in its place whose functions load the chunk the first time one is
// called (through the code-cache loader, with a cache file of its own). Code a hook needs only
// for some payloads (bash-guard's whole analysis, for a command its quick check cannot answer)
// then costs nothing to start when it is not used. Only with the code-cache loader: without it
// (`--no-code-cache`, the single executable) the module is bundled in place as usual.
import { basename, dirname } from 'node:path';
import * as esbuild from 'esbuild';
import { BuildError, formatEsbuildErrors } from './errors.mjs';

/** An import of a chunk: `./x.lazy`, `./x.lazy.ts`, `hookpack/guards/x.lazy.ts`. */
const LAZY_IMPORT = /\.lazy(?:\.ts)?$/;
const NAME = /^[a-z0-9_][a-z0-9_-]*$/;

/**
 * The stub that stands in for a chunk: each export a function that loads the chunk on first call.
 * @param {string} name
 * @param {readonly string[]} exports
 */
function stubSource(name, exports) {
  const lines = [`let chunk;`, `const load = () => (chunk ??= __hookpackChunk(${JSON.stringify(name)}));`];
  for (const id of exports) {
    const call = `(...args) => load()[${JSON.stringify(id)}](...args)`;
    lines.push(id === 'default' ? `export default ${call};` : `export const ${id} = ${call};`);
  }
  return lines.join('\n');
}

/**
 * @param {{ options: esbuild.BuildOptions, shortPath: (file: string) => string, chunks: Map<string, { name: string, path: string, code: string, inputs: string[] }> }} context
 *   options: the shared options a chunk is bundled with; chunks: filled in as chunks are built
 * @returns {esbuild.Plugin}
 */
export function lazyChunks({ options, shortPath, chunks }) {
  return {
    name: 'hookpack-lazy-chunks',
    setup(build) {
      build.onResolve({ filter: LAZY_IMPORT }, async (args) => {
        if (args.pluginData?.lazyChunk) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { lazyChunk: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.path, namespace: 'hookpack-lazy' };
      });
      build.onLoad({ filter: /.*/, namespace: 'hookpack-lazy' }, async (args) => {
        const name = basename(args.path).replace(/\.lazy\.ts$/, '');
        if (!NAME.test(name))
          return {
            errors: [
              {
                text: `${shortPath(args.path)}: a chunk's file name is <name>.lazy.ts, the name in lowercase letters, digits, _ and -; rename it`,
              },
            ],
          };
        const failed = (/** @type {unknown} */ error) => {
          throw new BuildError(formatEsbuildErrors(error, shortPath), { cause: error });
        };
        // CommonJS output lists no exports in the metafile: the module alone, as ESM, does.
        const [result, names] = await Promise.all([
          esbuild
            .build({ ...options, entryPoints: [args.path], minify: true, legalComments: 'none', metafile: true })
            .catch(failed),
          esbuild
            .build({
              entryPoints: [args.path],
              bundle: false,
              format: 'esm',
              write: false,
              metafile: true,
              logLevel: 'silent',
            })
            .catch(failed),
        ]);
        const exports = Object.values(names.metafile.outputs)[0]?.exports ?? [];
        const code = result.outputFiles?.[0]?.text ?? '';
        // The loader finds a chunk by its name: two modules of one name would share one.
        const other = chunks.get(name);
        if (other !== undefined && other.path !== args.path)
          return {
            errors: [
              {
                text: `${shortPath(args.path)} and ${shortPath(other.path)} would be two chunks named "${name}" in one bundle; rename one`,
              },
            ],
          };
        chunks.set(name, { name, path: args.path, code, inputs: Object.keys(result.metafile.inputs) });
        return {
          contents: stubSource(name, exports),
          loader: 'js',
          resolveDir: dirname(args.path),
          watchFiles: Object.keys(result.metafile.inputs),
        };
      });
    },
  };
}
