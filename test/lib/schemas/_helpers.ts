/**
 * Shared by the schema tests: the fixtures, and the generated validators loaded the way a
 * bundle would run them (as a real ES module, no zod in sight).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isKnownEvent } from '../../../lib/events.ts';
import { validatorSource } from '../../../lib/schemas/codegen.ts';

export type Validate = (payload: unknown) => string | undefined;

export const FIXTURES_DIR = fileURLToPath(new URL('../../../cli/payloads/', import.meta.url));

/** Real 2.1.329 payloads, with placeholders instead of paths (hooks-protocol §8), kept as data in the repository. */
export const REAL_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/real/', import.meta.url));

export interface Fixture {
  readonly name: string;
  readonly payload: Record<string, unknown>;
}

function readJsonDir(dir: string, suffix: string): Fixture[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(suffix) && /^[A-Z]/.test(file))
    .sort()
    .map((file) => ({ name: file, payload: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
}

/** cli/payloads/<Event>.json, one per event. */
export function eventFixtures(): Fixture[] {
  return readJsonDir(FIXTURES_DIR, '.json');
}

/** cli/payloads/tools/<Tool>.PreToolUse.json. */
export function toolFixtures(): Fixture[] {
  return readJsonDir(join(FIXTURES_DIR, 'tools'), '.PreToolUse.json');
}

/** Turns the capture's placeholders into the realistic values our own fixtures use. */
export function replacePlaceholders(text: string): string {
  return text
    .replaceAll('<PROJECT_SLUG>', '-home-user-project')
    .replaceAll('<PROJECT>', '/home/user/project')
    .replaceAll('<HOME>', '/home/user')
    .replaceAll('<TMPDIR>', '/tmp')
    .replace(/<[A-Z_]+>/g, 'placeholder');
}

/** The real payloads, placeholders replaced (env-vars.json and _index.json are not payloads). */
export function realFixtures(): Fixture[] {
  return readdirSync(REAL_FIXTURES_DIR)
    .filter((file) => /^[A-Z]\w*\.json$/.test(file))
    .sort()
    .map((file) => ({
      name: file,
      payload: JSON.parse(replacePlaceholders(readFileSync(join(REAL_FIXTURES_DIR, file), 'utf8'))),
    }));
}

/** Imports generated validator source as a real ES module, from a temp file removed once loaded. */
export async function importValidator(source: string): Promise<Validate> {
  const dir = mkdtempSync(join(tmpdir(), 'hookpack-validator-'));
  const file = join(dir, 'validate.mjs');
  writeFileSync(file, source);
  try {
    const module = (await import(pathToFileURL(file).href)) as { validate: Validate };
    return module.validate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const loaded = new Map<string, Promise<Validate>>();

/** The generated validator for `event` (loaded once per test file). */
export function loadValidator(event: string): Promise<Validate> {
  let validator = loaded.get(event);
  if (validator === undefined) {
    validator = importValidator(validatorSource(event));
    loaded.set(event, validator);
  }
  return validator;
}

/** The validator a payload's hook would carry: its event's, or the generic one for anything else. */
export function validatorFor(payload: unknown): Promise<Validate> {
  const name =
    typeof payload === 'object' && payload !== null
      ? (payload as { hook_event_name?: unknown }).hook_event_name
      : undefined;
  return loadValidator(typeof name === 'string' && isKnownEvent(name) ? name : 'NotAnEvent');
}
