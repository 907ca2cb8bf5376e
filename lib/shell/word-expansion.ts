/**
 * The two word expansions that can turn one written word into several command words, which an
 * attacker can use to hide a command name: brace expansion (`{rm,-rf,/}` is `rm -rf /`) and
 * splitting on `$IFS` (`rm${IFS}-rf${IFS}/`). Everything else stays one word.
 *
 * Brace expansion is capped (lib/shell/limits.ts): a word that would expand into more than 256
 * words throws instead of being cut short, because a cut list could drop the very word a rule
 * looks for (`rm -rf {a1,…,a300,/}`). Finding a group is one linear pass, and a word with 256
 * groups or more is refused before any expansion, since it expands into more words than groups.
 */
import { DEFAULT_LIMITS, limitError } from './limits.ts';
import type { WordToken } from './tokens.ts';

const IFS = /\$\{IFS[^}]*\}|\$IFS(?![A-Za-z0-9_])/g;

interface BraceGroup {
  open: number;
  close: number;
  /** Positions of the commas at the group's own level. */
  commas: number[];
}

/**
 * In one pass: the leftmost `{…}` holding a comma at its own level (not `${…}`), which bash
 * expands first, and how many such groups the text holds in all.
 */
function scanBraces(text: string): { first: BraceGroup | undefined; groups: number } {
  const open: Array<{ at: number; commas: number[]; candidate: boolean }> = [];
  let first: BraceGroup | undefined;
  let groups = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 0x7b /* { */) open.push({ at: i, commas: [], candidate: text.charAt(i - 1) !== '$' });
    else if (char === 0x2c /* , */) open[open.length - 1]?.commas.push(i);
    else if (char === 0x7d /* } */) {
      const group = open.pop();
      if (group === undefined || !group.candidate || group.commas.length === 0) continue;
      groups += 1;
      if (first === undefined || group.at < first.open) first = { open: group.at, close: i, commas: group.commas };
    }
  }
  return { first, groups };
}

function expandInto(text: string, group: BraceGroup | undefined, out: string[], maxWords: number): void {
  if (group === undefined) {
    if (out.length >= maxWords) throw limitError('braceWords', maxWords);
    out.push(text);
    return;
  }
  const prefix = text.slice(0, group.open);
  const suffix = text.slice(group.close + 1);
  const bounds = [group.open, ...group.commas, group.close];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const next = prefix + text.slice((bounds[i] as number) + 1, bounds[i + 1]) + suffix;
    expandInto(next, scanBraces(next).first, out, maxWords);
  }
}

/**
 * Brace-expands `text` as bash does for comma lists (`a{b,c}d` → `abd acd`); `{1..3}` is left
 * alone. Throws ShellParseError (E_SHELL_TOO_LARGE) past `maxWords` words.
 */
export function expandBraces(text: string, maxWords: number = DEFAULT_LIMITS.braceWords): string[] {
  const { first, groups } = scanBraces(text);
  if (first === undefined) return [text];
  // Each group adds at least one word, so this many cannot fit; it also bounds the recursion.
  if (groups >= maxWords) throw limitError('braceWords', maxWords);
  const out: string[] = [];
  expandInto(text, first, out, maxWords);
  return out;
}

/** The command words a written word can become: brace-expanded, split at `$IFS`; empty results dropped. */
export function expandWord(token: WordToken, maxBraceWords: number = DEFAULT_LIMITS.braceWords): string[] {
  const words = token.braces ? expandBraces(token.text, maxBraceWords) : [token.text];
  if (!token.text.includes('IFS')) return words;
  return words.flatMap((word) => word.split(IFS)).filter((word) => word !== '');
}
