/**
 * Which scratch files to mention for a prompt: those whose path words (directories and file name,
 * extension dropped) meet the prompt's words, most matches first, newer first among equals; or,
 * when the prompt asks about the scratch area itself ("scratch", "notes"), every file, newest
 * first. At most `limit` (20) either way. Dotfiles and anything under a dot-directory are skipped.
 */
import { keywordsOf, mayContain, overlap } from './words.ts';

/** A chosen file: its path inside the scratch directory, its mtime, and its relevance (matching words, plus 1 for every file when the whole area was asked for). */
export interface ScratchPick {
  path: string;
  mtimeMs: number;
  score: number;
}

/** Prompt words that ask for the whole scratch listing. */
const LISTING_WORDS = ['scratch', 'note'];
export const SCRATCH_LIMIT = 20;

/** Whether a listed path is visible (no segment starts with a dot). */
export function isVisible(path: string): boolean {
  return !path.split('/').some((segment) => segment.startsWith('.'));
}

/** The words a scratch path is matched on: every segment, extension dropped. */
export function scratchWords(path: string): string[] {
  return keywordsOf(path.replace(/\.[A-Za-z0-9]{1,8}$/, ''));
}

/** Whether the prompt asks for the scratch area as a whole. */
export function wantsWholeListing(prompt: ReadonlySet<string>): boolean {
  return LISTING_WORDS.some((word) => prompt.has(word));
}

/** Paths worth a stat: the matching ones, or all when the whole listing was asked for. */
export function scratchCandidates(
  paths: readonly string[],
  prompt: ReadonlySet<string>,
): { path: string; score: number }[] {
  const whole = wantsWholeListing(prompt);
  const words = [...prompt];
  const out: { path: string; score: number }[] = [];
  for (const path of paths) {
    if (!isVisible(path)) continue;
    // Tokenising every name is most of this function's cost: rule names out by substring first.
    if (!whole) {
      const lower = path.toLowerCase();
      if (!words.some((word) => mayContain(lower, word))) continue;
    }
    const score = overlap(scratchWords(path), prompt);
    if (score > 0 || whole) out.push({ path, score: whole ? score + 1 : score });
  }
  return out;
}

/** The picks, best first (score, then newest, then path), at most `limit`. */
export function rankScratch(files: readonly ScratchPick[], limit = SCRATCH_LIMIT): ScratchPick[] {
  return [...files]
    .sort((a, b) => b.score - a.score || b.mtimeMs - a.mtimeMs || (a.path < b.path ? -1 : 1))
    .slice(0, limit);
}
