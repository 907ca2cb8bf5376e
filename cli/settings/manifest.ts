import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors.ts';
import { readSettingsBytes } from './read-bytes.ts';

/** One built hook, as build.mjs records it in dist/manifest.json. */
export interface ManifestHook {
  name: string;
  event: string;
  matcher: string | null;
  /** Seconds, as settings.json wants it. */
  timeout: number;
  onError: 'block' | 'allow';
  /** The hook opens network connections (defineHook `network`); absent in older manifests. */
  network?: boolean;
  file: string;
}

/** One event bundle (every hook of an event in one process). */
export interface ManifestEvent {
  event: string;
  hooks: string[];
  matcher: string | null;
  timeout: number;
  onError: 'block' | 'allow';
  /** Any of its hooks opens network connections. */
  network?: boolean;
  file: string;
}

/** What `node build.mjs` built. */
export interface Manifest {
  name: string;
  version: string;
  hooks: ManifestHook[];
  events: ManifestEvent[];
}

const isEntry = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const validFile = (file: unknown) => typeof file === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]*\.cjs$/.test(file);

function checkEntry(entry: unknown, kind: 'hooks' | 'events'): boolean {
  if (!isEntry(entry) || !validFile(entry.file) || typeof entry.event !== 'string' || typeof entry.timeout !== 'number')
    return false;
  if (entry.matcher !== null && typeof entry.matcher !== 'string') return false;
  return kind === 'hooks' ? typeof entry.name === 'string' : Array.isArray(entry.hooks);
}

/** Reads `<distDir>/manifest.json` and checks every bundle it names exists; CliError E_BUILD otherwise. */
export function readManifest(distDir: string): Manifest {
  const path = join(distDir, 'manifest.json');
  // Bounded and non-blocking: a cloned repository's manifest.json that is a FIFO must not hang list.
  const read = readSettingsBytes(path);
  if (read.kind === 'missing')
    throw new CliError(
      'E_BUILD',
      `no build found (${path} is missing): run \`hookpack build\` first (it bundles .claude/hooks/*.ts into .claude/hooks/dist), or pass --dist DIR`,
    );
  if (read.kind === 'refused')
    throw new CliError('E_BUILD', `cannot read ${path}: ${read.why}: run hookpack build again`);
  const text = read.bytes.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError('E_BUILD', `${path} is not valid JSON (${(error as Error).message}): run hookpack build again`, {
      cause: error,
    });
  }
  if (
    !isEntry(data) ||
    !Array.isArray(data.hooks) ||
    !Array.isArray(data.events) ||
    !data.hooks.every((h) => checkEntry(h, 'hooks')) ||
    !data.events.every((e) => checkEntry(e, 'events'))
  ) {
    throw new CliError(
      'E_BUILD',
      `${path} is not a hookpack manifest (expected { hooks: [...], events: [...] } as hookpack build writes it): run hookpack build again`,
    );
  }
  const manifest = data as unknown as Manifest;
  const missing = [...manifest.hooks, ...manifest.events]
    .map((h) => h.file)
    .filter((file) => !existsSync(join(distDir, file)));
  if (missing.length > 0)
    throw new CliError(
      'E_BUILD',
      `${path} names bundles that are missing (${missing.join(', ')}): run hookpack build again`,
    );
  return manifest;
}
