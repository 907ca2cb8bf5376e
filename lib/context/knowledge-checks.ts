/**
 * The knowledge-checks file (default `.claude/knowledge-checks.json`): a JSON array of
 *
 *   { "keywords": ["migration", "schema"], "check": "Run npm run db:check before committing a migration" }
 *
 * `keywords` is a non-empty array of strings (each may hold several words; every word counts),
 * `check` a non-empty string, shown as written. Other keys are ignored. A malformed entry is
 * skipped and named in `problems`; a file that is not a JSON array yields no entries.
 */
import { keywordsOf } from './words.ts';

/** One check, its keywords already turned into folded words. */
export interface KnowledgeCheck {
  check: string;
  words: string[];
}

/** What a knowledge-checks file holds: its usable entries and one line per thing skipped. */
export interface KnowledgeChecks {
  entries: KnowledgeCheck[];
  problems: string[];
}

/** Bump when the parsed shape or the word rules (lib/context/words.ts) change: it keys the disk cache. */
export const KNOWLEDGE_CHECKS_VERSION = 'knowledge-checks/1';

function entryOf(value: unknown, index: number, problems: string[]): KnowledgeCheck | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(
      `entry ${index}: expected an object with \`keywords\` and \`check\`, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
    );
    return undefined;
  }
  const { keywords, check } = value as { keywords?: unknown; check?: unknown };
  if (!Array.isArray(keywords) || keywords.length === 0 || !keywords.every((k) => typeof k === 'string')) {
    problems.push(`entry ${index}: \`keywords\` must be a non-empty array of strings`);
    return undefined;
  }
  if (typeof check !== 'string' || check.trim() === '') {
    problems.push(`entry ${index}: \`check\` must be a non-empty string`);
    return undefined;
  }
  const words = keywordsOf(keywords.join(' '));
  if (words.length === 0) {
    problems.push(`entry ${index}: \`keywords\` hold no usable word (only stop words or single characters)`);
    return undefined;
  }
  return { check: check.trim().replace(/\s*\n\s*/g, ' '), words };
}

/** Parses a knowledge-checks file's text; never throws. */
export function parseKnowledgeChecks(text: string): KnowledgeChecks {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { entries: [], problems: [`not valid JSON (${(error as Error).message.split('\n')[0]})`] };
  }
  if (!Array.isArray(data))
    return { entries: [], problems: ['expected a JSON array of { "keywords": [...], "check": "..." } entries'] };
  const problems: string[] = [];
  const entries: KnowledgeCheck[] = [];
  data.forEach((value, index) => {
    const entry = entryOf(value, index, problems);
    if (entry !== undefined) entries.push(entry);
  });
  return { entries, problems };
}
