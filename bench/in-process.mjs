// In-process costs with tinybench: what a hook spends after it has started. Each task's
// TypeScript sources are bundled by esbuild (alias hookpack -> lib/) into bench/.out/in-process
// and imported; a task whose sources don't build, or lack the export it needs, is skipped with a
// note instead of failing the whole bench (lib/ is edited by others while the bench runs).
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { Bench } from 'tinybench';

async function bundle(root, outDir, name, source) {
  const outfile = join(outDir, `${name}.mjs`);
  try {
    await esbuild.build({
      stdin: { contents: source, resolveDir: root, sourcefile: `bench-in-process:${name}`, loader: 'js' },
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'silent',
      alias: { hookpack: join(root, 'lib') },
    });
  } catch (error) {
    const first = error.errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}: ` : '';
    return { skip: `does not build yet (${where}${first?.text ?? error.message})` };
  }
  return { module: await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`) };
}

const lib = (root, path) => JSON.stringify(join(root, 'lib', path));

/** bash-guard's analyzer over the 100 commands of bench/data/commands.json (rules compiled once, outside the loop). */
async function analyzerTask(root, outDir) {
  const loaded = await bundle(
    root,
    outDir,
    'bash-guard',
    `export * as guard from ${lib(root, 'guards/bash-guard.ts')}; export * as config from ${lib(root, 'guards/bash-guard-config.ts')};`,
  );
  const name = 'bash-guard analyzeCommand x100';
  if (loaded.skip) return { name, skip: `lib/guards/bash-guard.ts ${loaded.skip}` };
  const { guard, config } = loaded.module;
  if (typeof guard.analyzeCommand !== 'function')
    return { name, skip: 'lib/guards/bash-guard.ts does not export analyzeCommand yet' };
  const home = '/home/user';
  const rules =
    typeof config.defaultBashRules === 'function'
      ? config.defaultBashRules(home)
      : config.loadBashGuardPolicy?.(undefined, { home })?.rules;
  if (!Array.isArray(rules))
    return { name, skip: 'lib/guards/bash-guard-config.ts exports neither defaultBashRules nor loadBashGuardPolicy' };
  const commands = JSON.parse(readFileSync(join(root, 'bench', 'data', 'commands.json'), 'utf8'));
  const options = { home, cwd: '/home/user/project', rules };
  const denied = commands.filter((c) => guard.analyzeCommand(c, options) !== undefined).length;
  return {
    name,
    note: `${commands.length} commands of bench/data/commands.json, ${denied} denied; median per command`,
    per: commands.length,
    fn: () => {
      for (const command of commands) guard.analyzeCommand(command, options);
    },
  };
}

/**
 * bash-guard's analyzer on the largest commands (issue 10 §4: a 100 KB command answered in under
 * 200 ms): a harmless 100 KB here-document into a project file, judged to the end, and 10,000
 * assignments before `chmod -R 777 /`, which took 5.4 s and 2.2 GB before the caps (now denied at
 * the cap on simple commands), and the slowest shape found under the caps. One analysis per iteration.
 */
async function largeCommandTasks(root, outDir) {
  const loaded = await bundle(
    root,
    outDir,
    'bash-guard-large',
    `export * as guard from ${lib(root, 'guards/bash-guard.ts')}; export * as config from ${lib(root, 'guards/bash-guard-config.ts')};`,
  );
  const names = ['bash-guard: 100 KB command', 'bash-guard: 10,000 assignments', 'bash-guard: 999-stage sh pipeline'];
  if (loaded.skip) return names.map((name) => ({ name, skip: `lib/guards/bash-guard.ts ${loaded.skip}` }));
  const { guard, config } = loaded.module;
  if (typeof guard.analyzeCommand !== 'function' || typeof config.defaultBashRules !== 'function')
    return names.map((name) => ({ name, skip: 'bash-guard exports changed' }));
  const options = { home: '/home/user', cwd: '/home/user/project', rules: config.defaultBashRules('/home/user') };
  const lines = Array.from(
    { length: 1700 },
    (_, i) => `line ${i}: notes for the project, with $HOME and \`quotes\` kept literal`,
  );
  const heredoc = `cat > notes.md <<'EOF'\n${lines.join('\n')}\nEOF`;
  const assignments = `${Array.from({ length: 10_000 }, (_, i) => `v${i}=`).join(';')}; chmod -R 777 /`;
  // The slowest shape found under the caps: every stage runs code and reads the one before it.
  const pipeline = `${'sh|'.repeat(998)}sh`;
  const verdict = (command) => guard.analyzeCommand(command, options)?.rule ?? 'allowed';
  return [
    {
      name: names[0],
      note: `${(heredoc.length / 1024).toFixed(0)} KB here-document into a file: ${verdict(heredoc)}`,
      fn: () => guard.analyzeCommand(heredoc, options),
    },
    {
      name: names[1],
      note: `${(assignments.length / 1024).toFixed(0)} KB, then chmod -R 777 /: ${verdict(assignments)}`,
      fn: () => guard.analyzeCommand(assignments, options),
    },
    {
      name: names[2],
      note: `sh|sh|…|sh, just under the cap of 1,000 commands: ${verdict(pipeline)}`,
      fn: () => guard.analyzeCommand(pipeline, options),
    },
  ];
}

/** readCached on a small JSON file: a memory hit, and a disk hit (memory cleared first, as in a new process). */
async function cacheTasks(root, outDir, homeDir) {
  const loaded = await bundle(
    root,
    outDir,
    'cache',
    `export { readCached, clearMemoryCache } from ${lib(root, 'cache/index.ts')};`,
  );
  const names = ['readCached: memory hit', 'readCached: disk hit'];
  if (loaded.skip) return names.map((name) => ({ name, skip: `lib/cache/index.ts ${loaded.skip}` }));
  const { readCached, clearMemoryCache } = loaded.module;
  if (typeof readCached !== 'function' || typeof clearMemoryCache !== 'function')
    return names.map((name) => ({ name, skip: 'lib/cache/index.ts does not export readCached and clearMemoryCache' }));
  // The cache resolves HOOKPACK_HOME when first used: keep it inside bench/.out.
  process.env.HOOKPACK_HOME = homeDir;
  mkdirSync(homeDir, { recursive: true, mode: 0o700 });
  const file = join(outDir, 'settings.json');
  writeFileSync(
    file,
    JSON.stringify({
      hooks: {
        PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'node dist/on-PreToolUse.cjs' }] }],
      },
      allow: ['git status', 'npm test'],
      padding: 'x'.repeat(1500),
    }),
  );
  // An hour old: outside the 3 s racy window, so the stamp alone decides (the common case).
  const past = new Date(Date.now() - 3_600_000);
  utimesSync(file, past, past);
  const options = { version: 'bench-1' };
  clearMemoryCache();
  readCached(file, JSON.parse, options); // the miss that writes the disk entry
  return [
    { name: names[0], note: '~2 KB JSON file, stat + lookup', fn: () => readCached(file, JSON.parse, options) },
    {
      name: names[1],
      note: 'clearMemoryCache() first, as in a new process',
      fn: () => {
        clearMemoryCache();
        readCached(file, JSON.parse, options);
      },
    },
  ];
}

/** mergeEvaluations over 17 answers of one PreToolUse call (mostly nothing, some context, one allow, one deny). */
async function mergeTask(root, outDir) {
  const loaded = await bundle(
    root,
    outDir,
    'merge',
    `export { mergeEvaluations } from ${lib(root, 'runtime/merge.ts')}; export { renderAnswer } from ${lib(root, 'runtime/render.ts')}; export { addContext, allow, deny } from ${lib(root, 'answers.ts')};`,
  );
  const name = 'mergeEvaluations x17 answers';
  if (loaded.skip) return { name, skip: `lib/runtime/merge.ts ${loaded.skip}` };
  const { mergeEvaluations, renderAnswer, addContext, allow, deny } = loaded.module;
  if (typeof mergeEvaluations !== 'function')
    return { name, skip: 'lib/runtime/merge.ts does not export mergeEvaluations' };
  const payload = JSON.parse(readFileSync(join(root, 'cli', 'payloads', 'PreToolUse.json'), 'utf8'));
  const answers = Array.from({ length: 17 }, (_, i) => {
    if (i === 3) return deny('Force pushes are blocked; push normally or open a pull request.');
    if (i === 7) return allow({ reason: 'read-only command' });
    if (i % 5 === 0)
      return addContext(`hook ${i}: this command writes ./sentinel.txt; keep generated files out of git.`);
    return undefined;
  });
  const evaluations = answers.map((answer, i) => ({
    name: `hook-${i}`,
    outcome: renderAnswer('PreToolUse', answer),
    decision: answer?.kind ?? 'none',
    ms: 1,
  }));
  return {
    name,
    note: '17 hooks: 1 deny, 1 allow, 4 context, 11 nothing',
    fn: () => mergeEvaluations('PreToolUse', payload, evaluations),
  };
}

function resultRow(task, bench) {
  const result = bench.getTask(task.name)?.result;
  if (result?.state !== 'completed')
    return { name: task.name, skipped: `tinybench: ${result?.error?.message ?? result?.state ?? 'no result'}` };
  const us = (ms) => Math.round(ms * 1000 * 100) / 100;
  return {
    name: task.name,
    meanUs: us(result.latency.mean),
    p50Us: us(result.latency.p50),
    p99Us: us(result.latency.p99),
    perItemUs: task.per ? us(result.latency.p50 / task.per) : undefined,
    opsPerSec: Math.round(result.throughput.mean),
    samples: result.latency.samplesCount,
    note: task.per ? `${task.note}: ${us(result.latency.p50 / task.per)} µs` : task.note,
  };
}

/** Runs the in-process tasks; returns one row per task (timed, or { name, skipped }). */
export async function runInProcess({ root, outDir, quick, progress }) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const tasks = [
    await analyzerTask(root, outDir),
    ...(await largeCommandTasks(root, outDir)),
    ...(await cacheTasks(root, outDir, join(outDir, 'home'))),
    await mergeTask(root, outDir),
  ];
  const bench = new Bench({ time: quick ? 100 : 600, warmupTime: quick ? 20 : 100 });
  const timed = tasks.filter((t) => !t.skip);
  for (const task of timed) bench.add(task.name, task.fn);
  progress(
    `in-process: ${timed.length} tinybench task(s)${tasks.length > timed.length ? `, ${tasks.length - timed.length} skipped` : ''}`,
  );
  await bench.run();
  return tasks.map((task) => (task.skip ? { name: task.name, skipped: task.skip } : resultRow(task, bench)));
}
