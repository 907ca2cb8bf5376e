/**
 * The anti-patterns file (default `.claude/anti-patterns.md`): Markdown where each `## Title`
 * starts one entry, which runs to the next `## ` heading. An optional `Keywords: a, b` line
 * (also `**Keywords:**`) anywhere in the section adds match words and is not shown; the title's
 * words always count. Text before the first `## ` (a `# Heading`, an intro) is ignored, `###` and
 * deeper headings belong to the entry, and `## ` inside a fenced code block starts nothing.
 */
import { keywordsOf } from './words.ts';

/** One section: its title, its match words, and the text shown for it (`## Title` and the body). */
export interface AntiPattern {
  title: string;
  words: string[];
  text: string;
}

/** What an anti-patterns file holds: its sections and one line per thing skipped. */
export interface AntiPatterns {
  entries: AntiPattern[];
  problems: string[];
}

/** Bump when the parsed shape or the word rules (lib/context/words.ts) change: it keys the disk cache. */
export const ANTI_PATTERNS_VERSION = 'anti-patterns/1';

const SECTION = /^##[ \t]+(.*?)[ \t#]*$/;
const KEYWORDS = /^[ \t]*[*_]{0,2}keywords[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]*(.*?)[*_]{0,2}[ \t]*$/i;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

interface Draft {
  title: string;
  line: number;
  keywords: string;
  body: string[];
}

function finish(draft: Draft, entries: AntiPattern[], problems: string[]): void {
  while (draft.body.length > 0 && draft.body[draft.body.length - 1]?.trim() === '') draft.body.pop();
  while (draft.body.length > 0 && draft.body[0]?.trim() === '') draft.body.shift();
  if (draft.title === '') {
    problems.push(`line ${draft.line}: a \`##\` heading without a title; section skipped`);
    return;
  }
  const words = keywordsOf(`${draft.title} ${draft.keywords}`);
  if (words.length === 0) {
    problems.push(`line ${draft.line}: "${draft.title}" has no usable word in its title or keywords; section skipped`);
    return;
  }
  const text = draft.body.length > 0 ? `## ${draft.title}\n${draft.body.join('\n')}` : `## ${draft.title}`;
  entries.push({ title: draft.title, words, text });
}

/** Parses an anti-patterns file's text; never throws. */
export function parseAntiPatterns(text: string): AntiPatterns {
  const entries: AntiPattern[] = [];
  const problems: string[] = [];
  let draft: Draft | undefined;
  let fence: string | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
    } else if (opener !== undefined) {
      fence = opener;
    } else {
      const heading = SECTION.exec(line);
      if (heading !== null) {
        if (draft !== undefined) finish(draft, entries, problems);
        draft = { title: (heading[1] ?? '').trim(), line: index + 1, keywords: '', body: [] };
        return;
      }
      const keywords = draft !== undefined && draft.keywords === '' ? KEYWORDS.exec(line) : null;
      if (keywords !== null && draft !== undefined) {
        draft.keywords = keywords[1] ?? '';
        return;
      }
    }
    draft?.body.push(line);
  });
  if (draft !== undefined) finish(draft, entries, problems);
  if (entries.length === 0 && problems.length === 0 && text.trim() !== '')
    problems.push('no `## Title` sections found');
  return { entries, problems };
}
