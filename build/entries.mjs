// @ts-check
// What a build is made of: the hook files found in a hooks directory, their definitions (read by
// evaluating each file once), and the entry source of every bundle.
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { BuildError } from './errors.mjs';
import { PACKAGE_ROOT } from './package-root.mjs';

export { findHooks } from './hook-files.mjs';

/** @typedef {import('./hook-files.mjs').HookFile} HookFile */

/**
 * Evaluates each hook file's bundle once to read its definition (event, matcher, timeout, onError).
 * @param {HookFile[]} hooks
 * @param {{ outputFiles?: { path: string, text: string }[] }} result esbuild's unminified build of every hook file
 * @param {(file: string) => string} shortPath
 */
export function readDefinitions(hooks, result, shortPath) {
  const requireFromPackage = createRequire(join(PACKAGE_ROOT, 'package.json'));
  /** @type {Map<string, any>} */
  const definitions = new Map();
  for (const hook of hooks) {
    const output = (result.outputFiles ?? []).find((o) => basename(o.path) === `${hook.name}.js`);
    const where = shortPath(hook.file);
    if (output === undefined) throw new BuildError(`${where}: esbuild produced no output for it`);
    const module = { exports: /** @type {any} */ ({}) };
    try {
      new Function('module', 'exports', 'require', '__filename', '__dirname', output.text)(
        module,
        module.exports,
        requireFromPackage,
        hook.file,
        dirname(hook.file),
      );
    } catch (error) {
      throw new BuildError(`${where}: evaluating the hook failed: ${/** @type {Error} */ (error).message}`);
    }
    const definition = module.exports.default;
    if (definition?.kind !== 'hookpack.hook') {
      throw new BuildError(
        `${where}: a hook file must \`export default defineHook({ event, run })\` (its default export is ${definition === undefined ? 'missing' : typeof definition})`,
      );
    }
    definitions.set(hook.name, definition);
  }
  return definitions;
}

/**
 * Hooks grouped by event, each group in declared order (`order`, then name).
 * @param {HookFile[]} hooks
 * @param {Map<string, any>} definitions
 * @returns {Map<string, HookFile[]>}
 */
export function groupByEvent(hooks, definitions) {
  /** @type {Map<string, HookFile[]>} */
  const groups = new Map();
  for (const hook of hooks) {
    const event = definitions.get(hook.name).event;
    const group = groups.get(event) ?? [];
    group.push(hook);
    groups.set(event, group);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => definitions.get(a.name).order - definitions.get(b.name).order || a.name.localeCompare(b.name));
  }
  return groups;
}

/**
 * The failure policy of a bundle of several hooks: fail closed when any of them does.
 * @param {{ onError: string }[]} definitions
 */
export function groupOnError(definitions) {
  return definitions.some((d) => d.onError === 'block') ? 'block' : 'allow';
}

const runtime = (/** @type {string} */ file) => JSON.stringify(join(PACKAGE_ROOT, 'lib', 'runtime', file));
const startupImport = (/** @type {Record<string, unknown>} */ meta) =>
  `import ${JSON.stringify(`hookpack:startup/${JSON.stringify(meta)}`)};`;

/**
 * The entry of one hook's bundle: the startup guard (first, so an error while the hook module
 * loads already fails by its policy), the hook, its event's generated validator, the runner.
 * @param {HookFile} hook
 * @param {any} definition
 */
export function hookEntrySource(hook, definition) {
  return [
    startupImport({ name: hook.name, event: definition.event, onError: definition.onError }),
    `import hook from ${JSON.stringify(hook.file)};`,
    `import { validate } from 'hookpack:validator';`,
    `import { runHook } from ${runtime('main.ts')};`,
    `runHook(hook, { name: ${JSON.stringify(hook.name)}, validate });`,
  ].join('\n');
}

/**
 * The entry of an event bundle: every hook of one event, in declared order, and the dispatcher.
 * @param {string} event
 * @param {HookFile[]} hooks
 * @param {string} onError
 */
export function eventEntrySource(event, hooks, onError) {
  return [
    startupImport({ name: `on-${event}`, event, onError }),
    ...hooks.map((hook, i) => `import h${i} from ${JSON.stringify(hook.file)};`),
    `import { validate } from 'hookpack:validator';`,
    `import { runEvent } from ${runtime('dispatch.ts')};`,
    `runEvent(${JSON.stringify(event)}, [${hooks.map((hook, i) => `{ name: ${JSON.stringify(hook.name)}, hook: h${i} }`).join(', ')}], { validate });`,
  ].join('\n');
}

/**
 * The entry a single executable runs: every hook and event bundle, picked by `argv[2]`
 * (`dist/hookpack bash-guard`, `dist/hookpack on-PreToolUse` or `… PreToolUse`). With a startup
 * snapshot, module evaluation happens at build time and `main` runs at start.
 * @param {string} seaFile
 * @param {HookFile[]} hooks
 * @param {Map<string, any>} definitions
 * @param {Map<string, HookFile[]>} groups
 */
export function seaEntrySource(seaFile, hooks, definitions, groups) {
  const events = [...new Set(hooks.map((h) => definitions.get(h.name).event))];
  const id = (/** @type {string} */ event) => `v_${event}`;
  const onError = groupOnError(hooks.map((h) => definitions.get(h.name)));
  return [
    startupImport({ name: seaFile, event: '', onError }),
    ...hooks.map((hook, i) => `import h${i} from ${JSON.stringify(hook.file)};`),
    ...events.map((event) => `import { validate as ${id(event)} } from 'hookpack:validator/${event}';`),
    `import { runHook } from ${runtime('main.ts')};`,
    `import { runEvent } from ${runtime('dispatch.ts')};`,
    `import { startupSnapshot } from 'node:v8';`,
    'const table = { __proto__: null,',
    ...hooks.map(
      (hook, i) =>
        `  ${JSON.stringify(hook.name)}: () => runHook(h${i}, { name: ${JSON.stringify(hook.name)}, validate: ${id(definitions.get(hook.name).event)} }),`,
    ),
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
