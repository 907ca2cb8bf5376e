// Shared by the bad-input tests: every bundle the two manifests list (dist/ and the runner's test
// hooks in test/.dist), a valid payload for each, and the check that a run failed by the bundle's
// policy (guards exit 2, others exit 1) with one stderr line per hook naming the problem.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type HookRun, spawnHook, type SpawnHookOptions } from '../../lib/testing.ts';

interface ManifestEntry {
  name?: string;
  event: string;
  matcher: string | null;
  onError: 'block' | 'allow';
  file: string;
  /** An event bundle's member hooks. */
  hooks?: string[];
}

export interface Bundle extends ManifestEntry {
  name: string;
  /** `dist/bash-guard.cjs`: how the tests name it. */
  id: string;
  path: string;
  /** The hooks that run in it: itself, or an event bundle's members (each fails with its own line). */
  members: string[];
}

const fixtures = new URL('../../cli/payloads/', import.meta.url);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;

/** Every bundle a manifest lists: each hook, and each event bundle (which fails by its strictest hook's policy). */
function manifestBundles(dir: string): Bundle[] {
  const manifest = new URL(`../../${dir}/manifest.json`, import.meta.url);
  if (!existsSync(manifest)) throw new Error(`${dir}/manifest.json is missing: run npm run build first`);
  const { hooks, events } = readJson(manifest) as {
    hooks: Array<ManifestEntry & { name: string }>;
    events: ManifestEntry[];
  };
  return [
    ...hooks.map((h) => ({ ...h, members: [h.name] })),
    ...events.map((e) => ({ ...e, name: e.file, members: e.hooks ?? [] })),
  ].map((b) => ({
    ...b,
    id: `${dir}/${b.file}`,
    path: fileURLToPath(new URL(`../../${dir}/${b.file}`, import.meta.url)),
  }));
}

export const bundles: Bundle[] = [...manifestBundles('dist'), ...manifestBundles('test/.dist')];

/**
 * No user config (the bundles' own defaults), and a deadline a loaded machine does not reach, so
 * an answer never depends on how busy the machine is (session-context gives git what is left of it).
 */
export const env = { HOOKPACK_DEADLINE_MS: '10000', HOOKPACK_CONFIG_DIR: '/nonexistent-hookpack-config' };

/** For the test that waits for the deadline: short, so it ends soon. */
export const SHORT_DEADLINE = { HOOKPACK_DEADLINE_MS: '1500' };

/** A valid payload this bundle's matcher selects: the event's fixture, with the first tool it names. */
export function goodPayload(bundle: Bundle): Record<string, unknown> {
  const payload = readJson(new URL(`${bundle.event}.json`, fixtures));
  const tool = bundle.matcher?.split(/[|,]/)[0]?.trim();
  if (tool && 'tool_name' in payload && tool !== payload.tool_name) {
    const toolFixture = readJson(new URL(`tools/${tool}.PreToolUse.json`, fixtures));
    return { ...payload, tool_name: tool, tool_input: toolFixture.tool_input };
  }
  return payload;
}

/** The bundle's answer to its valid payload, run once and shared by the tests that compare with it. */
export function plainRun(bundle: Bundle): () => Promise<HookRun> {
  let run: Promise<HookRun> | undefined;
  return () => (run ??= spawnHook(bundle.path, goodPayload(bundle), { env }));
}

/**
 * Runs the bundle on `stdin` and checks it failed by its policy: exit 2 for a guard (with a deny
 * answer for PreToolUse/PermissionRequest, nothing on stdout otherwise), exit 1 and nothing on
 * stdout for the rest, and exactly one stderr line per hook in the bundle, each naming `code`.
 */
export async function expectFailure(
  bundle: Bundle,
  stdin: string | Buffer,
  code: RegExp,
  options: Pick<SpawnHookOptions, 'keepStdinOpen' | 'env'> = {},
): Promise<HookRun> {
  const failCode = bundle.onError === 'block' ? 2 : 1;
  const run = await spawnHook(bundle.path, stdin, { ...options, env: { ...env, ...options.env } });
  expect(run.exitCode).toBe(failCode);
  if (failCode === 1 || !['PreToolUse', 'PermissionRequest'].includes(bundle.event)) expect(run.stdout).toBe('');
  else expect(JSON.stringify(run.json)).toMatch(/"(permissionDecision|behavior)":"deny"/);
  expect(run.stderr).toMatch(code);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(bundle.members.length);
  for (const line of lines) expect(line).toMatch(code);
  return run;
}
