/**
 * prompt-context's work: the project notes relevant to one prompt, within a character budget.
 * Each source is read through the cross-process cache (lib/cache), so a prompt after the first
 * parses nothing that hasn't changed: the two files by `readCached` with a version (disk layer
 * on), the scratch listing by `globCached`. Missing sources contribute nothing.
 *
 * What that buys, measured by bench/prompt-context-cache.mjs on 300 checks, 150 anti-patterns
 * (250 KB) and 400 scratch files: loading the three sources takes ~3 ms from the cache against
 * ~8.5 ms parsed afresh, and a first run pays ~5 ms to write the entries. The matching itself
 * (~5-10 ms in a cold process) depends on the prompt and is done every time; so is Node's start.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { globCached, ListingCapError, readCached } from '../cache/index.ts';
import { ANTI_PATTERNS_VERSION, parseAntiPatterns } from './anti-patterns.ts';
import { fitParts } from './budget.ts';
import type { ContextPart, FittedContext, ScoredEntry } from './budget.ts';
import { KNOWLEDGE_CHECKS_VERSION, parseKnowledgeChecks } from './knowledge-checks.ts';
import type { PromptContextConfig } from './prompt-context-config.ts';
import { rankScratch, SCRATCH_LIMIT, scratchCandidates } from './scratch-notes.ts';
import type { ScratchPick } from './scratch-notes.ts';
import { keywordsOf, overlap } from './words.ts';

/** Larger note files are skipped (and said under HOOKPACK_DEBUG): split them, or trim them. */
export const MAX_NOTES_FILE_BYTES = 1024 * 1024;
export const NOTES_HEADER = 'Project notes matching this prompt:';
/** Only the start of a long prompt is matched: a pasted log would otherwise match every note (and cost time). */
export const MAX_PROMPT_CHARS = 20_000;

type Debug = (message: string) => void;

const isInside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** `path` relative to the project when inside it, else as given; always with `/`. */
function shown(projectDir: string, path: string): string {
  const rel = relative(projectDir, path);
  return (rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel).split('\\').join('/');
}

/** A notes file parsed through the cache, or undefined when it is missing, not a file, too large or unreadable. */
function readNotes<T extends { problems: string[] }>(
  path: string,
  parse: (text: string) => T,
  version: string,
  debug: Debug,
): T | undefined {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return undefined;
    if (!stats.isFile()) {
      debug(`${path} is not a file; skipped`);
      return undefined;
    }
    if (stats.size > MAX_NOTES_FILE_BYTES) {
      debug(`${path} is ${stats.size} bytes, over the ${MAX_NOTES_FILE_BYTES}-byte limit; skipped (split or trim it)`);
      return undefined;
    }
    const parsed = readCached(path, parse, { version });
    for (const problem of parsed?.problems ?? []) debug(`${path}: ${problem}`);
    return parsed;
  } catch (error) {
    debug(`${path} not read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return undefined;
  }
}

function scored<T extends { words: string[] }>(
  entries: readonly T[],
  words: ReadonlySet<string>,
  text: (entry: T) => string,
): ScoredEntry[] {
  const out: ScoredEntry[] = [];
  for (const entry of entries) {
    const score = overlap(entry.words, words);
    if (score > 0) out.push({ text: text(entry), score });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** A scratch area is a handful of notes: a walk past these caps is given up (said under HOOKPACK_DEBUG). */
export const SCRATCH_MAX_ENTRIES = 5000;
export const SCRATCH_MAX_DEPTH = 8;

/**
 * Where a path inside the project really is, or undefined (with a debug note) when a symlink takes
 * it out of the project: a repository could commit `.claude/scratch -> ~` and have file names from
 * outside it listed to the model. A path the user configured outside the project is theirs to name.
 */
function realInsideProject(path: string, projectDir: string, debug: Debug): string | undefined {
  if (!isInside(projectDir, path)) return path;
  let real: string;
  let realProject: string;
  try {
    real = realpathSync.native(path);
    realProject = realpathSync.native(projectDir);
  } catch {
    return path; // missing: nothing to list or read, and the caller says so
  }
  if (isInside(realProject, real)) return real;
  debug(`${path} leads out of the project (to ${real}); not read`);
  return undefined;
}

function scratchPart(configured: string, projectDir: string, words: ReadonlySet<string>, debug: Debug): ScratchPick[] {
  const dir = realInsideProject(configured, projectDir, debug);
  if (dir === undefined) return [];
  let paths: readonly string[];
  try {
    paths = globCached(dir, '*', { recursive: true, maxEntries: SCRATCH_MAX_ENTRIES, maxDepth: SCRATCH_MAX_DEPTH });
  } catch (error) {
    if (error instanceof ListingCapError)
      debug(
        `${configured} not listed: ${error.message} (a scratch area is listed up to ${SCRATCH_MAX_ENTRIES} entries and ${SCRATCH_MAX_DEPTH} levels)`,
      );
    else debug(`${configured} not listed: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return [];
  }
  // Only candidates that can still make the top SCRATCH_LIMIT need their mtime (a stat each).
  const candidates = scratchCandidates(paths, words).sort((a, b) => b.score - a.score);
  const floor = candidates[SCRATCH_LIMIT - 1]?.score ?? 0;
  const picks: ScratchPick[] = [];
  for (const { path, score } of candidates) {
    if (score < floor) break;
    const mtimeMs = statSync(join(dir, path), { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs !== undefined) picks.push({ path, score, mtimeMs });
  }
  return rankScratch(picks);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The notes relevant to `prompt` as labelled parts within `config.maxChars`, or undefined when nothing is relevant. */
export function promptNotes(
  prompt: string,
  config: PromptContextConfig,
  projectDir: string,
  debug: Debug = () => {},
): FittedContext | undefined {
  const words = new Set(keywordsOf(prompt.slice(0, MAX_PROMPT_CHARS)));
  if (words.size === 0) return undefined;
  const parts: ContextPart[] = [];

  const checksPath = realInsideProject(config.knowledgeChecks, projectDir, debug);
  const checks =
    checksPath === undefined ? undefined : readNotes(checksPath, parseKnowledgeChecks, KNOWLEDGE_CHECKS_VERSION, debug);
  if (checks !== undefined) {
    parts.push({
      label: `Knowledge checks (${shown(projectDir, config.knowledgeChecks)}):`,
      entries: scored(checks.entries, words, (entry) => `- ${entry.check}`),
    });
  }
  const antiPatternsPath = realInsideProject(config.antiPatterns, projectDir, debug);
  const antiPatterns =
    antiPatternsPath === undefined
      ? undefined
      : readNotes(antiPatternsPath, parseAntiPatterns, ANTI_PATTERNS_VERSION, debug);
  if (antiPatterns !== undefined) {
    parts.push({
      label: `Anti-patterns (${shown(projectDir, config.antiPatterns)}):`,
      entries: scored(antiPatterns.entries, words, (entry) => entry.text),
    });
  }
  const scratch = scratchPart(config.scratchDir, projectDir, words, debug);
  if (scratch.length > 0) {
    parts.push({
      label: `Scratch files (${shown(projectDir, config.scratchDir)}):`,
      entries: scratch.map((pick) => ({
        text: `- ${shown(projectDir, join(config.scratchDir, pick.path))} (modified ${day(pick.mtimeMs)})`,
        score: pick.score,
      })),
    });
  }
  return fitParts(NOTES_HEADER, parts, config.maxChars);
}
