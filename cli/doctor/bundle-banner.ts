import { dirname, join } from 'node:path';
import { readHead, readSmallText } from '../settings/read-bytes.ts';
import type { HookProgram } from './hook-program.ts';

/** The hookpack hooks inside a built bundle, read from the banner build.mjs writes on line 2. */
export interface BundleInfo {
  event: string;
  /** The hook names: one for `dist/<hook>.cjs`, several for `dist/on-<Event>.cjs`. */
  hooks: { name: string; failClosed: boolean | undefined }[];
}

/** The top of a file (the banner is on line 2); a FIFO or device a cloned repo put there reads as ''. */
const head = (path: string) => readHead(path, 400);

/** onError of each hook from the manifest next to the bundle, when there is one. */
function failClosedByName(path: string): Map<string, boolean> {
  try {
    const manifest = JSON.parse(readSmallText(join(dirname(path), 'manifest.json')) ?? '{}') as {
      hooks?: { name?: unknown; onError?: unknown }[];
    };
    return new Map((manifest.hooks ?? []).map((h) => [String(h.name), h.onError === 'block']));
  } catch {
    return new Map();
  }
}

/** The hookpack bundle a hook's command runs, if it runs one: what it holds. */
export function bundleInfoOfProgram(program: HookProgram): BundleInfo | undefined {
  const file = program.script?.path ?? (program.programIsPath ? program.programPath : undefined);
  return file === undefined ? undefined : readBundleInfo(file);
}

/** What a file built by hookpack holds, or undefined for any other file. */
export function readBundleInfo(path: string): BundleInfo | undefined {
  const text = head(path);
  const single = /^\/\/ ([a-z0-9][a-z0-9._-]*) \(([A-Za-z]+)[,)][^\n]*? [\u00b7-] hookpack /m.exec(text);
  const bundle = /^\/\/ on-([A-Za-z]+): ([^\u00b7\n]+?) [\u00b7-] hookpack /m.exec(text);
  const names =
    single !== null
      ? [single[1] as string]
      : bundle !== null
        ? (bundle[2] as string).split(',').map((n) => n.trim())
        : undefined;
  const event = single?.[2] ?? bundle?.[1];
  if (names === undefined || event === undefined) return undefined;
  const policy = failClosedByName(path);
  return { event, hooks: names.map((name) => ({ name, failClosed: policy.get(name) })) };
}
