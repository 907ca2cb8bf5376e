/**
 * The word matching behind prompt-context's relevance: a prompt, a keyword or a file name becomes
 * a set of lowercase word tokens, split at non-letters and at camelCase humps, with stop words and
 * one-character tokens dropped and a plural `s` folded (`migrations` matches `migration`).
 * Deliberately small: no stemming library, no synonyms; a miss costs one note the model doesn't see.
 */

// Function words and the filler of chat prompts: they would make every entry match every prompt.
const STOP_WORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by can could ' +
    'did do does doing done down during each few for from further get got had has have having he her here hers him his how i if ' +
    'in into is it its itself just let lets like make me more most my no nor not now of off on once only or other our ours out ' +
    'over own please same she should so some such than that the their theirs them then there these they this those through to ' +
    'too under until up us use very was we were what when where which while who whom why will with would you your yours ' +
    'anything help maybe need see something sure thank thanks try want yes ok okay'
  ).split(' '),
);

/** Folds a plural: `migrations` → `migration`, `policies` → `policy`; leaves `class`, `status`, `analysis` alone. */
export function fold(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lowercase word tokens of `text` in order, split at non-letters/digits and camelCase humps; nothing dropped. */
export function wordTokens(text: string): string[] {
  // ASCII-only text (file names, most prompts) takes plain regexes: Unicode property classes cost
  // several times more in a cold process, and a hook process is always cold.
  const tokens = /^[\x00-\x7f]*$/.test(text)
    ? text
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
    : text
        .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u);
  return tokens.filter((token) => token !== '');
}

/** The folded, deduplicated tokens of `text` that can carry meaning: no stop words, nothing shorter than 2 characters. */
export function keywordsOf(text: string): string[] {
  const out = new Set<string>();
  for (const token of wordTokens(text)) {
    if (token.length < 2 || STOP_WORDS.has(token)) continue;
    out.add(fold(token));
  }
  return [...out];
}

/**
 * A cheap test that `text` may hold a token folding to `word`: its lowercase form contains the
 * word, or for a word ending in `y` (folded from `-ies`) the word without the `y`. Never false
 * when keywordsOf(text) includes `word`, so it can rule texts out before tokenising them.
 */
export function mayContain(lowerText: string, word: string): boolean {
  return lowerText.includes(word.endsWith('y') ? word.slice(0, -1) : word);
}

/** How many of `words` the prompt's keyword set holds: an entry's relevance. */
export function overlap(words: readonly string[], prompt: ReadonlySet<string>): number {
  let score = 0;
  for (const word of words) if (prompt.has(word)) score++;
  return score;
}
