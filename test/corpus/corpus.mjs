// The bash-guard corpus (test/corpus/README.md): loading and checking the case files, the payload
// each case becomes, what an answer means, and the per-category table. Plain JS, so both the
// vitest suite and `node test/corpus/table.mjs` (no TypeScript loader) share one definition.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Where every case runs unless it sets `cwd`: a fixed, fake project, so commands can name it literally. */
export const DEFAULT_CWD = '/home/user/project';
/** The HOME every case runs with (`~`, `$HOME`): fake as well, never the developer's. */
export const CORPUS_HOME = '/home/user';
/** The project root the client would report (CLAUDE_PROJECT_DIR). */
export const PROJECT_DIR = '/home/user/project';
export const EXPECTS = ['deny', 'ask', 'allow'];
const KEYS = new Set(['command', 'expect', 'source', 'note', 'cwd']);

/** Reads every `<dir>/*.json` as one category (its file name); throws on a malformed case, naming it. */
export function loadCorpus(dir) {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return files.map((file) => {
    const path = join(dir, file);
    let cases;
    try {
      cases = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${error.message})`);
    }
    if (!Array.isArray(cases) || cases.length === 0)
      throw new Error(`${path}: must hold a non-empty JSON array of cases`);
    cases.forEach((item, index) => checkCase(item, `${path}[${index}]`));
    return { category: basename(file, '.json'), file: path, cases };
  });
}

function checkCase(item, where) {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    throw new Error(`${where}: a case must be an object`);
  for (const key of Object.keys(item))
    if (!KEYS.has(key)) throw new Error(`${where}: unknown key "${key}" (allowed: ${[...KEYS].join(', ')})`);
  if (typeof item.command !== 'string' || item.command === '')
    throw new Error(`${where}: "command" must be a non-empty string`);
  if (!EXPECTS.includes(item.expect)) throw new Error(`${where}: "expect" must be one of ${EXPECTS.join(', ')}`);
  if (typeof item.source !== 'string' || item.source.trim() === '')
    throw new Error(`${where}: "source" must say where the case came from`);
  if (item.note !== undefined && typeof item.note !== 'string') throw new Error(`${where}: "note" must be a string`);
  if (item.cwd !== undefined && (typeof item.cwd !== 'string' || !item.cwd.startsWith('/')))
    throw new Error(`${where}: "cwd" must be an absolute path`);
}

/** The PreToolUse payload Claude Code would send for a case. */
export function payloadFor(item, index = 0) {
  return {
    session_id: '00000000-0000-4000-8000-00000000c0de',
    transcript_path: '/home/user/.claude/projects/-home-user-project/00000000-0000-4000-8000-00000000c0de.jsonl',
    cwd: item.cwd ?? DEFAULT_CWD,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: item.command, description: 'corpus case' },
    tool_use_id: `toolu_corpus_${index}`,
  };
}

/**
 * What an answer means for the table: `deny` / `ask` (the permission decision), `allow` (exit 0,
 * no output), `fail-closed` (the guard could not check: a block, but not the verdict a case
 * expects), else `other` (a hook that failed open or printed something unexpected).
 */
export function outcomeOf(run) {
  const { stdout = '', stderr = '', exitCode } = run;
  if (/ failed closed \(/.test(stdout) || / failed closed \(/.test(stderr)) return 'fail-closed';
  if (exitCode === 0 && stdout === '') return 'allow';
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    return 'other';
  }
  const decision = json?.hookSpecificOutput?.permissionDecision;
  if (exitCode === 0 && (decision === 'deny' || decision === 'ask')) return decision;
  return 'other';
}

/** The rule id a deny or ask reason names (`(rule "rm-recursive-root")`), if any. */
export function ruleOf(stdout) {
  const match = /\(rule \\?"([^"\\]+)\\?"\)/.exec(stdout ?? '');
  return match ? match[1] : undefined;
}

const STOPS = new Set(['deny', 'ask', 'fail-closed']);

/** One row per category: cases, expectations, how many harmful ones were stopped and harmless ones let through, mismatches. */
export function tabulate(results) {
  const rows = new Map();
  for (const { category, expect, outcome } of results) {
    let row = rows.get(category);
    if (!row)
      rows.set(
        category,
        (row = { category, cases: 0, deny: 0, ask: 0, allow: 0, stopped: 0, letThrough: 0, mismatches: 0 }),
      );
    row.cases += 1;
    row[expect] += 1;
    if (expect !== 'allow' && STOPS.has(outcome)) row.stopped += 1;
    if (expect === 'allow' && outcome === 'allow') row.letThrough += 1;
    if (outcome !== expect) row.mismatches += 1;
  }
  const list = [...rows.values()];
  const total = { category: 'all', cases: 0, deny: 0, ask: 0, allow: 0, stopped: 0, letThrough: 0, mismatches: 0 };
  for (const row of list) for (const key of Object.keys(total)) if (key !== 'category') total[key] += row[key];
  return [...list, total];
}

/** The table as markdown, for the README and the results file. */
export function markdownTable(rows) {
  const lines = [
    '| category | cases | expect deny | expect ask | expect allow | stopped (deny or ask) | let through (allow) | mismatches |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const harmful = r.deny + r.ask;
    const name = r.category === 'all' ? '**all**' : `\`${r.category}\``;
    lines.push(
      `| ${name} | ${r.cases} | ${r.deny} | ${r.ask} | ${r.allow} | ${harmful ? `${r.stopped} of ${harmful}` : '–'} | ${r.allow ? `${r.letThrough} of ${r.allow}` : '–'} | ${r.mismatches} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The environment a case runs in: nothing from the developer's shell but PATH; HOME is the fake
 * CORPUS_HOME; config, state and caches live under `scratch` (a temp dir the caller owns).
 */
export function corpusEnv(scratch) {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: CORPUS_HOME,
    CLAUDE_PROJECT_DIR: PROJECT_DIR,
    HOOKPACK_HOME: join(scratch, 'state'),
    HOOKPACK_CONFIG_DIR: join(scratch, 'config'),
    XDG_CONFIG_HOME: join(scratch, 'xdg-config'),
    XDG_CACHE_HOME: join(scratch, 'xdg-cache'),
  };
}

/** Runs one case through a built bundle as Claude Code does: a new node process, the payload on stdin. */
export function spawnCase(bundle, item, index, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.stdin.on('error', () => {}); // the hook may answer before reading everything
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(killer);
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.stdin.end(`${JSON.stringify(payloadFor(item, index))}\n`);
  });
}

/** Maps `items` through async `fn` with at most `limit` running at once, keeping order. */
export async function mapPool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
