/**
 * The two word expansions that can turn one written word into several command words, which an
 * attacker can use to hide a command name: brace expansion (`{rm,-rf,/}` is `rm -rf /`) and
 * splitting on `$IFS` (`rm${IFS}-rf${IFS}/`). Everything else stays one word.
 */
import type { WordToken } from './tokens.ts';

/** More alternatives than this is not a command anyone types; the rest are dropped. */
const MAX_WORDS = 256;
const IFS = /\$\{IFS[^}]*\}|\$IFS(?![A-Za-z0-9_])/g;

/** Finds the first `{…}` holding a top-level comma (not `${…}`); returns its bounds and the comma positions. */
function findBraces(text: string): { open: number; close: number; commas: number[] } | undefined {
  for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', open + 1)) {
    if (text.charAt(open - 1) === '$') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < text.length; i += 1) {
      const char = text.charAt(i);
      if (char === '{') depth += 1;
      else if (char === '}') {
        depth -= 1;
        if (depth === 0) {
          if (commas.length > 0) return { open, close: i, commas };
          break;
        }
      } else if (char === ',' && depth === 1) commas.push(i);
    }
  }
  return undefined;
}

/** Brace-expands `text` as bash does for comma lists (`a{b,c}d` → `abd acd`); `{1..3}` is left alone. */
export function expandBraces(text: string): string[] {
  const found = findBraces(text);
  if (found === undefined) return [text];
  const prefix = text.slice(0, found.open);
  const suffix = text.slice(found.close + 1);
  const bounds = [found.open, ...found.commas, found.close];
  const out: string[] = [];
  for (let i = 0; i + 1 < bounds.length && out.length < MAX_WORDS; i += 1) {
    const part = text.slice((bounds[i] as number) + 1, bounds[i + 1]);
    for (const word of expandBraces(prefix + part + suffix)) {
      if (out.length < MAX_WORDS) out.push(word);
    }
  }
  return out;
}

/** The command words a written word can become: brace-expanded, split at `$IFS`; empty results dropped. */
export function expandWord(token: WordToken): string[] {
  const words = token.braces ? expandBraces(token.text) : [token.text];
  if (!token.text.includes('IFS')) return words;
  return words.flatMap((word) => word.split(IFS)).filter((word) => word !== '');
}
