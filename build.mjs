#!/usr/bin/env node
// Builds every hooks/<name>.ts into one minified, dependency-free dist/<name>.cjs plus
// dist/manifest.json. Usage: node build.mjs [--watch] [--sea [--sea-snapshot]] [--no-code-cache]
//                                           [--no-typecheck] [--hooks-dir DIR] [--out-dir DIR]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const ROOT = dirname(fileURLToPath(import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// Node 20 is the oldest runtime we support (package.json engines); esbuild lowers nothing below it.
const TARGET = 'node20';
// CommonJS: ESM costs 1.26-1.33x at startup (shared/docs/startup-facts.md).
const FORMAT = 'cjs';
// Hook names become file names and settings.json commands: keep them shell- and path-safe.
const HOOK_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'hookpack');

class BuildError extends Error {}

function parseCli(argv) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        watch: { type: 'boolean', default: false },
        sea: { type: 'boolean', default: false },
        'sea-snapshot': { type: 'boolean', default: false },
        'no-code-cache': { type: 'boolean', default: false },
        typecheck: { type: 'boolean', default: true },
        'no-typecheck': { type: 'boolean', default: false },
        'hooks-dir': { type: 'string', default: join(ROOT, 'hooks') },
        'out-dir': { type: 'string', default: join(ROOT, 'dist') },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return {
      watch: values.watch,
      sea: values.sea || values['sea-snapshot'],
      seaSnapshot: values['sea-snapshot'],
      codeCache: !values['no-code-cache'],
      typecheck: values.typecheck && !values['no-typecheck'],
      hooksDir: resolve(values['hooks-dir']),
      outDir: resolve(values['out-dir']),
      help: values.help,
    };
  } catch (error) {
    throw new BuildError(`${error.message}. Valid flags: --watch, --sea, --sea-snapshot, --no-code-cache, --no-typecheck, --hooks-dir DIR, --out-dir DIR`);
  }
}

/** hooks/*.ts, skipping declaration files and `_`-prefixed helpers shared between hooks. */
function findHooks(hooksDir) {
  if (!existsSync(hooksDir)) throw new BuildError(`no hooks directory at ${hooksDir}; create it and add hooks/<name>.ts`);
  const all = readdirSync(hooksDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .map((f) => ({ name: basename(f, '.ts'), file: join(hooksDir, f) }));
  for (const hook of all) {
    if (!HOOK_NAME.test(hook.name)) {
      throw new BuildError(`${relative(process.cwd(), hook.file)}: hook file names must be lowercase letters, digits, '.', '_' or '-' (they become commands in settings.json)`);
    }
  }
  return all;
}

const sharedOptions = {
  bundle: true,
  platform: 'node',
  target: TARGET,
  format: FORMAT,
  write: false,
  logLevel: 'silent',
  // `import { defineHook } from 'hookpack'` (and 'hookpack/cache', 'hookpack/run' …) works in any
  // hook file, in the repo or out of it: the alias points at lib/, whose index.ts is the root.
  alias: { hookpack: join(ROOT, 'lib') },
  // Packages installed in this project resolve for hook files kept elsewhere (--hooks-dir) too.
  nodePaths: [join(ROOT, 'node_modules')],
};

function formatEsbuildErrors(error) {
  const messages = error.errors ?? [];
  if (!messages.length) return error.message;
  return messages
    .map((m) => (m.location ? `${relative(process.cwd(), m.location.file)}:${m.location.line}:${m.location.column}: ${m.text}` : m.text))
    .join('\n');
}

/** Bundles and evaluates each hook file once to read its definition (event, matcher, timeout, onError). */
async function readDefinitions(hooks) {
  const result = await esbuild
    .build({ ...sharedOptions, entryPoints: hooks.map((h) => h.file), outdir: join(CACHE_DIR, 'meta'), minify: false })
    .catch((error) => {
      throw new BuildError(formatEsbuildErrors(error));
    });
  const requireFromRoot = createRequire(join(ROOT, 'package.json'));
  const definitions = new Map();
  for (const hook of hooks) {
    const output = result.outputFiles.find((o) => basename(o.path) === `${hook.name}.js`);
    const where = relative(process.cwd(), hook.file);
    const module = { exports: {} };
    try {
      new Function('module', 'exports', 'require', '__filename', '__dirname', output.text)(module, module.exports, requireFromRoot, hook.file, dirname(hook.file));
    } catch (error) {
      throw new BuildError(`${where}: evaluating the hook failed: ${error.message}`);
    }
    const definition = module.exports.default;
    if (!definition || definition.kind !== 'hookpack.hook') {
      throw new BuildError(`${where}: a hook file must \`export default defineHook({ event, run })\` (its default export is ${definition === undefined ? 'missing' : typeof definition})`);
    }
    definitions.set(hook.name, definition);
  }
  return definitions;
}

/** Loads lib/schemas/codegen.ts (with full zod) in the build process; zod never reaches a bundle. */
async function loadValidatorCodegen() {
  const result = await esbuild.build({
    ...sharedOptions,
    entryPoints: [join(ROOT, 'lib', 'schemas', 'codegen.ts')],
    outfile: join(CACHE_DIR, 'codegen.cjs'),
    packages: 'external',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(join(ROOT, 'package.json')));
  return module.exports.validatorSource;
}

function banner(hook, definition) {
  const matcher = definition.matcher ? `, matcher ${definition.matcher}` : '';
  const source = relative(ROOT, hook.file).startsWith('..') ? basename(hook.file) : relative(ROOT, hook.file);
  return `#!/usr/bin/env node\n// ${hook.name} (${definition.event}${matcher}) · hookpack ${PKG.version} · generated by build.mjs from ${source}, do not edit`;
}

/**
 * The first import of every bundle: installs the failure policy before any hook module is
 * evaluated, so an error while loading fails the way the hook declared (lib/runtime/startup.ts).
 */
function startupSource(meta) {
  return [
    `import { guardStartup } from ${JSON.stringify(join(ROOT, 'lib', 'runtime', 'startup.ts'))};`,
    `guardStartup(${JSON.stringify(meta)});`,
  ].join('\n');
}

/** The bundle entry: the startup guard, the hook, its event's generated validator, and the runner. */
function entrySource(hook, definition) {
  return [
    `import ${JSON.stringify(`hookpack:startup/${JSON.stringify({ name: hook.name, event: definition.event, onError: definition.onError })}`)};`,
    `import hook from ${JSON.stringify(hook.file)};`,
    `import { validate } from 'hookpack:validator';`,
    `import { runHook } from ${JSON.stringify(join(ROOT, 'lib', 'runtime', 'main.ts'))};`,
    `runHook(hook, { name: ${JSON.stringify(hook.name)}, validate });`,
  ].join('\n');
}

/** The entry of an event bundle: every hook of one event, in declared order, and the dispatcher. */
function eventEntrySource(event, hooks, onError) {
  return [
    `import ${JSON.stringify(`hookpack:startup/${JSON.stringify({ name: `on-${event}`, event, onError })}`)};`,
    ...hooks.map((hook, i) => `import h${i} from ${JSON.stringify(hook.file)};`),
    `import { validate } from 'hookpack:validator';`,
    `import { runEvent } from ${JSON.stringify(join(ROOT, 'lib', 'runtime', 'dispatch.ts'))};`,
    `runEvent(${JSON.stringify(event)}, [${hooks.map((hook, i) => `{ name: ${JSON.stringify(hook.name)}, hook: h${i} }`).join(', ')}], { validate });`,
  ].join('\n');
}

const EXACT_LIST = /^[A-Za-z0-9_\- ,|]*$/;

/**
 * The settings.json matcher an event bundle needs: one that fires whenever any of its hooks'
 * matchers would (each hook re-applies its own inside the bundle). No matcher on any hook means
 * none for the bundle; exact lists stay an exact list; a regex among them turns the union into
 * an anchored-names-or-regex alternation.
 */
export function unionMatcher(matchers) {
  if (matchers.some((m) => m === null || m === undefined)) return null;
  if (matchers.every((m) => EXACT_LIST.test(m))) {
    return [...new Set(matchers.flatMap((m) => m.split(/[|,]/).map((n) => n.trim()).filter(Boolean)))].join('|');
  }
  return matchers.map((m) => (EXACT_LIST.test(m) ? `^(?:${m.split(/[|,]/).map((n) => n.trim()).filter(Boolean).join('|')})$` : `(?:${m})`)).join('|');
}

/**
 * Resolves `hookpack:validator` to the validator generated for one event (a hook or event bundle)
 * and `hookpack:validator/<Event>` to that event's (the single-executable dispatcher holds several).
 */
function validatorPlugin(source, validatorSource) {
  return {
    name: 'hookpack-validator',
    setup(build) {
      build.onResolve({ filter: /^hookpack:validator(\/[A-Za-z]+)?$/ }, (args) => ({ path: args.path.slice('hookpack:validator'.length + 1) || '-', namespace: 'hookpack-validator' }));
      build.onLoad({ filter: /.*/, namespace: 'hookpack-validator' }, (args) => ({ contents: args.path === '-' ? source : validatorSource(args.path), loader: 'js' }));
      // The startup guard carries its hook's metadata in its path; it is imported for its effect.
      build.onResolve({ filter: /^hookpack:startup\// }, (args) => ({ path: args.path.slice('hookpack:startup/'.length), namespace: 'hookpack-startup', sideEffects: true }));
      build.onLoad({ filter: /.*/, namespace: 'hookpack-startup' }, (args) => ({ contents: startupSource(JSON.parse(args.path)), loader: 'js', resolveDir: ROOT }));
    },
  };
}

/** Every `require()` left in a bundle must be a Node built-in: a bundle runs copied alone. */
function assertOnlyBuiltins(name, code) {
  const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  const foreign = required.filter((id) => !isBuiltin(id));
  if (foreign.length) throw new BuildError(`hooks/${name}.ts: the bundle requires ${foreign.join(', ')}; bundles may only require Node built-ins`);
}

/**
 * Wraps a bundle in a V8 code-cache loader: the first start compiles it as usual and, at exit,
 * stores V8's compiled code (including the functions that run used) in
 * `$HOOKPACK_HOME/code-cache/`; later starts deserialise instead of compiling. Measured on every
 * bundle we ship (README "Performance"): 1-3 ms, 4-13 % of a start. The cache is only read from
 * and written to a directory that is ours alone (a planted cache file is planted code), V8
 * rejects data made for other source or another node, and `HOOKPACK_CODE_CACHE=0` turns it off.
 * The file stays one self-contained script that needs only node built-ins.
 */
function codeCacheLoader(name, code, bannerText) {
  const body = code.startsWith(bannerText) ? code.slice(bannerText.length) : code;
  const key = `${name}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
  return `${bannerText}
"use strict";
(function () {
  const fs = require("node:fs"), { Script } = require("node:vm"), env = process.env;
  const base = env.XDG_CACHE_HOME || ((env.HOME || env.USERPROFILE) && (env.HOME || env.USERPROFILE) + "/.cache");
  const home = env.HOOKPACK_CODE_CACHE === "0" ? "" : env.HOOKPACK_HOME || (base ? base + "/hookpack" : "");
  const dir = home && home + "/code-cache";
  // Per bundle path as well as per content: two copies of a bundle (a project's and the user's)
  // must not take turns overwriting one cache entry. FNV-1a: node:crypto costs a module load.
  let h = 2166136261;
  for (let i = 0; i < __filename.length; i++) h = Math.imul(h ^ __filename.charCodeAt(i), 16777619) >>> 0;
  const prefix = ${JSON.stringify(`${name}-`)} + h.toString(16) + "-";
  const file = dir && dir + "/" + prefix + ${JSON.stringify(key.slice(name.length + 1))} + "-" + process.version + "-" + process.arch + ".bin";
  // Ours alone: owned by us and not writable by group or others (libuv reports no such bits on Windows).
  const mine = (s) => (process.platform === "win32" || (s.mode & 18) === 0) && (!process.getuid || s.uid === process.getuid());
  const ours = (p) => { try { const s = fs.statSync(p); return s.isDirectory() && mine(s); } catch { return false; } };
  const note = (m) => { if (env.HOOKPACK_DEBUG && env.HOOKPACK_DEBUG !== "0") try { fs.writeSync(2, "hookpack: code cache " + m + "\\n"); } catch {} };
  let data;
  // The file itself is checked on the open descriptor: a directory swapped after ours() can only
  // hold files of another owner, and those are refused (a planted cache file is planted code).
  if (file && ours(home) && ours(dir)) {
    let fd;
    try {
      fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW || 0));
      const s = fs.fstatSync(fd);
      if (s.isFile() && mine(s)) data = fs.readFileSync(fd);
    } catch {} finally { if (fd !== undefined) fs.closeSync(fd); }
  }
  const script = new Script("(function (exports, require, module, __filename, __dirname) {" + ${JSON.stringify(body)} + "\\n})", { filename: __filename, cachedData: data });
  if (!file) note("off");
  else if (data !== undefined && !script.cachedDataRejected) note("hit " + file);
  else process.once("exit", () => {
    note((data === undefined ? "miss, writing " : "rejected, rewriting ") + file);
    try {
      if (!fs.existsSync(home)) fs.mkdirSync(home, { recursive: true, mode: 448 });
      if (!ours(home)) return;
      fs.mkdirSync(dir, { recursive: true, mode: 448 });
      if (!ours(dir)) return;
      for (const old of fs.readdirSync(dir)) if (old.startsWith(prefix) && dir + "/" + old !== file) try { fs.unlinkSync(dir + "/" + old); } catch {}
      const tmp = file + "." + process.pid + ".tmp";
      fs.writeFileSync(tmp, script.createCachedData(), { mode: 384 });
      fs.renameSync(tmp, file);
    } catch {}
  });
  script.runInThisContext()(exports, require, module, __filename, __dirname);
})();
`;
}

let tempCounter = 0;

function writeAtomic(path, content, mode = 0o644) {
  const tmp = `${path}.${process.pid}.${tempCounter++}.tmp`;
  writeFileSync(tmp, content, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}

async function bundle({ name, contents, bannerText, validator, validatorSource, codeCache = false }) {
  const result = await esbuild
    .build({
      ...sharedOptions,
      stdin: { contents, resolveDir: ROOT, sourcefile: `hookpack-entry:${name}`, loader: 'js' },
      minify: true,
      legalComments: 'none',
      metafile: true,
      banner: { js: bannerText },
      plugins: [validatorPlugin(validator, validatorSource)],
    })
    .catch((error) => {
      throw new BuildError(formatEsbuildErrors(error));
    });
  const raw = result.outputFiles[0].text;
  assertOnlyBuiltins(name, raw);
  const code = codeCache ? codeCacheLoader(name, raw, bannerText) : raw;
  // What went into the bundle, relative to the repo: tests hold bundles to what they may contain.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith('hookpack-'))
    .map((input) => relative(ROOT, resolve(ROOT, input)).split('\\').join('/'))
    .sort();
  return { code, inputs };
}

function bundleHook(hook, definition, validatorSource, codeCache) {
  return bundle({ name: hook.name, contents: entrySource(hook, definition), bannerText: banner(hook, definition), validator: validatorSource(definition.event), codeCache });
}

const CLI_FILE = 'cli.cjs';

/** The `hookpack` CLI: its own bundle, never part of a hook's. */
async function bundleCli() {
  const result = await esbuild
    .build({
      ...sharedOptions,
      entryPoints: [join(ROOT, 'cli', 'entry.ts')],
      outfile: join(ROOT, 'dist', CLI_FILE),
      minify: true,
      legalComments: 'none',
      metafile: true,
      define: { HOOKPACK_VERSION: JSON.stringify(PKG.version) },
      banner: { js: `#!/usr/bin/env node\n// hookpack CLI ${PKG.version} · generated by build.mjs, do not edit` },
    })
    .catch((error) => {
      throw new BuildError(formatEsbuildErrors(error));
    });
  const code = result.outputFiles[0].text;
  assertOnlyBuiltins('cli', code);
  return { code, inputs: Object.keys(result.metafile.inputs).map((i) => relative(ROOT, resolve(ROOT, i)).split('\\').join('/')).sort() };
}

const SEA_FILE = 'hookpack';
// Node's single-executable fuse (the same in every Node release that supports SEA).
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * The dispatcher a single executable runs: every hook and every event bundle, picked by
 * `argv[2]` (`dist/hookpack bash-guard`, `dist/hookpack on-PreToolUse` or `… PreToolUse`). With
 * a startup snapshot, module evaluation happens at build time and `main` runs at start.
 */
function seaEntrySource(hooks, definitions, groups) {
  const events = [...new Set(hooks.map((h) => definitions.get(h.name).event))];
  const id = (event) => `v_${event}`;
  const onError = hooks.some((h) => definitions.get(h.name).onError === 'block') ? 'block' : 'allow';
  return [
    `import ${JSON.stringify(`hookpack:startup/${JSON.stringify({ name: SEA_FILE, event: '', onError })}`)};`,
    ...hooks.map((hook, i) => `import h${i} from ${JSON.stringify(hook.file)};`),
    ...events.map((event) => `import { validate as ${id(event)} } from 'hookpack:validator/${event}';`),
    `import { runHook } from ${JSON.stringify(join(ROOT, 'lib', 'runtime', 'main.ts'))};`,
    `import { runEvent } from ${JSON.stringify(join(ROOT, 'lib', 'runtime', 'dispatch.ts'))};`,
    `import { startupSnapshot } from 'node:v8';`,
    'const table = { __proto__: null,',
    ...hooks.map((hook, i) => `  ${JSON.stringify(hook.name)}: () => runHook(h${i}, { name: ${JSON.stringify(hook.name)}, validate: ${id(definitions.get(hook.name).event)} }),`),
    ...[...groups].map(([event, group]) => {
      const members = group.map((g) => `{ name: ${JSON.stringify(g.name)}, hook: h${hooks.indexOf(g)} }`).join(', ');
      return `  ${JSON.stringify(`on-${event}`)}: () => runEvent(${JSON.stringify(event)}, [${members}], { validate: ${id(event)} }),`;
    }),
    '};',
    'function main() {',
    '  const name = String(process.argv[2] ?? "").replace(/\\.cjs$/, "");',
    '  if (name === "--hookpack-sweep-cache") {',
    '    const sweep = globalThis[Symbol.for("hookpack.sweepCache")];',
    '    if (typeof sweep === "function") sweep();',
    '    process.exit(0);',
    '  }',
    '  const run = table[name] ?? table["on-" + name];',
    '  if (!run) {',
    '    process.stderr.write("usage: hookpack <hook|event>; hooks and events: " + Object.keys(table).join(", ") + "\\n");',
    '    process.exit(2);',
    '  }',
    '  run();',
    '}',
    'if (startupSnapshot?.isBuildingSnapshot()) startupSnapshot.setDeserializeMainFunction(main);',
    'else main();',
  ].join('\n');
}

function runTool(file, args, what) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (error) => reject(new BuildError(`${what}: ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolveRun(out) : reject(new BuildError(`${what} failed (exit ${code}):\n${out.trim()}`))));
  });
}

/**
 * `--sea`: one Node single executable (dist/hookpack, ~100 MB: a copy of node) holding every
 * hook and event bundle. V8 code cache by default; `--sea-snapshot` uses a startup snapshot
 * instead, which wins only for heavy bundles (measured: README "Single executable").
 */
async function buildSea(hooks, definitions, groups, validatorSource, outDir, snapshot) {
  const work = join(CACHE_DIR, 'sea');
  mkdirSync(work, { recursive: true });
  const { code } = await bundle({
    name: SEA_FILE,
    contents: seaEntrySource(hooks, definitions, groups),
    bannerText: `// hookpack single-executable dispatcher ${PKG.version} · generated by build.mjs, do not edit`,
    validator: '',
    validatorSource,
  });
  const main = join(work, 'dispatch.cjs');
  writeFileSync(main, code);
  const blob = join(work, 'sea.blob');
  const config = join(work, 'sea-config.json');
  writeFileSync(config, JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, ...(snapshot ? { useSnapshot: true } : { useCodeCache: true }) }));
  await runTool(process.execPath, ['--experimental-sea-config', config], 'node --experimental-sea-config');
  const target = join(outDir, SEA_FILE);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, readFileSync(process.execPath));
  chmodSync(tmp, 0o755);
  const postject = join(ROOT, 'node_modules', 'postject', 'dist', 'cli.js');
  if (!existsSync(postject)) throw new BuildError('postject is missing: run npm install');
  await runTool(process.execPath, [postject, tmp, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE], 'postject');
  renameSync(tmp, target);
  return { file: SEA_FILE, bytes: statSync(target).size, node: process.version, mode: snapshot ? 'snapshot' : 'code-cache' };
}

/** Hooks grouped by event, each group in declared order (`order`, then name). */
function groupByEvent(hooks, definitions) {
  const groups = new Map();
  for (const hook of hooks) {
    const event = definitions.get(hook.name).event;
    if (!groups.has(event)) groups.set(event, []);
    groups.get(event).push(hook);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => definitions.get(a.name).order - definitions.get(b.name).order || a.name.localeCompare(b.name));
  }
  return groups;
}

function bundleEvent(event, group, definitions, validatorSource, codeCache) {
  const names = group.map((h) => h.name).join(', ');
  const onError = group.some((h) => definitions.get(h.name).onError === 'block') ? 'block' : 'allow';
  return bundle({
    name: `on-${event}`,
    contents: eventEntrySource(event, group, onError),
    bannerText: `#!/usr/bin/env node\n// on-${event}: ${names} · hookpack ${PKG.version} · generated by build.mjs, do not edit`,
    validator: validatorSource(event),
    codeCache,
  });
}

function runTypecheck(hooksDir) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const config = join(CACHE_DIR, 'tsconfig.build.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: {
        paths: {
          hookpack: [join(ROOT, 'lib', 'index.ts')],
          'hookpack/*': [join(ROOT, 'lib', '*')],
          // Hook files kept outside the project still see its packages (as esbuild's nodePaths does).
          '*': [join(ROOT, 'node_modules', '*'), join(ROOT, 'node_modules', '@types', '*')],
        },
      },
      include: [join(hooksDir, '**', '*.ts'), join(ROOT, 'lib', '**', '*.ts')],
    }),
  );
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolveRun({ ok: code === 0, output: out.trim() }));
    child.on('error', (error) => resolveRun({ ok: false, output: `cannot run tsc: ${error.message}; run npm install` }));
  });
}

/** Removes bundles of hooks that no longer exist, but only files this build wrote (they carry our banner). */
function removeStale(outDir, keep) {
  for (const file of readdirSync(outDir)) {
    if (!file.endsWith('.cjs') || keep.has(file)) continue;
    const path = join(outDir, file);
    if (readFileSync(path, 'utf8').slice(0, 300).includes('generated by build.mjs')) rmSync(path);
  }
}

/** The single executable an earlier build recorded in the manifest, if any. */
function previousSeaFile(outDir) {
  try {
    const file = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')).sea?.file;
    return file === SEA_FILE ? file : undefined;
  } catch {
    return undefined;
  }
}

async function buildOnce(options) {
  if (options.sea && process.platform !== 'linux') {
    throw new BuildError(`--sea is supported on Linux only for now (macOS needs the binary re-signed, Windows an .exe); this is ${process.platform}. The plain bundles in dist/ work everywhere`);
  }
  const started = performance.now();
  const hooks = findHooks(options.hooksDir);
  const typecheck = options.typecheck ? runTypecheck(options.hooksDir) : Promise.resolve({ ok: true, output: '' });
  const [definitions, validatorSource] = await Promise.all([readDefinitions(hooks), loadValidatorCodegen()]);
  const groups = groupByEvent(hooks, definitions);
  const [bundles, eventBundles] = await Promise.all([
    Promise.all(hooks.map((hook) => bundleHook(hook, definitions.get(hook.name), validatorSource, options.codeCache))),
    Promise.all([...groups].map(([event, group]) => bundleEvent(event, group, definitions, validatorSource, options.codeCache))),
  ]);
  const { code: cliBundle, inputs: cliInputs } = options.hooksDir === join(ROOT, 'hooks') ? await bundleCli() : { code: undefined, inputs: [] };
  const checked = await typecheck;
  if (!checked.ok) throw new BuildError(`type errors (fix them, or build with --no-typecheck while iterating):\n${checked.output}`);

  mkdirSync(options.outDir, { recursive: true });
  const previousSea = previousSeaFile(options.outDir);
  const manifest = { name: PKG.name, version: PKG.version, codeCache: options.codeCache, hooks: [], events: [] };
  const inputs = {};
  hooks.forEach((hook, i) => {
    const file = `${hook.name}.cjs`;
    const { code, inputs: used } = bundles[i];
    inputs[file] = used;
    const definition = definitions.get(hook.name);
    writeAtomic(join(options.outDir, file), code, 0o755);
    manifest.hooks.push({
      name: hook.name,
      event: definition.event,
      matcher: definition.matcher ?? null,
      timeout: definition.timeout,
      onError: definition.onError,
      order: definition.order,
      network: definition.network,
      file,
      bytes: Buffer.byteLength(code),
    });
  });
  [...groups].forEach(([event, group], i) => {
    const file = `on-${event}.cjs`;
    const { code, inputs: used } = eventBundles[i];
    inputs[file] = used;
    const members = group.map((h) => definitions.get(h.name));
    writeAtomic(join(options.outDir, file), code, 0o755);
    manifest.events.push({
      event,
      hooks: group.map((h) => h.name),
      matcher: unionMatcher(members.map((d) => d.matcher ?? null)),
      timeout: Math.max(...members.map((d) => d.timeout)),
      onError: members.some((d) => d.onError === 'block') ? 'block' : 'allow',
      network: members.some((d) => d.network),
      file,
      bytes: Buffer.byteLength(code),
    });
  });
  if (cliBundle) {
    writeAtomic(join(options.outDir, CLI_FILE), cliBundle, 0o755);
    inputs[CLI_FILE] = cliInputs;
  }
  removeStale(options.outDir, new Set([...manifest.hooks, ...manifest.events].map((h) => h.file).concat(CLI_FILE)));
  writeAtomic(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeAtomic(join(options.outDir, 'inputs.json'), `${JSON.stringify(inputs, null, 2)}\n`);
  if (options.sea) {
    manifest.sea = await buildSea(hooks, definitions, groups, validatorSource, options.outDir, options.seaSnapshot);
    writeAtomic(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  } else if (previousSea) {
    // A single executable from an earlier --sea build would no longer match these bundles.
    rmSync(join(options.outDir, previousSea), { force: true });
  }
  return { manifest, ms: performance.now() - started };
}

function report({ manifest, ms }, outDir) {
  const lines = [
    ...manifest.hooks.map((h) => `  ${h.file.padEnd(28)} ${String(h.bytes).padStart(7)} B  ${h.event}${h.matcher ? ` (${h.matcher})` : ''}`),
    ...manifest.events.map((e) => `  ${e.file.padEnd(28)} ${String(e.bytes).padStart(7)} B  ${e.hooks.join(', ')}`),
  ];
  process.stderr.write(`built ${manifest.hooks.length} hook(s) into ${relative(process.cwd(), outDir) || '.'} in ${Math.round(ms)} ms\n${lines.join('\n')}\n`);
}

async function watchMode(options) {
  // One build at a time: a change during a build asks for exactly one more build after it.
  let building = false;
  let again = false;
  const rebuild = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      report(await buildOnce(options), options.outDir);
    } catch (error) {
      process.stderr.write(`build failed: ${error instanceof BuildError ? error.message : error.stack}\n`);
    } finally {
      building = false;
      if (again) {
        again = false;
        void rebuild();
      }
    }
  };
  await rebuild();
  let timer;
  const schedule = (_event, file) => {
    if (file && !String(file).endsWith('.ts') && !String(file).endsWith('.json')) return;
    clearTimeout(timer);
    timer = setTimeout(rebuild, 50);
  };
  for (const dir of [options.hooksDir, join(ROOT, 'lib')]) watch(dir, { recursive: true }, schedule);
  process.stderr.write('watching hooks/ and lib/ for changes (Ctrl-C to stop)\n');
}

async function main() {
  const options = parseCli(process.argv.slice(2));
  if (options.help) {
    process.stdout.write('usage: node build.mjs [--watch] [--sea [--sea-snapshot]] [--no-code-cache] [--no-typecheck] [--hooks-dir DIR] [--out-dir DIR]\n');
    return;
  }
  if (options.watch) return watchMode(options);
  report(await buildOnce(options), options.outDir);
}

main().catch((error) => {
  process.stderr.write(`build failed: ${error instanceof BuildError ? error.message : error.stack}\n`);
  process.exit(1);
});
